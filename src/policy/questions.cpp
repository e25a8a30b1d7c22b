// The public policy API (include/verdict/policy.h): public, compare, allows. Each question is
// a symbolic search plus a concrete re-evaluation of every request it reports.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "policy/evaluator.h"
#include "policy/parser.h"
#include "policy/public_rule.h"
#include "policy/question_support.h"
#include "policy/search.h"
#include "policy/witness.h"
#include "verdict/errors.h"
#include "verdict/policy.h"

namespace verdict {

using namespace policy;

namespace {

Policy parse_doc(const PolicyDocument& d) { return parse_policy_text(d.text, d.name); }

void add_approximation_notes(PolicyAnswer& a, const std::vector<std::string>& approximated) {
  for (const auto& n : approximated) a.notes.push_back("approximated: " + n);
}

// ---- public ----

// RCPs around the resource policy: each must allow, none may deny (docs/policy.md, rules 1-2).
bool rcps_allow(const std::vector<Policy>& rcps, const PolicyRequest& r) {
  for (const auto& rcp : rcps)
    if (!evaluate(rcp, r).allowed) return false;
  return true;
}

GoalBuilder public_goal(const Policy& p, const std::vector<Policy>& rcps, const Universe& u, const PublicRule& rule,
                        bool with_unconfined) {
  return [&p, &rcps, &u, &rule, with_unconfined](Approx side) {
    EncodeOptions o{side, attached_identity(), true};  // outsiders are never the attached identity
    Encoding e = encode_allowed(p, u, o);
    std::vector<FormulaRef> parts = {smt::f_not(e.denied), outsider_formula(rule, u)};
    for (const auto& rcp : rcps) {
      Encoding er = encode_allowed(rcp, u, {side, std::nullopt});
      e.approximated.insert(e.approximated.end(), er.approximated.begin(), er.approximated.end());
      parts.push_back(er.allowed);
    }
    if (with_unconfined) parts.push_back(unconfined_formula(rule, u));
    if (e.allow_cases.empty()) parts.push_back(smt::f_false());
    return Goal{smt::f_and(std::move(parts)), e.allow_cases, e.approximated};
  };
}

// Re-evaluates a claimed public request; returns the evaluation when it holds.
std::optional<EvalResult> recheck_public(const Policy& p, const std::vector<Policy>& rcps, const PublicRule& rule,
                                         const PolicyRequest& r) {
  EvalOptions eo{attached_identity()};
  EvalResult ev = evaluate(p, r, eo);
  if (ev.allowed && rcps_allow(rcps, r) && is_outsider(rule, r.principal) && is_unconfined(rule, r)) return ev;
  return std::nullopt;
}

void explain_not_public(PolicyAnswer& a, const Policy& p, const std::vector<Policy>& rcps, const Universe& u,
                        const PublicRule& rule, const support::Deadline& deadline) {
  const SearchResult any = search_request(public_goal(p, rcps, u, rule, false), u, deadline);
  if (any.status == smt::PolicySat::Unsat) {
    a.reason = "not public: no request from an outsider (anonymous, a public identity provider's user, or a "
               "principal of an account the policy does not name) is allowed";
    return;
  }
  std::vector<std::string> keys;
  for (const auto& [k, f] : rule.keys) keys.push_back(f.as_written);
  a.reason = "not public: outsiders get in only with fixed values of " + (keys.empty() ? std::string("rule keys") : join(keys));
  if (any.status != smt::PolicySat::Sat) return;
  try {
    auto holds = [&](const PolicyRequest& r) {
      return evaluate(p, r, EvalOptions{attached_identity()}).allowed && rcps_allow(rcps, r) &&
             is_outsider(rule, r.principal);
    };
    if (!holds(any.request)) return;
    PolicyWitness w;
    w.role = WitnessRole::OutsiderFixedValue;
    w.request = polish_request(any.request, holds, {&p});
    w.rechecked = true;
    w.allowed_by = labels(p, evaluate(p, w.request, EvalOptions{attached_identity()}).allowing);
    w.explanation = "an outsider request the policy allows only because it carries a fixed value: " +
                    describe_request(w.request);
    a.witnesses.push_back(w);
  } catch (const Unsupported&) {
  }
}

}  // namespace

PolicyDocument load_policy_document(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read the policy file");
  std::stringstream ss;
  ss << in.rdbuf();
  return {path, ss.str()};
}

PolicyRequest parse_policy_request(const std::string& json_text, const std::string& name) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(name + ": not valid JSON: " + e.what());
  }
  return parse_request(j, name);
}

