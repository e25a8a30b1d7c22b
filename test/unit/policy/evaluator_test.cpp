// The concrete evaluator: every condition operator, the precedence rules, wildcards.
#include <gtest/gtest.h>

#include "policy/evaluator.h"
#include "policy/parser.h"

namespace verdict::policy {
namespace {

Policy one(const std::string& statement_json) {
  return parse_policy_text(R"({"Version":"2012-10-17","Statement":[)" + statement_json + "]}", "test");
}

PolicyRequest req(const std::string& action, const std::string& resource,
                  std::map<std::string, ContextValue> ctx = {}, const std::string& principal = "anonymous") {
  return {principal, action, resource, std::move(ctx)};
}

ContextValue v(const std::string& s) { return {{s}, false}; }
ContextValue list(std::vector<std::string> s) { return {std::move(s), true}; }

// A policy allowing s3:GetObject on everything when `op` {key: values} holds.
bool cond(const std::string& op, const std::string& key, const std::string& values,
          std::map<std::string, ContextValue> ctx) {
  const Policy p = one(R"({"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
      "Condition":{")" + op + R"(":{")" + key + R"(":)" + values + "}}}");
  return evaluate(p, req("s3:GetObject", "arn:aws:s3:::b/k", std::move(ctx))).allowed;
}

TEST(PolicyEvaluator, ExplicitDenyBeatsAllow) {
  const Policy p = one(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"},
                          {"Sid":"D","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"})");
  EXPECT_TRUE(evaluate(p, req("s3:GetObject", "x")).allowed);
  const auto r = evaluate(p, req("s3:DeleteObject", "x"));
  EXPECT_FALSE(r.allowed);
  EXPECT_EQ(r.denying.size(), 1u);
  EXPECT_EQ(r.allowing.size(), 1u);
}

TEST(PolicyEvaluator, ImplicitDenyWithoutAllow) {
  const Policy p = one(R"({"Effect":"Deny","NotAction":"s3:GetObject","Resource":"*"})");
  EXPECT_FALSE(evaluate(p, req("s3:GetObject", "x")).allowed);
  EXPECT_FALSE(evaluate(p, req("s3:PutObject", "x")).allowed);
}

TEST(PolicyEvaluator, ActionWildcardsAreCaseInsensitive) {
  const Policy p = one(R"({"Effect":"Allow","Action":["S3:get*","ec2:Describe?nstances"],"Resource":"*"})");
  EXPECT_TRUE(evaluate(p, req("s3:GetObject", "x")).allowed);
  EXPECT_TRUE(evaluate(p, req("EC2:DescribeInstances", "x")).allowed);
  EXPECT_FALSE(evaluate(p, req("ec2:DescribeXXnstances", "x")).allowed);
  EXPECT_FALSE(evaluate(p, req("s3:PutObject", "x")).allowed);
}

TEST(PolicyEvaluator, ResourceWildcardsAreCaseSensitive) {
  const Policy p = one(R"({"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/report-202?.csv"})");
  EXPECT_TRUE(evaluate(p, req("a:b", "arn:aws:s3:::b/report-2024.csv")).allowed);
  EXPECT_FALSE(evaluate(p, req("a:b", "arn:aws:s3:::b/report-20245.csv")).allowed);
  EXPECT_FALSE(evaluate(p, req("a:b", "arn:aws:s3:::B/report-2024.csv")).allowed);
}

TEST(PolicyEvaluator, NotResourceAndNotPrincipal) {
  const Policy p = one(R"({"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"*",
                           "NotResource":"arn:aws:s3:::b/private/*"})");
  EXPECT_TRUE(evaluate(p, req("a:b", "arn:aws:s3:::b/x")).allowed);
  EXPECT_FALSE(evaluate(p, req("a:b", "arn:aws:s3:::b/private/x")).allowed);
  EXPECT_FALSE(evaluate(p, req("a:b", "arn:aws:s3:::b/x", {}, "arn:aws:iam::111122223333:user/u")).allowed);
}

TEST(PolicyEvaluator, AccountPrincipalCoversItsUsers) {
  const Policy p = one(R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*","Resource":"*"})");
  EXPECT_TRUE(evaluate(p, req("a:b", "x", {}, "arn:aws:iam::111122223333:user/u")).allowed);
  EXPECT_FALSE(evaluate(p, req("a:b", "x", {}, "arn:aws:iam::444455556666:user/u")).allowed);
  EXPECT_FALSE(evaluate(p, req("a:b", "x", {}, "anonymous")).allowed);
}

