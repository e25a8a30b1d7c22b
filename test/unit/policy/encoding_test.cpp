// The solver encoding agrees with the concrete evaluator: for each policy and request, fixing
// the symbolic request to the concrete one makes "allowed" satisfiable exactly when the
// evaluator allows it. Also: questions end to end on small policies.
#include <gtest/gtest.h>

#include "policy/encoder.h"
#include "policy/evaluator.h"
#include "policy/parser.h"
#include "verdict/policy.h"

namespace verdict::policy {
namespace {

bool solver_allows(const Policy& p, const PolicyRequest& r) {
  Universe u = Universe::of({&p}, {}, {r.principal});
  u.fit(r);
  auto fixed = request_equals(u, r);
  EXPECT_TRUE(fixed.has_value());
  const Encoding e = encode_allowed(p, u, {Approx::Upper, std::nullopt});
  EXPECT_TRUE(e.approximated.empty());
  const auto res = smt::solve_policy(smt::f_and({e.allowed, *fixed, well_formed(u)}), {}, 10000);
  EXPECT_NE(res.status, smt::PolicySat::Unknown);
  return res.status == smt::PolicySat::Sat;
}

const char* kPolicy = R"({"Version":"2012-10-17","Statement":[
  {"Sid":"A","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":["s3:Get*","s3:List?ucket"],
   "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],
   "Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]},
                "NumericLessThanEqualsIfExists":{"s3:max-keys":"100"},
                "DateGreaterThanIfExists":{"aws:CurrentTime":"2024-01-01T00:00:00Z"},
                "ForAllValues:StringLike":{"aws:TagKeys":["env*","team"]},
                "StringEqualsIgnoreCaseIfExists":{"aws:PrincipalTag/team":"Data"},
                "BoolIfExists":{"aws:SecureTransport":"true"}}},
  {"Sid":"D","Effect":"Deny","Principal":"*","NotAction":"s3:GetObject","Resource":"arn:aws:s3:::b/secret/*"},
  {"Sid":"N","Effect":"Deny","Principal":"*","Action":"*","Resource":"*","Condition":{"Null":{"aws:SourceIp":"true"}}}]})";

TEST(PolicyEncoding, AgreesWithEvaluatorOnManyRequests) {
  const Policy p = parse_policy_text(kPolicy, "p");
  const std::string alice = "arn:aws:iam::111122223333:user/alice";
  std::vector<PolicyRequest> requests = {
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}}},
      {alice, "S3:LISTBUCKET", "arn:aws:s3:::b", {{"aws:SourceIp", {{"2001:db8::7"}, false}}}},
      {alice, "s3:ListBuckets", "arn:aws:s3:::b", {{"aws:SourceIp", {{"203.0.113.9"}, false}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {}},
      {"anonymous", "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"198.51.100.1"}, false}}}},
      {alice, "s3:GetObjectAcl", "arn:aws:s3:::b/secret/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/secret/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}, {"s3:max-keys", {{"100"}, false}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}, {"s3:max-keys", {{"101"}, false}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}, {"aws:CurrentTime", {{"2023-06-01T00:00:00Z"}, false}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}, {"aws:TagKeys", {{"env-x", "team"}, true}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}, {"aws:TagKeys", {{"owner"}, true}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}, {"aws:PrincipalTag/team", {{"DATA"}, false}}}},
      {alice, "s3:GetObject", "arn:aws:s3:::b/x", {{"aws:SourceIp", {{"203.0.113.9"}, false}}, {"aws:SecureTransport", {{"false"}, false}}}},
  };
  int allowed = 0;
  for (const auto& r : requests) {
    const bool concrete = evaluate(p, r).allowed;
    allowed += concrete;
    EXPECT_EQ(solver_allows(p, r), concrete) << r.action << " " << r.resource << " " << r.principal;
  }
  EXPECT_GT(allowed, 2);
  EXPECT_LT(allowed, static_cast<int>(requests.size()));
}

PolicyDocument doc(const std::string& statements) {
  return {"test", R"({"Version":"2012-10-17","Statement":[)" + statements + "]}"};
}

TEST(PolicyQuestions, PublicYesCarriesARecheckedWitness) {
  const auto a = policy_public(doc(R"({"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",
      "Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/1"}}})"));
  EXPECT_EQ(a.verdict, Verdict::Yes);
  ASSERT_FALSE(a.witnesses.empty());
  EXPECT_TRUE(a.witnesses[0].rechecked);
}

