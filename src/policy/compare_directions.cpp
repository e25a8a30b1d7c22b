// The two directions of `compare` and the relation they make (compare_directions.h).
#include "policy/compare_directions.h"

#include "policy/cheap_witness.h"
#include "policy/question_support.h"
#include "verdict/errors.h"

namespace verdict::policy {

namespace {

std::string relation_of(smt::PolicySat ab, smt::PolicySat ba) {
  using smt::PolicySat;
  if (ab == PolicySat::Unsat && ba == PolicySat::Unsat) return "equivalent";
  if (ab == PolicySat::Sat && ba == PolicySat::Unsat) return "a_more_permissive";
  if (ab == PolicySat::Unsat && ba == PolicySat::Sat) return "b_more_permissive";
  if (ab == PolicySat::Sat && ba == PolicySat::Sat) return "incomparable";
  return "";
}

}  // namespace

// One direction of compare: is there a request `d.holds` (allowed by one side, not by the
// other)? The cheap witnesses (literals of the allowing side's statements, on the evaluator)
// come first; the solver is asked only when none of them shows a difference.

smt::PolicySat one_direction(PolicyAnswer& a, const Direction& d, const Universe& u, const support::Deadline& deadline) {
  std::optional<PolicyRequest> found;
  for (const Policy* src : d.sources) {
    if (found) break;
    found = find_cheap_witness(*src, d.all, u.principals, d.holds, deadline);
  }
  if (!found) {
    const SearchResult s = search_request(d.goal, u, deadline);
    for (const auto& n : s.approximated) a.notes.push_back("approximated: " + n);
    if (s.status == smt::PolicySat::Unknown) {
      a.notes.push_back(std::string(to_string(d.role)) + ": " + s.reason);
      return s.status;
    }
    if (s.status == smt::PolicySat::Unsat) return s.status;
    found = s.request;
  }
  try {
    auto w = d.witness(*found);
    if (!w) {
      a.notes.push_back(std::string(to_string(d.role)) + ": the solver's request was not confirmed by the concrete evaluator: " +
                        describe_request(*found));
      return smt::PolicySat::Unknown;
    }
    a.statements.insert(a.statements.end(), w->allowed_by.begin(), w->allowed_by.end());
    a.statements.insert(a.statements.end(), w->denied_by.begin(), w->denied_by.end());
    a.witnesses.push_back(*w);
  } catch (const Unsupported& e) {
    a.notes.push_back(std::string(to_string(d.role)) + ": the concrete evaluator does not model: " + e.what());
    return smt::PolicySat::Unknown;
  }
  return smt::PolicySat::Sat;
}

void conclude_compare(PolicyAnswer& ans, smt::PolicySat ab, smt::PolicySat ba) {
  ans.relation = relation_of(ab, ba);
  if (ans.relation.empty()) {
    ans.reason = "could not decide both directions: " + join(ans.notes);
  } else {
    ans.verdict = ans.relation == "equivalent" ? Verdict::Yes : Verdict::No;
    ans.reason = ans.relation == "equivalent" ? "A and B allow exactly the same requests"
               : ans.relation == "incomparable" ? "each policy allows a request the other does not"
               : ans.relation == "a_more_permissive" ? "A allows everything B allows, and more"
                                                     : "B allows everything A allows, and more";
  }
}

}  // namespace verdict::policy
