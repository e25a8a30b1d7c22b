#include "policy/access.h"

#include <algorithm>
#include <map>

#include "policy/evaluator.h"
#include "support/invariant.h"
#include "policy/question_support.h"

namespace verdict::policy {

const char* to_string(PolicyType t) {
  switch (t) {
    case PolicyType::Identity: return "identity";
    case PolicyType::Resource: return "resource";
    case PolicyType::Boundary: return "boundary";
    case PolicyType::Scp: return "scp";
    case PolicyType::Rcp: return "rcp";
    case PolicyType::Session: return "session";
  }
  return "policy";
}

bool AccessPolicies::has(PolicyType t) const {
  for (const auto& [type, p] : policies)
    if (type == t) return true;
  return false;
}

std::vector<const Policy*> AccessPolicies::all() const {
  std::vector<const Policy*> out;
  for (const auto& [type, p] : policies) out.push_back(&p);
  return out;
}

void AccessPolicies::finish() {
  direct.clear();
  for (const auto& [type, p] : policies) {
    if (type != PolicyType::Resource) continue;
    Policy d = p;
    for (auto& st : d.statements) {
      if (st.not_principal || !st.has_principal) continue;
      std::vector<PrincipalEntry> kept;
      for (const auto& e : st.principals)
        if (e.kind != PrincipalEntry::Kind::Account) kept.push_back(e);
      st.principals = std::move(kept);  // none left: the statement names no principal directly
    }
    direct.push_back(std::move(d));
  }
}

std::string principal_account(const std::string& principal) {
  if (principal.size() == 12 && principal.find_first_not_of("0123456789") == std::string::npos) return principal;
  for (const char* prefix : {"arn:aws:iam::", "arn:aws:sts::"}) {
    const std::string p(prefix);
    if (principal.rfind(p, 0) != 0) continue;
    const auto end = principal.find(':', p.size());
    if (end == std::string::npos) return "";
    return principal.substr(p.size(), end - p.size());
  }
  return "";
}

bool is_role_arn(const std::string& principal) {
  return principal.rfind("arn:aws:iam::", 0) == 0 && principal.find(":role/") != std::string::npos;
}

namespace {

// The fifth field of an ARN (arn:partition:service:region:account:...), or "".
std::string arn_account(const std::string& resource) {
  std::size_t pos = 0;
  for (int field = 0; field < 4; ++field) {
    pos = resource.find(':', pos);
    if (pos == std::string::npos) return "";
    ++pos;
  }
  if (resource.rfind("arn:", 0) != 0) return "";
  const auto end = resource.find(':', pos);
  return end == std::string::npos ? "" : resource.substr(pos, end - pos);
}

// Which of the rules the concrete decision took; the same rules as formulas are in
// encode_access below.
struct Grants {
  bool identity = false, resource = false, direct = false, boundary = true, session = true, scp = true, rcp = true;
};

// Evaluates every policy on the request: which types grant, and the applying statements.
Grants collect_grants(const AccessPolicies& ps, const PolicyRequest& r, AccessDecision& d) {
  Grants g;
  std::map<PolicyType, std::size_t> index;  // the n-th policy of its type, as given
  for (const auto& [type, p] : ps.policies) {
    const EvalResult ev = evaluate(p, r);
    const std::string prefix = std::string(to_string(type)) + "[" + std::to_string(index[type]++) + "] ";
    for (const auto& l : labels(p, ev.denying, prefix)) d.denied_by.push_back(l);
    const bool allows = !ev.allowing.empty();
    if (allows)
      for (const auto& l : labels(p, ev.allowing, prefix)) d.allowed_by.push_back(l);
    switch (type) {
      case PolicyType::Identity: g.identity = g.identity || allows; break;
      case PolicyType::Resource: g.resource = g.resource || allows; break;
      case PolicyType::Boundary: g.boundary = g.boundary && allows; break;
      case PolicyType::Session: g.session = g.session && allows; break;
      case PolicyType::Scp: g.scp = g.scp && allows; break;
      case PolicyType::Rcp: g.rcp = g.rcp && allows; break;
    }
  }
  VERDICT_INVARIANT(ps.direct.size() == static_cast<std::size_t>(std::count_if(ps.policies.begin(), ps.policies.end(),
                                                      [](const auto& tp) { return tp.first == PolicyType::Resource; })),
                    "AccessPolicies::finish() was called");
  for (const auto& p : ps.direct) g.direct = g.direct || !evaluate(p, r).allowing.empty();
  return g;
}

}  // namespace

AccessDecision evaluate_access(const AccessPolicies& ps, const PolicyRequest& r) {
  AccessDecision d;
  const Grants g = collect_grants(ps, r, d);
  const std::string account = principal_account(r.principal);
  if (!d.denied_by.empty()) {
    d.rule = "an explicit Deny applies (" + join(d.denied_by) + ")";
    return d;
  }
  if (!g.rcp) {
    d.rule = "no Allow of every RCP applies (resource control policies must allow)";
    return d;
  }
  if (!account.empty() && !g.scp) {
    d.rule = "no Allow of every SCP applies (service control policies must allow the account's principals)";
    return d;
  }
  const bool identity_path = g.identity && g.boundary && g.session;
  if (account.empty()) {
    d.allowed = g.resource;
    d.rule = g.resource ? "a resource-based policy allows it (the principal belongs to no account)"
                        : "no resource-based policy allows it, and the principal has no identity-based policies";
    return d;
  }
  std::string resource_account = ps.resource_account.empty() ? arn_account(r.resource) : ps.resource_account;
  if (resource_account.empty()) resource_account = account;
  if (resource_account == account) {
    const bool resource_alone = g.direct && (!is_role_arn(r.principal) || (g.boundary && g.session));
    d.allowed = resource_alone || identity_path;
    d.rule = resource_alone  ? "same account: a resource-based policy allows it, naming the principal"
             : identity_path ? "same account: the identity-based policies allow it (within every boundary and "
                               "session policy given)"
                             : "same account: neither a resource-based policy naming the principal nor the "
                               "identity-based policies (within the boundaries and session policies) allow it";
    return d;
  }
  d.allowed = identity_path && g.resource;
  d.rule = d.allowed ? "cross-account: both the identity-based policies (within the boundaries and session policies) "
                       "and a resource-based policy allow it"
                     : std::string("cross-account: ") +
                           (g.resource ? "the identity-based policies (within the boundaries and session policies) "
                                         "do not allow it"
                                       : "no resource-based policy of the resource's account allows it");
  return d;
}

Encoding encode_access(const AccessPolicies& ps, const Universe& u, Approx side) {
  using namespace smt;
  Encoding out;
  std::vector<FormulaRef> denied, identity, resource, boundary, session, scp, rcp;
  for (const auto& [type, p] : ps.policies) {
    Encoding e = encode_allowed(p, u, {side, std::nullopt});
    out.approximated.insert(out.approximated.end(), e.approximated.begin(), e.approximated.end());
    denied.push_back(e.denied);
    const FormulaRef allows = f_or(e.allow_cases);
    switch (type) {
      case PolicyType::Identity: identity.push_back(allows); break;
      case PolicyType::Resource: resource.push_back(allows); break;
      case PolicyType::Boundary: boundary.push_back(allows); break;
      case PolicyType::Session: session.push_back(allows); break;
      case PolicyType::Scp: scp.push_back(allows); break;
      case PolicyType::Rcp: rcp.push_back(allows); break;
    }
  }
  std::vector<FormulaRef> direct;
  for (const auto& p : ps.direct) {
    Encoding e = encode_allowed(p, u, {side, std::nullopt});
    direct.push_back(f_or(e.allow_cases));
  }
  const FormulaRef no_account = u.principal_where([](const std::string& p) { return principal_account(p).empty(); });
  const FormulaRef role = u.principal_where([](const std::string& p) { return is_role_arn(p); });
  const FormulaRef id_ok = f_or(identity), res_ok = f_or(resource);
  const FormulaRef limits = f_and({f_and(boundary), f_and(session)});
  const FormulaRef identity_path = f_and({id_ok, limits});
  const FormulaRef same_rule = f_or({f_and({f_or(direct), f_or({f_not(role), limits})}), identity_path});
  const FormulaRef cross_rule = f_and({identity_path, res_ok});
  FormulaRef account_rule;
  if (!ps.resource_account.empty()) {
    const FormulaRef same = u.principal_where([&](const std::string& p) { return principal_account(p) == ps.resource_account; });
    account_rule = f_or({f_and({same, same_rule}), f_and({f_not(same), cross_rule})});
  } else {
    // The resource's account comes from each request's resource ARN, which the encoding does
    // not split by account: it errs on the requested side (either rule, or both).
    out.approximated.push_back("the resource's account is not given (--account): same-account and cross-account rules");
    account_rule = side == Approx::Upper ? f_or({same_rule, cross_rule}) : f_and({same_rule, cross_rule});
  }
  out.denied = f_or(std::move(denied));
  out.allowed = f_and({f_not(out.denied), f_and(rcp), f_or({no_account, f_and(scp)}),
                       f_or({f_and({no_account, res_ok}), f_and({f_not(no_account), account_rule})})});
  out.allow_cases = {out.allowed};
  return out;
}

}  // namespace verdict::policy