PolicyAnswer policy_public(const PolicyDocument& doc, const PolicyOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const support::Deadline deadline = question_deadline(options);
  const Policy p = parse_doc(doc);
  PolicyAnswer a;
  a.question = "public";
  a.policies = {doc.name};
  a.assumptions = evaluation_assumptions("the policy is", "requests range over all principal, action and resource strings");
  a.assumptions.push_back("public = some request from an outsider is allowed in which none of the rule's keys "
                          "(aws:SourceIp, aws:SourceVpce, aws:PrincipalOrgID, ...) is held to fixed values "
                          "(S3 User Guide, \"The meaning of public\"); Deny statements count");
  a.assumptions.push_back("statements without a Principal apply only to the identity the policy is attached to");
  const auto& c = options.context;
  if (!c.identity.empty() || !c.resource.empty() || !c.boundary.empty() || !c.scp.empty() || !c.session.empty())
    throw InputError("usage: public takes the resource policy and, around it, only --rcp (outsiders' own identity "
                     "policies, boundaries and SCPs are theirs to choose)");
  std::vector<Policy> rcps;
  std::vector<const Policy*> all = {&p};
  for (const auto& d : c.rcp) {
    rcps.push_back(parse_doc(d));
    a.policies.push_back("rcp: " + d.name);
  }
  for (const auto& r : rcps) all.push_back(&r);
  if (!rcps.empty())
    a.assumptions.push_back("every RCP given must allow the request, and none may deny it (IAM User Guide, "
                            "\"How AWS enforcement code logic evaluates requests\", AWS Organizations RCPs)");
  PublicRule rule = public_rule_for(p, options.account);
  for (const auto& rcp : rcps)  // an RCP's fixed values confine access as the policy's own do
    for (const auto& [key, f] : public_rule_for(rcp, options.account).keys) {
      FixedValues& mine = rule.keys[key];
      if (mine.as_written.empty()) mine.as_written = f.as_written;
      mine.literals.insert(mine.literals.end(), f.literals.begin(), f.literals.end());
      mine.fixed_patterns.insert(mine.fixed_patterns.end(), f.fixed_patterns.begin(), f.fixed_patterns.end());
      mine.narrow_cidrs.insert(mine.narrow_cidrs.end(), f.narrow_cidrs.begin(), f.narrow_cidrs.end());
    }
  // Only statements with a Principal can let an outsider in (the others apply to the attached
  // identity): without one the question needs no solver, nor the classes.
  const bool principals = std::any_of(p.statements.begin(), p.statements.end(), [](const Statement& st) { return st.has_principal; });
  const Universe u = Universe::of(all, std::vector<std::string>(rule.named_accounts.begin(), rule.named_accounts.end()), {},
                                  principals);
  const SearchResult s = search_request(public_goal(p, rcps, u, rule, true), u, deadline);
  add_approximation_notes(a, s.approximated);
  if (s.status == smt::PolicySat::Unknown) {
    a.reason = s.reason;
  } else if (s.status == smt::PolicySat::Unsat) {
    a.verdict = Verdict::No;
    explain_not_public(a, p, rcps, u, rule, deadline);
  } else {
    try {
      auto holds = [&](const PolicyRequest& r) { return recheck_public(p, rcps, rule, r).has_value(); };
      PolicyWitness w;
      w.role = WitnessRole::AllowedRequest;
      w.request = s.request;
      if (holds(w.request)) w.request = polish_request(w.request, holds, {&p});
      const auto ev = recheck_public(p, rcps, rule, w.request);
      if (!ev) {
        a.reason = "the solver's witness was not confirmed by the concrete evaluator (encoding disagreement): " +
                   describe_request(w.request);
      } else {
        w.rechecked = true;
        w.allowed_by = labels(p, ev->allowing);
        w.explanation = "an outsider gets in: " + describe_request(w.request) + "; allowed by " +
                        join(w.allowed_by) + ", no Deny applies, and no rule key holds it to fixed values";
        a.verdict = Verdict::Yes;
        a.statements = w.allowed_by;
        a.reason = "public: " + w.explanation;
      }
      a.witnesses.push_back(w);
    } catch (const Unsupported& e) {
      a.reason = std::string("the concrete evaluator does not model: ") + e.what();
    }
  }
  a.time_ms = ms_since(start);
  return a;
}

}  // namespace verdict
