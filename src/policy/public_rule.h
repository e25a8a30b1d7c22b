// Rule P, "is this policy public?" (docs/policy.md; S3 "The meaning of public"): which principals
// are outsiders and which condition keys, held to fixed values, make access non-public. Gives
// both the concrete test (for re-checking witnesses) and the symbolic one (for the solver).
// Not responsible for evaluating the policy itself.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "policy/encoder.h"
#include "policy/model.h"

namespace verdict::policy {

/// The fixed values a policy names for one of the rule's keys.
struct FixedValues {
  std::string as_written;
  std::vector<std::string> literals;    ///< values without wildcard or variable
  std::vector<Pattern> fixed_patterns;  ///< documented exceptions (aws:userid "ID:*", access point ARNs)
  std::vector<Cidr> narrow_cidrs;       ///< aws:SourceIp blocks no broader than /8 or /32 (IPv6)
};

struct PublicRule {
  std::set<std::string> named_accounts;        ///< accounts named by principals, plus the owner's
  std::map<std::string, FixedValues> keys;     ///< rule keys the policy mentions (lower case)
};

/// The lower-case condition keys whose fixed values make access non-public.
const std::vector<std::string>& public_rule_keys();
/// Principal of the identity an identity policy (no Principal element) is attached to.
const std::string& attached_identity();
/// Public identity providers whose users anyone can become.
const std::vector<std::string>& public_identity_providers();

PublicRule public_rule_for(const Policy& policy, const std::string& owner_account);

/// Concrete: is the principal an outsider (anonymous, a public identity provider's user, or a
/// principal of an account the policy does not name)?
bool is_outsider(const PublicRule& rule, const std::string& principal);
/// Concrete: does every rule key of the request either lack a value or carry an unfixed one?
bool is_unconfined(const PublicRule& rule, const PolicyRequest& request);

FormulaRef outsider_formula(const PublicRule& rule, const Universe& u);
FormulaRef unconfined_formula(const PublicRule& rule, const Universe& u);

}  // namespace verdict::policy
