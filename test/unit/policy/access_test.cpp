// AWS's evaluation logic across policy types, one test per rule (docs/policy.md, "Several
// policies"), including cross-account requests; every case is also asked of the symbolic
// encoding with the request fixed, which must agree with the concrete decision.
#include <gtest/gtest.h>

#include "policy/access.h"
#include "policy/parser.h"
#include "smt/policy_solver.h"

namespace verdict::policy {
namespace {

const std::string kAcct = "111122223333", kOther = "444455556666";
const std::string kAlice = "arn:aws:iam::111122223333:user/alice";
const std::string kRole = "arn:aws:iam::111122223333:role/app";
const std::string kOutsider = "arn:aws:iam::444455556666:user/eve";
const std::string kObject = "arn:aws:s3:::bucket/k";

Policy pol(const std::string& statements) {
  return parse_policy_text(R"({"Version":"2012-10-17","Statement":[)" + statements + "]}", "p");
}
Policy allow(const std::string& action, const std::string& principal = "") {
  return pol(R"({"Effect":"Allow",)" + (principal.empty() ? "" : R"("Principal":{"AWS":")" + principal + R"("},)") +
             R"("Action":")" + action + R"(","Resource":"*"})");
}
Policy deny(const std::string& action) { return pol(R"({"Effect":"Deny","Action":")" + action + R"(","Resource":"*"})"); }

struct Case {
  AccessPolicies ps;
  PolicyRequest r;
};

bool symbolic(const AccessPolicies& ps, const PolicyRequest& r) {
  std::vector<std::string> accounts;
  if (!ps.resource_account.empty()) accounts.push_back(ps.resource_account);
  Universe u = Universe::of(ps.all(), accounts, {r.principal});
  u.fit(r);
  auto fixed = request_equals(u, r);
  EXPECT_TRUE(fixed.has_value());
  const Encoding e = encode_access(ps, u, Approx::Upper);
  EXPECT_TRUE(e.approximated.empty());
  const auto res = smt::solve_policy(smt::f_and({e.allowed, *fixed, well_formed(u)}), {}, 10000);
  EXPECT_NE(res.status, smt::PolicySat::Unknown);
  return res.status == smt::PolicySat::Sat;
}

// The concrete decision, checked against the symbolic one.
bool allowed(const AccessPolicies& ps, const std::string& principal, const std::string& action) {
  const PolicyRequest r{principal, action, kObject, {}};
  const bool concrete = evaluate_access(ps, r).allowed;
  EXPECT_EQ(symbolic(ps, r), concrete) << principal << " " << action;
  return concrete;
}

AccessPolicies set(std::vector<std::pair<PolicyType, Policy>> ps, const std::string& account = kAcct) {
  AccessPolicies out{std::move(ps), account, {}};
  out.finish();
  return out;
}

TEST(PolicyAccess, ExplicitDenyInAnyPolicyWins) {
  for (PolicyType t : {PolicyType::Identity, PolicyType::Resource, PolicyType::Boundary, PolicyType::Scp,
                       PolicyType::Rcp, PolicyType::Session}) {
    auto ps = set({{PolicyType::Identity, allow("s3:*")}, {t, deny("s3:GetObject")}});
    EXPECT_FALSE(allowed(ps, kAlice, "s3:GetObject")) << to_string(t);
    EXPECT_EQ(evaluate_access(ps, {kAlice, "s3:GetObject", kObject, {}}).rule.rfind("an explicit Deny", 0), 0u);
  }
}

TEST(PolicyAccess, IdentityAloneWithinTheAccount) {
  auto ps = set({{PolicyType::Identity, allow("s3:GetObject")}});
  EXPECT_TRUE(allowed(ps, kAlice, "s3:GetObject"));
  EXPECT_FALSE(allowed(ps, kAlice, "s3:PutObject"));  // implicit deny
}

TEST(PolicyAccess, ScpMustAllowPrincipalsOfTheAccount) {
  auto ps = set({{PolicyType::Identity, allow("s3:*")}, {PolicyType::Scp, allow("s3:Get*")}});
  EXPECT_TRUE(allowed(ps, kAlice, "s3:GetObject"));
  EXPECT_FALSE(allowed(ps, kAlice, "s3:PutObject"));
  // every SCP (level) must allow
  ps.policies.emplace_back(PolicyType::Scp, allow("ec2:*"));
  ps.finish();
  EXPECT_FALSE(allowed(ps, kAlice, "s3:GetObject"));
}

TEST(PolicyAccess, RcpMustAllowEvenAnonymousAccess) {
  auto ps = set({{PolicyType::Resource, allow("s3:*", "*")}, {PolicyType::Rcp, allow("s3:GetObject")}});
  EXPECT_TRUE(allowed(ps, "anonymous", "s3:GetObject"));
  EXPECT_FALSE(allowed(ps, "anonymous", "s3:PutObject"));
  // an SCP does not constrain a principal of no account
  ps.policies.emplace_back(PolicyType::Scp, allow("ec2:*"));
  ps.finish();
  EXPECT_TRUE(allowed(ps, "anonymous", "s3:GetObject"));
}

TEST(PolicyAccess, BoundaryLimitsTheIdentityPolicy) {
  auto ps = set({{PolicyType::Identity, allow("s3:*")}, {PolicyType::Boundary, allow("s3:Get*")}});
  EXPECT_TRUE(allowed(ps, kAlice, "s3:GetObject"));
  EXPECT_FALSE(allowed(ps, kAlice, "s3:PutObject"));
  // the boundary grants nothing by itself
  auto only = set({{PolicyType::Boundary, allow("s3:*")}});
  EXPECT_FALSE(allowed(only, kAlice, "s3:GetObject"));
}

TEST(PolicyAccess, SessionPolicyLimitsTheIdentityPolicy) {
  auto ps = set({{PolicyType::Identity, allow("s3:*")}, {PolicyType::Session, allow("s3:PutObject")}});
  EXPECT_TRUE(allowed(ps, kRole, "s3:PutObject"));
  EXPECT_FALSE(allowed(ps, kRole, "s3:GetObject"));
}

TEST(PolicyAccess, SameAccountResourcePolicyGrantsAlone) {
  auto ps = set({{PolicyType::Resource, allow("s3:GetObject", kAlice)}, {PolicyType::Boundary, allow("ec2:*")}});
  EXPECT_TRUE(allowed(ps, kAlice, "s3:GetObject"));  // a user: not limited by the boundary's implicit deny
  auto role = set({{PolicyType::Resource, allow("s3:GetObject", kRole)}, {PolicyType::Boundary, allow("ec2:*")}});
  EXPECT_FALSE(allowed(role, kRole, "s3:GetObject"));  // a role ARN: limited by its boundary
  auto role_free = set({{PolicyType::Resource, allow("s3:GetObject", kRole)}});
  EXPECT_TRUE(allowed(role_free, kRole, "s3:GetObject"));
}

TEST(PolicyAccess, CrossAccountNeedsBothPolicies) {
  auto resource_only = set({{PolicyType::Resource, allow("s3:GetObject", kOther)}});
  EXPECT_FALSE(allowed(resource_only, kOutsider, "s3:GetObject"));
  auto both = set({{PolicyType::Resource, allow("s3:GetObject", kOther)}, {PolicyType::Identity, allow("s3:*")}});
  EXPECT_TRUE(allowed(both, kOutsider, "s3:GetObject"));
  EXPECT_FALSE(allowed(both, kOutsider, "s3:PutObject"));  // the resource policy does not allow it
  auto identity_only = set({{PolicyType::Identity, allow("s3:*")}});
  EXPECT_FALSE(allowed(identity_only, kOutsider, "s3:GetObject"));
  EXPECT_TRUE(allowed(identity_only, kAlice, "s3:GetObject"));
  // the boundary limits the identity side of a cross-account request too
  both.policies.emplace_back(PolicyType::Boundary, allow("ec2:*"));
  both.finish();
  EXPECT_FALSE(allowed(both, kOutsider, "s3:GetObject"));
}

TEST(PolicyAccess, GrantToTheAccountDelegatesToIdentityPolicies) {
  // Principal: the account (root) delegates to the account's identity-based policies
  auto account_only = set({{PolicyType::Resource, allow("s3:GetObject", kAcct)}});
  EXPECT_FALSE(allowed(account_only, kAlice, "s3:GetObject"));
  auto with_identity = set({{PolicyType::Resource, allow("s3:GetObject", kAcct)}, {PolicyType::Identity, allow("s3:Get*")}});
  EXPECT_TRUE(allowed(with_identity, kAlice, "s3:GetObject"));
  // everyone ("*") names the principal too: the grant stands alone
  auto everyone = set({{PolicyType::Resource, allow("s3:GetObject", "*")}});
  EXPECT_TRUE(allowed(everyone, kAlice, "s3:GetObject"));
}

TEST(PolicyAccess, ResourceAccountFromTheArnWhenNotGiven) {
  AccessPolicies ps = set({{PolicyType::Identity, allow("sqs:*")}}, "");
  EXPECT_TRUE(evaluate_access(ps, {kAlice, "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q", {}}).allowed);
  EXPECT_FALSE(evaluate_access(ps, {kAlice, "sqs:SendMessage", "arn:aws:sqs:us-east-1:444455556666:q", {}}).allowed);
  EXPECT_EQ(principal_account("arn:aws:sts::111122223333:assumed-role/app/s"), kAcct);
  EXPECT_EQ(principal_account("cloudtrail.amazonaws.com"), "");
}

}  // namespace
}  // namespace verdict::policy
