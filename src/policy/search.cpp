#include "policy/search.h"

namespace verdict::policy {

namespace {
std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "; " : "") + v[i];
  return s;
}
}  // namespace

Approx flip(Approx a) { return a == Approx::Upper ? Approx::Lower : Approx::Upper; }

SearchResult search_request(const GoalBuilder& goal, const Universe& u, unsigned timeout_ms) {
  SearchResult out;
  const FormulaRef wf = well_formed(u);
  const Goal lower = goal(Approx::Lower);
  out.approximated = lower.approximated;
  const auto r = smt::solve_policy(smt::f_and({lower.formula, wf}), {}, timeout_ms);
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
  const auto r2 = smt::solve_policy(smt::f_and({upper.formula, wf}), {}, timeout_ms);
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
