// AWS's evaluation logic across policy types (IAM User Guide, "Policy evaluation logic" and its
// pages; docs/policy.md cites the section of each rule): identity-based policies, resource-based
// policies (same account and cross-account), permissions boundaries, session policies, service
// control policies (SCPs) and resource control policies (RCPs). The concrete decision (for the
// evaluator's re-check) and the symbolic one (for the solver) follow the same rules, written
// once each side by side here. Not responsible for single-policy semantics (evaluator.h,
// encoder.h) nor for the questions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policy/encoder.h"
#include "policy/model.h"
#include "verdict/policy.h"

namespace verdict::policy {

enum class PolicyType { Identity, Resource, Boundary, Scp, Rcp, Session };
const char* to_string(PolicyType t);  ///< "identity", "resource", ...

/// The policies that decide one request, by type. An empty list of boundaries, SCPs, RCPs or
/// session policies means that type does not constrain the request; an empty list of
/// identity or resource policies means none grants anything.
struct AccessPolicies {
  std::vector<std::pair<PolicyType, Policy>> policies;
  /// The account owning the resource; empty: the account field of the resource ARN, and when
  /// that is empty too, the principal's own account (the request is treated as same-account).
  std::string resource_account;

  /// Each resource-based policy without its account principals, in order: the grants that name
  /// the principal itself (or everyone). A grant to an account delegates to the account's
  /// identity-based policies instead (IAM User Guide, "AWS JSON policy elements: Principal",
  /// "AWS account principals"). Filled by `finish()`.
  std::vector<Policy> direct;

  [[nodiscard]] bool has(PolicyType t) const;
  [[nodiscard]] std::vector<const Policy*> all() const;
  /// Call once the policies are in place.
  void finish();
};

/// The account of an IAM or STS principal ARN (`arn:aws:iam::ID:...`, `arn:aws:sts::ID:...`)
/// or a bare account ID; empty for anonymous, service and federated principals.
std::string principal_account(const std::string& principal);
/// `arn:aws:iam::ID:role/...`: a role itself (grants to it are limited by its boundary and
/// session policy, unlike grants to a user or to a role session).
bool is_role_arn(const std::string& principal);

struct AccessDecision {
  bool allowed = false;
  std::string rule;                     ///< the rule that decided, in words
  std::vector<std::string> allowed_by;  ///< "identity[1] Sid X", ...
  std::vector<std::string> denied_by;
};

/// The concrete decision. Throws Unsupported like the single-policy evaluator.
AccessDecision evaluate_access(const AccessPolicies& ps, const PolicyRequest& request);

/// "The policies allow the symbolic request", erring on `side` where an encoding approximates.
Encoding encode_access(const AccessPolicies& ps, const Universe& u, Approx side);

}  // namespace verdict::policy
