// The public policy API, continued: compare and allows.
#include <chrono>

#include "policy/compare_directions.h"
#include "policy/evaluator.h"
#include "policy/parser.h"
#include "policy/question_support.h"
#include "policy/search.h"
#include "policy/witness.h"
#include "verdict/errors.h"
#include "verdict/policy.h"

namespace verdict {

using namespace policy;

namespace {

}  // namespace

PolicyAnswer policy_compare(const PolicyDocument& da, const PolicyDocument& db, const PolicyOptions& options) {
  if (!options.context.empty()) return compare_in_context(da, db, options);
  const auto start = std::chrono::steady_clock::now();
  const Policy a = parse_policy_text(da.text, da.name), b = parse_policy_text(db.text, db.name);
  PolicyAnswer ans;
  ans.question = "compare";
  ans.policies = {da.name, db.name};
  ans.assumptions = evaluation_assumptions("each policy is", "statements without a Principal apply to any principal");
  const Universe u = Universe::of({&a, &b});
  const support::Deadline deadline = question_deadline(options);
  // The first direction may use half of the time left, so that the second one gets its turn.
  const auto ab = one_direction(ans, alone_direction(a, b, "A", "B", WitnessRole::ANotB, u), u,
                                deadline.child(deadline.remaining_ms() / 2000.0));
  const auto ba = one_direction(ans, alone_direction(b, a, "B", "A", WitnessRole::BNotA, u), u, deadline);
  conclude_compare(ans, ab, ba);
  ans.time_ms = ms_since(start);
  return ans;
}

namespace {

// Solver cross-check of a concrete evaluation: "yes"/"no" if decided, "" if inconclusive.
std::string solver_opinion(const Policy& p, const PolicyRequest& r, const support::Deadline& deadline,
                           std::vector<std::string>& notes) {
  Universe u = Universe::of({&p}, {}, {r.principal});
  u.fit(r);
  const auto fixed = request_equals(u, r);
  if (!fixed) {
    notes.push_back("solver cross-check skipped: the request has a value the model cannot represent");
    return "";
  }
  const SearchResult s = search_request(
      [&](Approx side) {
        Encoding e = encode_allowed(p, u, {side, std::nullopt});
        return Goal{smt::f_and({e.allowed, *fixed}), {}, e.approximated};
      },
      u, deadline);
  if (s.status == smt::PolicySat::Sat) return "yes";
  if (s.status == smt::PolicySat::Unsat) return "no";
  notes.push_back("solver cross-check inconclusive: " + s.reason);
  return "";
}

}  // namespace

PolicyAnswer policy_allows(const PolicyDocument& doc, const PolicyRequest& request, const PolicyOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const Policy p = parse_policy_text(doc.text, doc.name);
  PolicyAnswer a;
  a.question = "allows";
  a.policies = {doc.name};
  a.assumptions = evaluation_assumptions("each policy is", "statements without a Principal apply to any principal");
  PolicyWitness w;
  w.role = WitnessRole::Request;
  w.request = request;
  try {
    const EvalResult ev = evaluate(p, request);
    w.allowed_by = labels(p, ev.allowing, "");
    w.denied_by = labels(p, ev.denying, "");
    const std::string solver = solver_opinion(p, request, question_deadline(options), a.notes);
    if (reconcile_with_solver(solver, ev.allowed, a, w)) {
      if (ev.allowed)
        w.explanation = "allowed by " + join(w.allowed_by) + "; no Deny applies";
      else if (!ev.denying.empty())
        w.explanation = "explicitly denied by " + join(w.denied_by) +
                        (ev.allowing.empty() ? "" : " (overriding " + join(w.allowed_by) + ")");
      else
        w.explanation = "no statement allows it (implicit deny)";
      a.statements = ev.allowed ? w.allowed_by : w.denied_by;
      a.reason = w.explanation;
    }
  } catch (const Unsupported& e) {
    a.reason = std::string("not modelled: ") + e.what();
  }
  a.witnesses.push_back(w);
  a.time_ms = ms_since(start);
  return a;
}

}  // namespace verdict
