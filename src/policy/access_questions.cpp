// The questions over several policies at once (AWS's evaluation logic across policy types,
// access.h): `allows` of one request, and `compare` of A and B in the same role among the
// context's policies. Every request in an answer is re-checked by the concrete decision.
#include <chrono>

#include "policy/access.h"
#include "policy/compare_directions.h"
#include "policy/evaluator.h"
#include "policy/parser.h"
#include "policy/question_support.h"
#include "verdict/errors.h"

namespace verdict {

using namespace policy;

namespace {

PolicyType type_named(const std::string& name) {
  for (PolicyType t : {PolicyType::Identity, PolicyType::Resource, PolicyType::Boundary, PolicyType::Scp,
                       PolicyType::Rcp, PolicyType::Session})
    if (name == to_string(t)) return t;
  throw InputError("unknown policy role \"" + name + "\" (identity, resource, boundary, scp, rcp or session)");
}

AccessPolicies access_of(const PolicyContext& c, const std::string& account, std::vector<std::string>& names) {
  AccessPolicies ps;
  ps.resource_account = account;
  auto add = [&](PolicyType t, const std::vector<PolicyDocument>& docs) {
    for (const auto& d : docs) {
      ps.policies.emplace_back(t, parse_policy_text(d.text, d.name));
      names.push_back(std::string(to_string(t)) + ": " + d.name);
    }
  };
  add(PolicyType::Identity, c.identity);
  add(PolicyType::Resource, c.resource);
  add(PolicyType::Boundary, c.boundary);
  add(PolicyType::Scp, c.scp);
  add(PolicyType::Rcp, c.rcp);
  add(PolicyType::Session, c.session);
  ps.finish();
  return ps;
}

std::vector<std::string> access_assumptions(const AccessPolicies& ps) {
  return {"AWS's evaluation logic across policy types (IAM User Guide, \"Policy evaluation logic\"): an explicit "
          "Deny in any policy denies; every RCP must allow; every SCP must allow a principal of an account; "
          "same account: a resource-based policy naming the principal (or everyone) allows on its own (for a role ARN "
          "only within its boundaries and session policies; a grant to the account delegates to its identity-based "
          "policies), or the identity-based policies allow within every boundary and session policy; "
          "cross-account: both must allow; principals of no account (anonymous, services) need a resource-based policy",
          ps.resource_account.empty() ? "the resource's account is the account field of its ARN (or, when that is empty, "
                                        "the principal's own account)"
                                      : "the resource belongs to account " + ps.resource_account,
          "each list of boundaries, SCPs, RCPs and session policies is one level that must allow (an empty list "
          "constrains nothing); the account root user and service-linked roles are not exempted",
          "actions match case-insensitively, resources and condition values case-sensitively; condition keys are "
          "independent of the principal"};
}

// The representatives of an access question also need a user and a role of the resource's account.
Universe access_universe(const std::vector<const Policy*>& policies, const std::string& resource_account,
                         const std::vector<std::string>& extra_principals) {
  std::vector<std::string> accounts, principals = extra_principals;
  if (!resource_account.empty()) {
    accounts.push_back(resource_account);
    principals.push_back("arn:aws:iam::" + resource_account + ":role/a-role");
    principals.push_back("arn:aws:iam::" + resource_account + ":user/a-user");
  }
  return Universe::of(policies, accounts, principals);
}

}  // namespace

PolicyAnswer policy_allows_in_context(const PolicyRequest& request, const PolicyOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  PolicyAnswer a;
  a.question = "allows";
  const AccessPolicies ps = access_of(options.context, options.account, a.policies);
  a.assumptions = access_assumptions(ps);
  PolicyWitness w;
  w.role = WitnessRole::Request;
  w.request = request;
  try {
    const AccessDecision d = evaluate_access(ps, request);
    w.allowed_by = d.allowed_by;
    w.denied_by = d.denied_by;
    Universe u = access_universe(ps.all(), ps.resource_account, {request.principal});
    u.fit(request);
    const auto fixed = request_equals(u, request);
    std::string solver;
    if (fixed) {
      const SearchResult s = search_request(
          [&](Approx side) {
            Encoding e = encode_access(ps, u, side);
            return Goal{smt::f_and({e.allowed, *fixed}), {}, e.approximated};
          },
          u, question_deadline(options));
      if (s.status != smt::PolicySat::Unknown) solver = s.status == smt::PolicySat::Sat ? "yes" : "no";
      else a.notes.push_back("solver cross-check inconclusive: " + s.reason);
    }
    if (reconcile_with_solver(solver, d.allowed, a, w)) {
      w.explanation = d.rule;
      a.statements = d.allowed ? d.allowed_by : d.denied_by;
      a.reason = (d.allowed ? "allowed: " : "denied: ") + d.rule;
    }
  } catch (const Unsupported& e) {
    a.reason = std::string("not modelled: ") + e.what();
  }
  a.witnesses.push_back(w);
  a.time_ms = ms_since(start);
  return a;
}

namespace {

Direction context_direction(const AccessPolicies& yes, const AccessPolicies& no, const Policy& yes_changed,
                            WitnessRole role, const Universe& u) {
  Direction d;
  d.role = role;
  d.holds = [&yes, &no](const PolicyRequest& q) { return evaluate_access(yes, q).allowed && !evaluate_access(no, q).allowed; };
  d.sources = {&yes_changed};
  for (const auto& [t, p] : yes.policies)
    if (&p != &yes_changed && (t == PolicyType::Identity || t == PolicyType::Resource)) d.sources.push_back(&p);
  d.all = yes.all();
  for (const Policy* p : no.all()) d.all.push_back(p);
  d.goal = [&yes, &no, &u](Approx side) {
    Encoding ey = encode_access(yes, u, side), en = encode_access(no, u, flip(side));
    std::vector<std::string> approx = ey.approximated;
    approx.insert(approx.end(), en.approximated.begin(), en.approximated.end());
    return Goal{smt::f_and({ey.allowed, smt::f_not(en.allowed)}), {}, approx};
  };
  d.witness = [&yes, &no, role, all = d.all](const PolicyRequest& r) -> std::optional<PolicyWitness> {
    auto holds = [&](const PolicyRequest& q) { return evaluate_access(yes, q).allowed && !evaluate_access(no, q).allowed; };
    if (!holds(r)) return std::nullopt;
    PolicyWitness w;
    w.role = role;
    w.request = polish_request(r, holds, all);
    const AccessDecision dy = evaluate_access(yes, w.request), dn = evaluate_access(no, w.request);
    const char* y = role == WitnessRole::ANotB ? "A" : "B";
    const char* n = role == WitnessRole::ANotB ? "B" : "A";
    w.rechecked = true;
    w.allowed_by = dy.allowed_by;
    w.denied_by = dn.denied_by;
    w.explanation = describe_request(w.request) + ": with " + y + ", " + dy.rule + "; with " + n + ", " + dn.rule;
    return w;
  };
  return d;
}

}  // namespace

PolicyAnswer policy::compare_in_context(const PolicyDocument& da, const PolicyDocument& db, const PolicyOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const PolicyType slot = type_named(options.compare_as);
  PolicyAnswer ans;
  ans.question = "compare";
  std::vector<std::string> names;
  AccessPolicies with_a = access_of(options.context, options.account, names), with_b = with_a;
  with_a.policies.emplace_back(slot, parse_policy_text(da.text, da.name));
  with_b.policies.emplace_back(slot, parse_policy_text(db.text, db.name));
  with_a.finish();
  with_b.finish();
  ans.policies = {std::string(to_string(slot)) + " A: " + da.name, std::string(to_string(slot)) + " B: " + db.name};
  ans.policies.insert(ans.policies.end(), names.begin(), names.end());
  ans.assumptions = access_assumptions(with_a);
  std::vector<const Policy*> every = with_a.all();
  every.push_back(&with_b.policies.back().second);
  const Universe u = access_universe(every, options.account, {});
  const support::Deadline deadline = question_deadline(options);
  const auto ab = one_direction(ans, context_direction(with_a, with_b, with_a.policies.back().second, WitnessRole::ANotB, u),
                                u, deadline.child(deadline.remaining_ms() / 2000.0));
  const auto ba = one_direction(ans, context_direction(with_b, with_a, with_b.policies.back().second, WitnessRole::BNotA, u),
                                u, deadline);
  conclude_compare(ans, ab, ba);
  ans.time_ms = ms_since(start);
  return ans;
}

}  // namespace verdict
