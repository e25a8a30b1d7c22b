// Policy grammar: accepted shapes and errors that name the statement and the field.
#include <gtest/gtest.h>

#include "policy/parser.h"
#include "verdict/errors.h"

namespace verdict::policy {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_policy_text(text, "p.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(PolicyParser, StatementObjectOrList) {
  const auto a = parse_policy_text(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}})", "p");
  EXPECT_EQ(a.statements.size(), 1u);
  const auto b = parse_policy_text(R"({"Statement":[{"Sid":"A","Effect":"Deny","NotAction":["a:b","c:*"],"NotResource":"x"},
      {"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:user/u"],"Service":"s.amazonaws.com"},"Action":"a:b"}]})", "p");
  ASSERT_EQ(b.statements.size(), 2u);
  EXPECT_TRUE(b.statements[0].not_action);
  EXPECT_EQ(b.statements[0].label(), "Sid \"A\"");
  EXPECT_EQ(b.statements[1].principals.size(), 3u);
  EXPECT_EQ(b.statements[1].principals[0].kind, PrincipalEntry::Kind::Account);
  EXPECT_EQ(b.statements[1].principals[1].kind, PrincipalEntry::Kind::Exact);
}

// Account principals: 12 digits or an account root ARN of any partition; anything close to
// one is an exact principal. A principal of 200,000 characters once overflowed the stack
// (std::regex, found by the policy fuzz target).
TEST(PolicyParser, AccountPrincipals) {
  const auto principal = [](const std::string& value) {
    const auto p = parse_policy_text(R"({"Statement":{"Effect":"Allow","Principal":{"AWS":")" + value +
                                         R"("},"Action":"a:b","Resource":"*"}})", "p");
    return p.statements.at(0).principals.at(0);
  };
  EXPECT_EQ(principal("arn:aws:iam::111122223333:root").value, "111122223333");
  EXPECT_EQ(principal("arn:aws-us-gov:iam::111122223333:root").kind, PrincipalEntry::Kind::Account);
  EXPECT_EQ(principal("123456789012").kind, PrincipalEntry::Kind::Account);
  for (const std::string exact : {"12345678901", "1234567890123", "arn:aws:iam::111122223333:rooty",
                                  "arn:aws:iam:::root", "arn:aws:iam::1:2:root", "arn:awS:iam::1:root",
                                  "arn:gov:iam::1:root", "arn:aws:iam::111122223333:user/root"})
    EXPECT_EQ(principal(exact).kind, PrincipalEntry::Kind::Exact) << exact;
  const std::string long_account(200000, '1');
  EXPECT_EQ(principal("arn:aws:iam::" + long_account + ":root").value, long_account);
  EXPECT_EQ(principal("arn:aws" + std::string(200000, '-') + ":iam::1:root").kind, PrincipalEntry::Kind::Account);
}

TEST(PolicyParser, ConditionOperatorsParse) {
  const auto p = parse_policy_text(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{
      "ForAnyValue:StringNotEqualsIfExists":{"AWS:TagKeys":["a",1,true]},"Null":{"k":"true"},
      "IpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]},"DateLessThan":{"t":"2024-01-01T00:00:00Z"}}}})", "p");
  const auto& c = p.statements[0].conditions;
  ASSERT_EQ(c.size(), 4u);
  for (const auto& x : c)
    if (x.op_name == "ForAnyValue:StringNotEqualsIfExists") {
      EXPECT_TRUE(x.negated);
      EXPECT_TRUE(x.if_exists);
      EXPECT_EQ(x.qualifier, SetQualifier::ForAnyValue);
      EXPECT_EQ(x.key, "aws:tagkeys");
      EXPECT_EQ(x.values.size(), 3u);
    }
}

TEST(PolicyParser, ErrorsNameStatementAndField) {
  EXPECT_NE(error_of(R"({"Statement":[{"Effect":"Allow","Action":"a:b"},{"Sid":"S2","Effect":"Maybe","Action":"a"}]})")
                .find("statement 2 (Sid \"S2\"): field \"Effect\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"Statement":{"Effect":"Allow","Resource":"*"}})").find("field \"Action\""), std::string::npos);
  EXPECT_NE(error_of(R"({"Statement":{"Effect":"Allow","Action":"*","Condition":{"IpAddress":{"aws:SourceIp":"<my-corporate-cidr>"}}}})")
                .find("\"<my-corporate-cidr>\" is not an IP address"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"Statement":{"Effect":"Allow","Action":"*","Condition":{"StringEqualz":{"k":"v"}}}})")
                .find("unknown condition operator"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"Statement":{"Effect":"Allow","Action":"*","Condition":{"NumericLessThan":{"k":"ten"}}}})")
                .find("is not a number"),
            std::string::npos);
  EXPECT_NE(error_of("{not json").find("not valid JSON"), std::string::npos);
  EXPECT_NE(error_of(R"({"Statement":{"Effect":"Allow","Action":5}})").find("field \"Action\""), std::string::npos);
}

TEST(PolicyParser, ValueSyntax) {
  EXPECT_EQ(parse_cidr("203.0.113.0/24")->prefix, 24u);
  EXPECT_TRUE(parse_cidr("2001:db8::/32")->base.v6);
  EXPECT_FALSE(parse_cidr("300.0.0.1"));
  EXPECT_FALSE(parse_cidr("1.2.3.4/33"));
  EXPECT_EQ(format_ip(*parse_ip("2001:db8::1")), "2001:db8:0:0:0:0:0:1");
  EXPECT_EQ(format_date_ms(*parse_date_ms("2024-02-29T12:34:56Z")), "2024-02-29T12:34:56Z");
  EXPECT_EQ(*parse_date_ms("1970-01-02"), 86400000);
  EXPECT_EQ(*parse_decimal("007.50"), "7.5");
  EXPECT_EQ(compare_decimal("-2", "1.5"), -1);
  EXPECT_EQ(compare_decimal("10", "9.99"), 1);
  const Pattern p = parse_pattern("a${aws:username}${*}?", true, true);
  EXPECT_TRUE(p.has_variable());
  EXPECT_TRUE(p.has_wildcard());
}

}  // namespace
}  // namespace verdict::policy
