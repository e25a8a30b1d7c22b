// The parsed form of an AWS IAM policy: statements with principals, actions, resources and
// conditions, plus the value syntax they share (wildcard patterns, CIDRs, dates, numbers).
// Not responsible for meaning: the evaluator and the encoder each give these their semantics.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace verdict::policy {

/// One piece of a policy string: literal text, `*`, `?` or a policy variable `${key}`.
struct PatternPiece {
  enum class Kind { Literal, Star, Question, Variable } kind = Kind::Literal;
  std::string text;                    ///< literal text, or the variable's key (lower case)
  std::optional<std::string> fallback;  ///< `${key, 'default'}`
};

/// A policy string split into pieces; `raw` is the string as written.
struct Pattern {
  std::string raw;
  std::vector<PatternPiece> pieces;
  [[nodiscard]] bool has_wildcard() const;
  [[nodiscard]] bool has_variable() const;
  /// The literal text when the pattern has neither wildcards nor variables.
  [[nodiscard]] std::optional<std::string> literal() const;
};

/// Splits `text` into pieces. With `wildcards` false, `*` and `?` are literal characters;
/// with `variables` false (policy version 2008-10-17), `${` is literal too.
Pattern parse_pattern(const std::string& text, bool wildcards, bool variables);

/// An IPv4 or IPv6 address as 128 bits (IPv4 in the low 32 bits).
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};
};
/// A CIDR block: address plus prefix length (0..32 for IPv4, 0..128 for IPv6).
struct Cidr {
  IpAddress base;
  unsigned prefix = 0;
  /// Lowest and highest address of the block (as 128-bit values).
  [[nodiscard]] std::array<std::uint8_t, 16> low() const;
  [[nodiscard]] std::array<std::uint8_t, 16> high() const;
  [[nodiscard]] bool contains(const IpAddress& a) const;
};
std::optional<IpAddress> parse_ip(const std::string& text);
/// "a.b.c.d/n", "x::y/n", or a bare address (= /32 or /128).
std::optional<Cidr> parse_cidr(const std::string& text);
std::string format_ip(const IpAddress& a);

/// A date as milliseconds since 1970-01-01T00:00:00Z (ISO 8601 or epoch seconds accepted).
std::optional<std::int64_t> parse_date_ms(const std::string& text);
std::string format_date_ms(std::int64_t ms);

/// A decimal number in canonical text ("-12.5"); nullopt when `text` is not one.
std::optional<std::string> parse_decimal(const std::string& text);
/// Compares two canonical decimals: -1, 0, 1.
int compare_decimal(const std::string& a, const std::string& b);

/// The kind of value a condition operator works on.
enum class ValueClass { String, Numeric, Date, Bool, Ip, Binary, None };

enum class BaseOp {
  StringEquals, StringEqualsIgnoreCase, StringLike, NumericEquals, NumericLessThan,
  NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals, DateEquals,
  DateLessThan, DateLessThanEquals, DateGreaterThan, DateGreaterThanEquals, Bool,
  BinaryEquals, IpAddress, Arn, Null
};
enum class SetQualifier { None, ForAnyValue, ForAllValues };

/// One value of a condition, pre-parsed for its operator's class.
struct ConditionValue {
  Pattern pattern;                      ///< String/Arn/Bool/Binary (wildcards only for *Like, Arn)
  std::optional<std::string> decimal;   ///< Numeric
  std::optional<std::int64_t> date_ms;  ///< Date
  std::optional<Cidr> cidr;             ///< IpAddress
};

/// One (operator, key) pair of a Condition block with its values (ORed, or NORed if negated).
struct Condition {
  std::string op_name;  ///< as written, e.g. "ForAnyValue:StringNotEqualsIfExists"
  BaseOp op = BaseOp::StringEquals;
  bool negated = false;
  bool if_exists = false;
  SetQualifier qualifier = SetQualifier::None;
  std::string key;        ///< lower case
  std::string key_as_written;
  std::vector<ConditionValue> values;
  std::vector<bool> null_values;  ///< Null: each value, true = "key absent"
};
ValueClass value_class(BaseOp op);

/// An entry of Principal/NotPrincipal.
struct PrincipalEntry {
  enum class Kind { Any, Account, Exact } kind = Kind::Any;
  std::string value;  ///< the account ID (Account) or the exact principal name (Exact)
  std::string type;   ///< "AWS", "Service", "Federated", "CanonicalUser", or "*"
};

enum class Effect { Allow, Deny };

struct Statement {
  std::size_t index = 0;  ///< 0-based position in the policy
  std::string sid;
  Effect effect = Effect::Allow;
  bool has_principal = false;  ///< Principal or NotPrincipal present
  bool not_principal = false;
  std::vector<PrincipalEntry> principals;
  bool not_action = false;
  std::vector<Pattern> actions;  ///< lower case (actions match case-insensitively)
  std::vector<std::string> actions_as_written;
  bool not_resource = false;
  std::vector<Pattern> resources;
  std::vector<Condition> conditions;
  /// `Sid "X"` or `statement N` (1-based), for reports.
  [[nodiscard]] std::string label() const;
};

struct Policy {
  std::string name;
  std::string version;
  std::vector<Statement> statements;
};

/// Lower-cases ASCII letters.
std::string to_lower(std::string s);

}  // namespace verdict::policy