TEST(PolicyQuestions, DenyCountsForPublic) {
  const auto a = policy_public(doc(R"({"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},
      {"Effect":"Deny","Principal":"*","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}})"));
  EXPECT_EQ(a.verdict, Verdict::No);
}

TEST(PolicyQuestions, OwnerAccountIsNotAnOutsider) {
  const auto d = doc(R"({"Effect":"Allow","NotPrincipal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"*",
      "Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}})");
  EXPECT_EQ(policy_public(d).verdict, Verdict::No);
}

TEST(PolicyQuestions, PolicyVariablesGiveDontKnowNamingTheStatement) {
  const auto a = policy_public(doc(R"({"Sid":"Home","Effect":"Allow","Principal":"*","Action":"s3:GetObject",
      "Resource":"arn:aws:s3:::b/${aws:FederatedProvider}?/*"})"));
  EXPECT_EQ(a.verdict, Verdict::DontKnow);
  EXPECT_NE(a.reason.find("Sid \"Home\""), std::string::npos) << a.reason;
}

TEST(PolicyQuestions, CompareWitnessesAreRechecked) {
  const auto a = policy_compare(doc(R"({"Effect":"Allow","Action":"s3:Get*","Resource":"*"})"),
                                doc(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*"})"));
  EXPECT_EQ(a.relation, "a_more_permissive");
  EXPECT_EQ(a.verdict, Verdict::No);
  ASSERT_EQ(a.witnesses.size(), 1u);
  EXPECT_TRUE(a.witnesses[0].rechecked);
  EXPECT_NE(to_lower(a.witnesses[0].request.action), "s3:getobject");
}

TEST(PolicyQuestions, AllowsNamesTheDecidingStatement) {
  const auto a = policy_allows(doc(R"({"Sid":"R","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},
      {"Sid":"D","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"*"})"),
      PolicyRequest{"anonymous", "s3:DeleteObject", "arn:aws:s3:::b/x", {}});
  EXPECT_EQ(a.verdict, Verdict::No);
  EXPECT_EQ(a.statements, std::vector<std::string>{"Sid \"D\""});
}

}  // namespace
}  // namespace verdict::policy

namespace verdict::policy {
namespace {

TEST(PolicyEncoding, PolicyVariablesAreModelledExactly) {
  const Policy p = parse_policy_text(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*",
      "Resource":"arn:aws:s3:::b/${aws:username}/*"},{"Effect":"Deny","Action":"*","Resource":"*",
      "Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"${aws:username, 'nobody'}"}}}]})", "p");
  const std::string u = "arn:aws:iam::111122223333:user/alice";
  const std::vector<PolicyRequest> requests = {
      {u, "s3:GetObject", "arn:aws:s3:::b/alice/x", {{"aws:username", {{"alice"}, false}}, {"aws:PrincipalTag/team", {{"alice"}, false}}}},
      {u, "s3:GetObject", "arn:aws:s3:::b/alice/x", {{"aws:username", {{"alice"}, false}}, {"aws:PrincipalTag/team", {{"bob"}, false}}}},
      {u, "s3:GetObject", "arn:aws:s3:::b/bob/x", {{"aws:username", {{"alice"}, false}}, {"aws:PrincipalTag/team", {{"alice"}, false}}}},
      {u, "s3:GetObject", "arn:aws:s3:::b/alice/x", {{"aws:PrincipalTag/team", {{"nobody"}, false}}}},
  };
  for (const auto& r : requests) {
    Universe un = Universe::of({&p}, {}, {r.principal});
    auto fixed = request_equals(un, r);
    ASSERT_TRUE(fixed.has_value());
    const Encoding e = encode_allowed(p, un, {Approx::Upper, std::nullopt});
    EXPECT_TRUE(e.approximated.empty());
    const auto res = smt::solve_policy(smt::f_and({e.allowed, *fixed, well_formed(un)}), {}, 10000);
    EXPECT_EQ(res.status == smt::PolicySat::Sat, evaluate(p, r).allowed) << r.resource;
  }
  EXPECT_TRUE(evaluate(p, requests[0]).allowed);
  EXPECT_FALSE(evaluate(p, requests[1]).allowed);
}

}  // namespace
}  // namespace verdict::policy
