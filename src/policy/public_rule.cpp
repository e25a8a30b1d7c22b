#include "policy/public_rule.h"

#include <cctype>

#include "policy/evaluator.h"

namespace verdict::policy {

using namespace smt;

const std::vector<std::string>& public_rule_keys() {
  static const std::vector<std::string> keys = {
      "aws:principalorgid",   "aws:principalaccount",      "aws:principalarn",
      "aws:principalorgpaths", "aws:principalservicename", "aws:userid",
      "aws:sourceip",         "aws:sourcearn",             "aws:sourcevpc",
      "aws:sourcevpce",       "aws:sourceowner",           "aws:sourceaccount",
      "s3:x-amz-server-side-encryption-aws-kms-key-id",    "s3:dataaccesspointarn",
      "s3:dataaccesspointaccount"};
  return keys;
}

const std::string& attached_identity() {
  static const std::string id = "(the identity this policy is attached to)";
  return id;
}

const std::vector<std::string>& public_identity_providers() {
  static const std::vector<std::string> idps = {"graph.facebook.com", "accounts.google.com", "www.amazon.com",
                                                "cognito-identity.amazonaws.com"};
  return idps;
}

namespace {

bool has_wildcard_or_variable(const std::string& raw) {
  return raw.find_first_of("*?") != std::string::npos || raw.find("${") != std::string::npos;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Documented exceptions: aws:userid "AROLEID:*" and access point ARNs with a fixed account.
bool fixed_despite_wildcard(const std::string& key, const std::string& raw) {
  if (raw.find("${") != std::string::npos) return false;
  if (key == "aws:userid") {
    const auto colon = raw.find(':');
    return colon != std::string::npos && raw.substr(colon) == ":*" &&
           raw.substr(0, colon).find_first_of("*?") == std::string::npos && colon > 0;
  }
  if (key == "s3:dataaccesspointarn") {
    const auto parts = split(raw, ':');
    if (parts.size() < 6) return false;
    for (int i = 0; i < 5; ++i)
      if (parts[i].find_first_of("*?") != std::string::npos) return false;
    return all_digits(parts[4]);
  }
  return false;
}

void collect(FixedValues& f, const std::string& key, const Condition& c) {
  for (const auto& v : c.values) {
    const std::string& raw = v.pattern.raw;
    if (value_class(c.op) == ValueClass::Ip) {
      if (v.cidr && v.cidr->prefix >= (v.cidr->base.v6 ? 32u : 8u)) f.narrow_cidrs.push_back(*v.cidr);
      continue;
    }
    if (value_class(c.op) != ValueClass::String) continue;
    if (!has_wildcard_or_variable(raw))
      f.literals.push_back(raw);
    else if (fixed_despite_wildcard(key, raw))
      f.fixed_patterns.push_back(parse_pattern(raw, true, false));
  }
}

void collect_accounts(PublicRule& rule, const Statement& st) {
  for (const auto& e : st.principals) {
    if (e.kind == PrincipalEntry::Kind::Account) rule.named_accounts.insert(e.value);
    if (e.kind == PrincipalEntry::Kind::Exact) {
      const auto parts = split(e.value, ':');
      if (parts.size() >= 5 && parts[0] == "arn") rule.named_accounts.insert(parts[4]);
    }
  }
}

}  // namespace

PublicRule public_rule_for(const Policy& policy, const std::string& owner_account) {
  PublicRule rule;
  if (!owner_account.empty()) rule.named_accounts.insert(owner_account);
  for (const auto& st : policy.statements) {
    collect_accounts(rule, st);
    for (const auto& c : st.conditions) {
      bool listed = false;
      for (const auto& k : public_rule_keys()) listed = listed || k == c.key;
      if (!listed) continue;
      FixedValues& f = rule.keys[c.key];
      if (f.as_written.empty()) f.as_written = c.key_as_written;
      collect(f, c.key, c);
    }
  }
  return rule;
}

namespace {

bool arn_of_outside_account(const PublicRule& rule, const std::string& p) {
  for (const char* kind : {"user/", "role/"}) {
    const std::string prefix = "arn:aws:iam::";
    if (p.rfind(prefix, 0) != 0 || p.size() < prefix.size() + 13) continue;
    const std::string account = p.substr(prefix.size(), 12);
    const std::string rest = p.substr(prefix.size() + 12);
    const std::string want = std::string(":") + kind;
    if (!all_digits(account) || rest.rfind(want, 0) != 0 || rest.size() == want.size()) continue;
    for (const auto& a : rule.named_accounts)
      if (principal_in_account(p, a)) return false;
    return true;
  }
  return false;
}

bool value_unfixed(const FixedValues& f, const std::string& x) {
  for (const auto& l : f.literals)
    if (x == l) return false;
  for (const auto& p : f.fixed_patterns)
    if (glob_match(p, x, false)) return false;
  if (auto ip = parse_ip(x))
    for (const auto& c : f.narrow_cidrs)
      if (c.contains(*ip)) return false;
  return true;
}

}  // namespace

bool is_outsider(const PublicRule& rule, const std::string& principal) {
  if (principal == "anonymous") return true;
  for (const auto& idp : public_identity_providers())
    if (principal == idp) return true;
  return arn_of_outside_account(rule, principal);
}

bool is_unconfined(const PublicRule& rule, const PolicyRequest& request) {
  for (const auto& [key, value] : request.context) {
    auto it = rule.keys.find(to_lower(key));
    if (it == rule.keys.end()) continue;
    for (const auto& x : value.values)
      if (!value_unfixed(it->second, x)) return false;
  }
  return true;
}

FormulaRef outsider_formula(const PublicRule& rule, const Universe& u) {
  return u.principal_where([&](const std::string& p) { return is_outsider(rule, p); });
}

namespace {

FormulaRef slot_unfixed(const FixedValues& f, const KeyInfo& k, unsigned slot) {
  std::vector<FormulaRef> all;
  const std::string var = slot_var(k.key, slot);
  if (k.cls == ValueClass::String) {
    for (const auto& l : f.literals) all.push_back(f_not(f_str_eq(var, l)));
    for (const auto& p : f.fixed_patterns) all.push_back(f_not(glob_atom(var, p, false)));
  } else if (k.cls == ValueClass::Ip) {
    const FormulaRef v6 = f_bool(slot_v6_var(k.key, slot));
    for (const auto& c : f.narrow_cidrs)
      all.push_back(f_not(f_and({c.base.v6 ? v6 : f_not(v6), f_bits_in_range(var, c.low(), c.high())})));
  }
  return f_and(std::move(all));
}

}  // namespace

FormulaRef unconfined_formula(const PublicRule& rule, const Universe& u) {
  std::vector<FormulaRef> all;
  for (const auto& [key, f] : rule.keys) {
    auto it = u.keys.find(key);
    if (it == u.keys.end() || it->second.conflicting) continue;
    const KeyInfo& k = it->second;
    std::vector<FormulaRef> slots;
    for (unsigned i = 0; i < k.slots && (i == 0 || k.set_valued); ++i) {
      const FormulaRef fresh = slot_unfixed(f, k, i);
      if (!k.set_valued) {
        slots.push_back(fresh);
      } else {
        const FormulaRef active = f_compare(count_var(key), VarSort::Int, CmpOp::Gt, std::to_string(i));
        slots.push_back(f_implies(active, fresh));
      }
    }
    all.push_back(f_or({f_not(f_bool(present_var(key))), f_and(std::move(slots))}));
  }
  return f_and(std::move(all));
}

}  // namespace verdict::policy
