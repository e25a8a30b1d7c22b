// The two directions of `compare` and the relation they make (compare_directions.h).
#include "policy/compare_directions.h"

#include "policy/cheap_witness.h"
#include "policy/evaluator.h"
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

// "allowed by X, not by Y" as a re-checked witness; nullopt when the evaluator disagrees.
std::optional<PolicyWitness> difference_witness(const Policy& yes, const Policy& no, const char* yes_name,
                                                const char* no_name, WitnessRole role, PolicyRequest r) {
  auto holds = [&](const PolicyRequest& q) { return evaluate(yes, q).allowed && !evaluate(no, q).allowed; };
  if (!holds(r)) return std::nullopt;
  PolicyWitness w;
  w.role = role;
  w.request = polish_request(r, holds, {&yes, &no});
  const EvalResult ey = evaluate(yes, w.request), en = evaluate(no, w.request);
  w.rechecked = true;
  w.allowed_by = labels(yes, ey.allowing, std::string(yes_name) + " ");
  w.denied_by = labels(no, en.denying, std::string(no_name) + " ");
  std::string why_not = en.denying.empty() ? "no statement of " + std::string(no_name) + " allows it"
                                           : join(w.denied_by) + " denies it";
  w.explanation = describe_request(w.request) + ": allowed by " + join(w.allowed_by) + "; " + why_not;
  return w;
}

GoalBuilder difference_goal(const Policy& yes, const Policy& no, const Universe& u) {
  return [&yes, &no, &u](Approx side) {
    EncodeOptions oy{side, std::nullopt}, on{flip(side), std::nullopt};
    Encoding ey = encode_allowed(yes, u, oy), en = encode_allowed(no, u, on);
    std::vector<std::string> approx = ey.approximated;
    approx.insert(approx.end(), en.approximated.begin(), en.approximated.end());
    const FormulaRef rest = ey.allow_cases.empty() ? smt::f_false() : smt::f_and({smt::f_not(ey.denied), smt::f_not(en.allowed)});
    return Goal{rest, ey.allow_cases, approx};
  };
}

// The request with Z3's `\u{...}` escapes and bytes outside printable ASCII replaced by `x`.
PolicyRequest printable_request(PolicyRequest r) {
  auto clean = [](std::string s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 3, "\\u{") == 0) {
        const auto end = s.find('}', i);
        if (end != std::string::npos) {
          out += 'x';
          i = end;
          continue;
        }
      }
      const auto c = static_cast<unsigned char>(s[i]);
      out += (c < 0x20 || c > 0x7e) ? 'x' : s[i];
    }
    return out;
  };
  r.action = clean(r.action);
  r.resource = clean(r.resource);
  for (auto& [k, v] : r.context)
    for (auto& x : v.values) x = clean(x);
  return r;
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
    if (!w) w = d.witness(printable_request(*found));  // the solver's strings may hold escapes
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

Direction alone_direction(const Policy& yes, const Policy& no, const char* yn, const char* nn, WitnessRole role,
                          const Universe& u) {
  Direction d;
  d.role = role;
  d.holds = [&yes, &no](const PolicyRequest& q) { return evaluate(yes, q).allowed && !evaluate(no, q).allowed; };
  d.sources = {&yes};
  d.all = {&yes, &no};
  d.goal = difference_goal(yes, no, u);
  d.witness = [&yes, &no, yn, nn, role](const PolicyRequest& r) { return difference_witness(yes, no, yn, nn, role, r); };
  return d;
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