TEST(PolicyEvaluator, StringOperators) {
  EXPECT_TRUE(cond("StringEquals", "k", R"("a")", {{"k", v("a")}}));
  EXPECT_FALSE(cond("StringEquals", "k", R"("a")", {{"k", v("A")}}));
  EXPECT_TRUE(cond("StringEqualsIgnoreCase", "k", R"("a")", {{"k", v("A")}}));
  EXPECT_TRUE(cond("StringNotEquals", "k", R"(["a","b"])", {{"k", v("c")}}));
  EXPECT_FALSE(cond("StringNotEquals", "k", R"(["a","b"])", {{"k", v("b")}}));
  EXPECT_TRUE(cond("StringNotEquals", "k", R"("a")", {}));  // negated: absent key is true
  EXPECT_FALSE(cond("StringEquals", "k", R"("a")", {}));    // absent key is false
  EXPECT_TRUE(cond("StringLike", "k", R"("home/?/*")", {{"k", v("home/a/x")}}));
  EXPECT_FALSE(cond("StringLike", "k", R"("home/?/*")", {{"k", v("home/ab/x")}}));
  EXPECT_TRUE(cond("StringNotLike", "k", R"("x*")", {{"k", v("y")}}));
  EXPECT_TRUE(cond("StringEqualsIfExists", "k", R"("a")", {}));
  EXPECT_FALSE(cond("StringEqualsIfExists", "k", R"("a")", {{"k", v("b")}}));
  EXPECT_TRUE(cond("StringEquals", "K", R"("a")", {{"k", v("a")}}));  // key names ignore case
}

TEST(PolicyEvaluator, NumericDateBoolBinaryOperators) {
  EXPECT_FALSE(cond("NumericLessThan", "n", R"("100")", {{"n", v("100")}}));
  EXPECT_TRUE(cond("NumericLessThanEquals", "n", R"("100")", {{"n", v("100.0")}}));
  EXPECT_TRUE(cond("NumericGreaterThan", "n", R"("1.5")", {{"n", v("2")}}));
  EXPECT_TRUE(cond("NumericNotEquals", "n", R"("1")", {{"n", v("2")}}));
  EXPECT_FALSE(cond("NumericEquals", "n", R"("1")", {{"n", v("abc")}}));
  EXPECT_TRUE(cond("DateGreaterThan", "t", R"("2024-01-01T00:00:00Z")", {{"t", v("2024-01-01T00:00:01Z")}}));
  EXPECT_FALSE(cond("DateGreaterThan", "t", R"("2024-01-01T00:00:00Z")", {{"t", v("2023-12-31T23:59:59Z")}}));
  EXPECT_TRUE(cond("DateLessThan", "t", R"("2024-01-01T00:00:00Z")", {{"t", v("1700000000")}}));
  EXPECT_TRUE(cond("Bool", "aws:SecureTransport", R"("true")", {{"aws:SecureTransport", v("true")}}));
  EXPECT_FALSE(cond("Bool", "aws:SecureTransport", R"("true")", {{"aws:SecureTransport", v("false")}}));
  EXPECT_TRUE(cond("BoolIfExists", "aws:SecureTransport", R"("true")", {}));
  EXPECT_TRUE(cond("BinaryEquals", "b", R"("QmluYXJ5")", {{"b", v("QmluYXJ5")}}));
}

TEST(PolicyEvaluator, IpOperators) {
  EXPECT_TRUE(cond("IpAddress", "aws:SourceIp", R"("203.0.113.0/24")", {{"aws:SourceIp", v("203.0.113.7")}}));
  EXPECT_FALSE(cond("IpAddress", "aws:SourceIp", R"("203.0.113.0/25")", {{"aws:SourceIp", v("203.0.113.200")}}));
  EXPECT_FALSE(cond("IpAddress", "aws:SourceIp", R"("0.0.0.0/0")", {{"aws:SourceIp", v("2001:db8::1")}}));
  EXPECT_TRUE(cond("IpAddress", "aws:SourceIp", R"("2001:db8::/32")", {{"aws:SourceIp", v("2001:db8::1")}}));
  EXPECT_FALSE(cond("NotIpAddress", "aws:SourceIp", R"("192.0.2.0/24")", {{"aws:SourceIp", v("192.0.2.55")}}));
  EXPECT_TRUE(cond("NotIpAddress", "aws:SourceIp", R"("192.0.2.0/24")", {}));
}

TEST(PolicyEvaluator, ArnAndNullOperators) {
  EXPECT_TRUE(cond("ArnLike", "aws:SourceArn", R"("arn:aws:sns:*:111122223333:t")", {{"aws:SourceArn", v("arn:aws:sns:us-east-1:111122223333:t")}}));
  EXPECT_TRUE(cond("ArnEquals", "aws:SourceArn", R"("arn:aws:sns:*:1:t")", {{"aws:SourceArn", v("arn:aws:sns:x:1:t")}}));
  EXPECT_FALSE(cond("ArnNotLike", "aws:SourceArn", R"("arn:*")", {{"aws:SourceArn", v("arn:x")}}));
  EXPECT_TRUE(cond("Null", "k", R"("true")", {}));
  EXPECT_FALSE(cond("Null", "k", R"("true")", {{"k", v("x")}}));
  EXPECT_TRUE(cond("Null", "k", R"("false")", {{"k", v("x")}}));
}

TEST(PolicyEvaluator, SetQualifiers) {
  const char* envteam = R"(["env","team"])";
  EXPECT_TRUE(cond("ForAllValues:StringEquals", "aws:TagKeys", envteam, {}));
  EXPECT_TRUE(cond("ForAllValues:StringEquals", "aws:TagKeys", envteam, {{"aws:TagKeys", list({})}}));
  EXPECT_FALSE(cond("ForAllValues:StringEquals", "aws:TagKeys", envteam, {{"aws:TagKeys", list({"env", "owner"})}}));
  EXPECT_TRUE(cond("ForAllValues:StringEquals", "aws:TagKeys", envteam, {{"aws:TagKeys", list({"env", "team"})}}));
  EXPECT_FALSE(cond("ForAnyValue:StringEquals", "aws:TagKeys", envteam, {}));
  EXPECT_FALSE(cond("ForAnyValue:StringEquals", "aws:TagKeys", envteam, {{"aws:TagKeys", list({})}}));
  EXPECT_TRUE(cond("ForAnyValue:StringEquals", "aws:TagKeys", envteam, {{"aws:TagKeys", list({"env", "owner"})}}));
  EXPECT_TRUE(cond("ForAnyValue:StringNotEquals", "aws:TagKeys", envteam, {{"aws:TagKeys", list({"env", "owner"})}}));
  EXPECT_FALSE(cond("ForAllValues:StringNotEquals", "aws:TagKeys", envteam, {{"aws:TagKeys", list({"env", "owner"})}}));
}

TEST(PolicyEvaluator, ConditionsAndAcrossKeysOrAcrossValues) {
  const Policy p = one(R"({"Effect":"Allow","Principal":"*","Action":"*","Resource":"*",
      "Condition":{"StringEquals":{"a":["1","2"],"b":"x"},"Bool":{"c":"true"}}})");
  auto r = [&](std::map<std::string, ContextValue> ctx) { return evaluate(p, req("s:a", "x", std::move(ctx))).allowed; };
  EXPECT_TRUE(r({{"a", v("2")}, {"b", v("x")}, {"c", v("true")}}));
  EXPECT_FALSE(r({{"a", v("3")}, {"b", v("x")}, {"c", v("true")}}));
  EXPECT_FALSE(r({{"a", v("1")}, {"b", v("x")}}));
}

TEST(PolicyEvaluator, PolicyVariablesResolveFromTheRequest) {
  const Policy p = one(R"({"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"})");
  EXPECT_TRUE(evaluate(p, req("s3:GetObject", "arn:aws:s3:::b/alice/x", {{"aws:username", v("alice")}})).allowed);
  EXPECT_FALSE(evaluate(p, req("s3:GetObject", "arn:aws:s3:::b/bob/x", {{"aws:username", v("alice")}})).allowed);
  EXPECT_FALSE(evaluate(p, req("s3:GetObject", "arn:aws:s3:::b/alice/x")).allowed);
}

}  // namespace
}  // namespace verdict::policy
