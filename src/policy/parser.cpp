#include "policy/parser.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "verdict/errors.h"

namespace verdict::policy {

namespace {

using nlohmann::json;

struct Where {
  const std::string& policy;
  std::string statement;  // "statement 2 (Sid "X")"
  [[noreturn]] void fail(const std::string& field, const std::string& message) const {
    std::string at = policy;
    if (!statement.empty()) at += ": " + statement;
    if (!field.empty()) at += ": field \"" + field + "\"";
    throw InputError(at + ": " + message);
  }
};

std::string scalar_text(const json& v, const Where& w, const std::string& field) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return v.dump();
  w.fail(field, "expected a string, got " + std::string(v.type_name()));
}

std::vector<std::string> string_list(const json& v, const Where& w, const std::string& field,
                                     bool allow_scalars) {
  std::vector<std::string> out;
  auto one = [&](const json& x) {
    if (!x.is_string() && !(allow_scalars && (x.is_number() || x.is_boolean())))
      w.fail(field, "expected a string or a list of strings, got " + std::string(x.type_name()));
    out.push_back(scalar_text(x, w, field));
  };
  if (v.is_array()) {
    if (v.empty()) w.fail(field, "empty list");
    for (const auto& x : v) one(x);
  } else {
    one(v);
  }
  return out;
}

// ---- principals ----

// Plain string tests, not std::regex: libstdc++'s regex recurses once per character a
// quantifier consumes (GCC PR 86164), and a principal of some 100,000 characters overflowed
// the stack (found by test/fuzz/policy.cpp).

bool is_twelve_digits(const std::string& value) {
  return value.size() == 12 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The account of an account root ARN `arn:aws[a-z-]*:iam::ACCOUNT:root` (ACCOUNT without
/// colons, not empty), or nothing.
std::optional<std::string> account_of_root_arn(const std::string& value) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  for (std::size_t colon; (colon = value.find(':', begin)) != std::string::npos; begin = colon + 1)
    fields.push_back(value.substr(begin, colon - begin));
  fields.push_back(value.substr(begin));
  if (fields.size() != 6 || fields[0] != "arn" || fields[2] != "iam" || !fields[3].empty() || fields[4].empty() ||
      fields[5] != "root" || fields[1].rfind("aws", 0) != 0)
    return std::nullopt;
  const bool partition_ok = std::all_of(fields[1].begin(), fields[1].end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
  if (!partition_ok) return std::nullopt;
  return fields[4];
}

PrincipalEntry principal_entry(const std::string& type, const std::string& value, const Where& w) {
  if (value == "*") {
    if (type == "AWS" || type == "*") return {PrincipalEntry::Kind::Any, "*", type};
    w.fail("Principal", "\"*\" is only allowed for \"AWS\" principals");
  }
  if (type == "AWS") {
    if (is_twelve_digits(value)) return {PrincipalEntry::Kind::Account, value, type};
    if (auto account = account_of_root_arn(value)) return {PrincipalEntry::Kind::Account, *account, type};
  }
  return {PrincipalEntry::Kind::Exact, value, type};
}

void parse_principal(Statement& st, const json& v, const std::string& field, const Where& w) {
  st.has_principal = true;
  st.not_principal = field == "NotPrincipal";
  if (v.is_string()) {
    if (v.get<std::string>() != "*") w.fail(field, "a string principal must be \"*\"");
    st.principals.push_back({PrincipalEntry::Kind::Any, "*", "*"});
    return;
  }
  if (!v.is_object() || v.empty()) w.fail(field, "expected \"*\" or an object such as {\"AWS\": ...}");
  static const char* kinds[] = {"AWS", "Service", "Federated", "CanonicalUser"};
  for (const auto& [type, values] : v.items()) {
    bool known = false;
    for (const char* k : kinds) known = known || type == k;
    if (!known) w.fail(field, "unknown principal type \"" + type + "\"");
    for (const auto& value : string_list(values, w, field + "." + type, false))
      st.principals.push_back(principal_entry(type, value, w));
  }
}

// ---- conditions ----

const std::map<std::string, std::pair<BaseOp, bool>>& operator_table() {
  static const std::map<std::string, std::pair<BaseOp, bool>> table = {
      {"stringequals", {BaseOp::StringEquals, false}},
      {"stringnotequals", {BaseOp::StringEquals, true}},
      {"stringequalsignorecase", {BaseOp::StringEqualsIgnoreCase, false}},
      {"stringnotequalsignorecase", {BaseOp::StringEqualsIgnoreCase, true}},
      {"stringlike", {BaseOp::StringLike, false}},
      {"stringnotlike", {BaseOp::StringLike, true}},
      {"numericequals", {BaseOp::NumericEquals, false}},
      {"numericnotequals", {BaseOp::NumericEquals, true}},
      {"numericlessthan", {BaseOp::NumericLessThan, false}},
      {"numericlessthanequals", {BaseOp::NumericLessThanEquals, false}},
      {"numericgreaterthan", {BaseOp::NumericGreaterThan, false}},
      {"numericgreaterthanequals", {BaseOp::NumericGreaterThanEquals, false}},
      {"dateequals", {BaseOp::DateEquals, false}},
      {"datenotequals", {BaseOp::DateEquals, true}},
      {"datelessthan", {BaseOp::DateLessThan, false}},
      {"datelessthanequals", {BaseOp::DateLessThanEquals, false}},
      {"dategreaterthan", {BaseOp::DateGreaterThan, false}},
      {"dategreaterthanequals", {BaseOp::DateGreaterThanEquals, false}},
      {"bool", {BaseOp::Bool, false}},
      {"binaryequals", {BaseOp::BinaryEquals, false}},
      {"ipaddress", {BaseOp::IpAddress, false}},
      {"notipaddress", {BaseOp::IpAddress, true}},
      {"arnequals", {BaseOp::Arn, false}},
      {"arnlike", {BaseOp::Arn, false}},
      {"arnnotequals", {BaseOp::Arn, true}},
      {"arnnotlike", {BaseOp::Arn, true}},
      {"null", {BaseOp::Null, false}},
  };
  return table;
}

Condition parse_operator_name(const std::string& name, const Where& w) {
  Condition c;
  c.op_name = name;
  std::string rest = to_lower(name);
  if (rest.rfind("foranyvalue:", 0) == 0) {
    c.qualifier = SetQualifier::ForAnyValue;
    rest = rest.substr(12);
  } else if (rest.rfind("forallvalues:", 0) == 0) {
    c.qualifier = SetQualifier::ForAllValues;
    rest = rest.substr(13);
  }
  const std::string suffix = "ifexists";
  if (rest.size() > suffix.size() && rest.compare(rest.size() - suffix.size(), suffix.size(), suffix) == 0) {
    c.if_exists = true;
    rest = rest.substr(0, rest.size() - suffix.size());
  }
  const auto it = operator_table().find(rest);
  if (it == operator_table().end() || (c.if_exists && it->second.first == BaseOp::Null))
    w.fail("Condition", "unknown condition operator \"" + name + "\"");
  c.op = it->second.first;
  c.negated = it->second.second;
  return c;
}

ConditionValue parse_condition_value(const Condition& c, const std::string& text, bool variables,
                                     const Where& w) {
  ConditionValue v;
  const bool like = c.op == BaseOp::StringLike || c.op == BaseOp::Arn;
  v.pattern = parse_pattern(text, like, variables);
  const std::string field = "Condition." + c.op_name + "." + c.key_as_written;
  if (v.pattern.has_variable()) return v;  // typed values are resolved per request
  switch (value_class(c.op)) {
    case ValueClass::Numeric:
      v.decimal = parse_decimal(text);
      if (!v.decimal) w.fail(field, "\"" + text + "\" is not a number");
      break;
    case ValueClass::Date:
      v.date_ms = parse_date_ms(text);
      if (!v.date_ms) w.fail(field, "\"" + text + "\" is not a date (ISO 8601 or epoch seconds)");
      break;
    case ValueClass::Ip:
      v.cidr = parse_cidr(text);
      if (!v.cidr) w.fail(field, "\"" + text + "\" is not an IP address or CIDR block");
      break;
    case ValueClass::Bool:
      if (to_lower(text) != "true" && to_lower(text) != "false")
        w.fail(field, "\"" + text + "\" is not true or false");
      break;
    default: break;
  }
  return v;
}

void parse_conditions(Statement& st, const json& block, bool variables, const Where& w) {
  if (!block.is_object()) w.fail("Condition", "expected an object of operators");
  for (const auto& [op_name, keys] : block.items()) {
    const Condition proto = parse_operator_name(op_name, w);
    if (!keys.is_object() || keys.empty())
      w.fail("Condition." + op_name, "expected an object of condition keys");
    for (const auto& [key, values] : keys.items()) {
      Condition c = proto;
      c.key = to_lower(key);
      c.key_as_written = key;
      const std::string field = "Condition." + op_name + "." + key;
      for (const auto& text : string_list(values, w, field, true)) {
        if (c.op == BaseOp::Null) {
          const std::string t = to_lower(text);
          if (t != "true" && t != "false") w.fail(field, "Null takes \"true\" or \"false\"");
          c.null_values.push_back(t == "true");
        } else {
          c.values.push_back(parse_condition_value(c, text, variables, w));
        }
      }
      st.conditions.push_back(std::move(c));
    }
  }
}

// ---- statements ----

void parse_actions_resources(Statement& st, const json& s, bool variables, const Where& w) {
  const bool a = s.contains("Action"), na = s.contains("NotAction");
  if (a == na) w.fail(a ? "NotAction" : "Action", "a statement needs exactly one of Action and NotAction");
  st.not_action = na;
  const std::string afield = na ? "NotAction" : "Action";
  for (const auto& text : string_list(s.at(afield), w, afield, false)) {
    st.actions_as_written.push_back(text);
    st.actions.push_back(parse_pattern(to_lower(text), true, false));
  }
  const bool r = s.contains("Resource"), nr = s.contains("NotResource");
  if (r && nr) w.fail("NotResource", "a statement may not have both Resource and NotResource");
  st.not_resource = nr;
  if (!r && !nr) {  // trust policies name no resource: the policy's own resource
    st.resources.push_back(parse_pattern("*", true, false));
    return;
  }
  const std::string rfield = nr ? "NotResource" : "Resource";
  for (const auto& text : string_list(s.at(rfield), w, rfield, false))
    st.resources.push_back(parse_pattern(text, true, variables));
}

Statement parse_statement(const json& s, std::size_t index, bool variables, const std::string& name) {
  Statement st;
  st.index = index;
  Where w{name, "statement " + std::to_string(index + 1)};
  if (!s.is_object()) w.fail("", "a statement must be a JSON object");
  if (s.contains("Sid")) {
    if (!s["Sid"].is_string()) w.fail("Sid", "expected a string");
    st.sid = s["Sid"].get<std::string>();
    w.statement += " (Sid \"" + st.sid + "\")";
  }
  static const char* known[] = {"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                                "Resource", "NotResource", "Condition"};
  for (const auto& [field, value] : s.items()) {
    bool ok = false;
    for (const char* k : known) ok = ok || field == k;
    if (!ok) w.fail(field, "unknown statement element");
  }
  if (!s.contains("Effect") || !s["Effect"].is_string()) w.fail("Effect", "missing or not a string");
  const std::string effect = s["Effect"].get<std::string>();
  if (effect != "Allow" && effect != "Deny") w.fail("Effect", "must be \"Allow\" or \"Deny\", not \"" + effect + "\"");
  st.effect = effect == "Allow" ? Effect::Allow : Effect::Deny;
  if (s.contains("Principal") && s.contains("NotPrincipal"))
    w.fail("NotPrincipal", "a statement may not have both Principal and NotPrincipal");
  for (const char* f : {"Principal", "NotPrincipal"})
    if (s.contains(f)) parse_principal(st, s[f], f, w);
  parse_actions_resources(st, s, variables, w);
  if (s.contains("Condition")) parse_conditions(st, s["Condition"], variables, w);
  return st;
}

}  // namespace

Policy parse_policy(const json& document, const std::string& name) {
  Where w{name, ""};
  if (!document.is_object()) w.fail("", "a policy must be a JSON object");
  Policy p;
  p.name = name;
  if (document.contains("Version")) {
    if (!document["Version"].is_string()) w.fail("Version", "expected a string");
    p.version = document["Version"].get<std::string>();
    if (p.version != "2012-10-17" && p.version != "2008-10-17")
      w.fail("Version", "unknown policy language version \"" + p.version + "\"");
  }
  if (!document.contains("Statement")) w.fail("Statement", "missing");
  const json& st = document["Statement"];
  const bool variables = p.version == "2012-10-17";
  if (st.is_object()) {
    p.statements.push_back(parse_statement(st, 0, variables, name));
  } else if (st.is_array()) {
    for (std::size_t i = 0; i < st.size(); ++i) p.statements.push_back(parse_statement(st[i], i, variables, name));
  } else {
    w.fail("Statement", "expected an object or a list of objects");
  }
  return p;
}

Policy parse_policy_text(const std::string& text, const std::string& name) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    throw InputError(name + ": not valid JSON: " + e.what());
  }
  return parse_policy(doc, name);
}

PolicyRequest parse_request(const json& o, const std::string& name) {
  Where w{name, "request"};
  if (!o.is_object()) w.fail("", "a request must be a JSON object");
  PolicyRequest r;
  for (const char* f : {"principal", "action", "resource"}) {
    if (!o.contains(f) || !o[f].is_string()) w.fail(f, "missing or not a string");
  }
  r.principal = o["principal"].get<std::string>();
  r.action = o["action"].get<std::string>();
  r.resource = o["resource"].get<std::string>();
  if (o.contains("context")) {
    if (!o["context"].is_object()) w.fail("context", "expected an object of condition keys");
    for (const auto& [key, value] : o["context"].items()) {
      ContextValue cv;
      cv.is_list = value.is_array();
      if (cv.is_list) {
        for (const auto& x : value) cv.values.push_back(scalar_text(x, w, "context." + key));
      } else {
        cv.values.push_back(scalar_text(value, w, "context." + key));
      }
      r.context[key] = cv;
    }
  }
  return r;
}

}  // namespace verdict::policy
