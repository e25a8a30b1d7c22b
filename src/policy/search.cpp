#include "policy/search.h"

#include <algorithm>
#include <chrono>

namespace verdict::policy {

namespace {
std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "; " : "") + v[i];
  return s;
}
}  // namespace

Approx flip(Approx a) { return a == Approx::Upper ? Approx::Lower : Approx::Upper; }

namespace {

// Solves formula and OR(cases), one case at a time (smaller queries are much easier for the
// string solver); sat as soon as one case is, unsat when every case is.
smt::PolicySolveResult solve_split(const Goal& g, const FormulaRef& wf, const support::Deadline& deadline) {
  const auto start = std::chrono::steady_clock::now();
  const FormulaRef whole = smt::f_and({smt::f_or(g.cases), g.formula, wf});
  if (g.cases.size() <= 1)
    return smt::solve_policy(g.cases.empty() ? smt::f_and({g.formula, wf}) : whole, {}, deadline.remaining_ms(), deadline);
  auto first = smt::solve_policy(whole, {}, 400u, deadline);
  if (first.status != smt::PolicySat::Unknown) return first;
  smt::PolicySolveResult out;
  out.status = smt::PolicySat::Unsat;
  for (const auto& c : g.cases) {
    if (deadline.expired()) {
      out.status = smt::PolicySat::Unknown;
      out.reason = "the time limit was reached";
      break;
    }
    auto r = smt::solve_policy(smt::f_and({c, g.formula, wf}), {}, deadline.remaining_ms(), deadline);
    if (r.status == smt::PolicySat::Sat) return r;
    if (r.status == smt::PolicySat::Unknown) {
      out.status = smt::PolicySat::Unknown;
      out.reason = r.reason;
    }
  }
  out.time_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace

SearchResult search_request(const GoalBuilder& goal, const Universe& u, const support::Deadline& deadline) {
  SearchResult out;
  const FormulaRef wf = well_formed(u);
  const Goal lower = goal(Approx::Lower);
  out.approximated = lower.approximated;
  const auto r = solve_split(lower, wf, deadline);
  out.solver_ms += r.time_ms;
  if (r.status == smt::PolicySat::Sat) {
    out.status = smt::PolicySat::Sat;
    out.request = request_from_model(u, r.model);
    return out;
  }
  if (lower.approximated.empty()) {
    out.status = r.status;
    out.reason = r.reason;
    return out;
  }
  const Goal upper = goal(Approx::Upper);
  const auto r2 = solve_split(upper, wf, deadline);
  out.solver_ms += r2.time_ms;
  if (r2.status == smt::PolicySat::Unsat) {
    out.status = smt::PolicySat::Unsat;
    return out;
  }
  out.status = smt::PolicySat::Unknown;
  out.reason = r2.status == smt::PolicySat::Unknown
                   ? r2.reason
                   : "the answer depends on constructs that are only approximated: " + join(lower.approximated);
  return out;
}

}  // namespace verdict::policy
