#include "policy/encoder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

#include "policy/evaluator.h"
#include "policy/public_rule.h"
#include "support/invariant.h"

namespace verdict::policy {

using namespace smt;
using Kind = PatternPiece::Kind;

std::string present_var(const std::string& key) { return "ctx[" + key + "].present"; }
std::string count_var(const std::string& key) { return "ctx[" + key + "].count"; }
std::string slot_var(const std::string& key, unsigned slot) {
  return "ctx[" + key + "][" + std::to_string(slot) + "]";
}
std::string slot_v6_var(const std::string& key, unsigned slot) { return slot_var(key, slot) + ".v6"; }

// ---- the universe of condition keys ----

namespace {
ValueClass merge_class(ValueClass a, ValueClass b, bool& conflict) {
  if (a == ValueClass::None || a == b) return b;
  auto stringish = [](ValueClass c) {
    return c == ValueClass::String || c == ValueClass::Binary || c == ValueClass::Bool;
  };
  if (stringish(a) && stringish(b)) return ValueClass::String;
  conflict = true;
  return a;
}
}  // namespace

namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

bool has_wildcard(const std::string& s) { return s.find_first_of("*?") != std::string::npos; }

// A principal string of `account` distinct from every named principal.
std::string other_in_account(const std::string& account, const std::vector<std::string>& named) {
  std::string p = "arn:aws:iam::" + account + ":user/someone-else";
  while (std::find(named.begin(), named.end(), p) != named.end()) p += "-2";
  return p;
}

// A 12-digit account that is none of `accounts`.
std::string unnamed_account(const std::vector<std::string>& accounts) {
  for (long long n = 999988887777LL;; --n) {
    const std::string a = std::to_string(n);
    bool clash = false;
    for (const auto& x : accounts) clash = clash || principal_in_account("arn:aws:iam::" + a + ":user/x", x);
    if (!clash) return a;
  }
}

std::vector<std::string> principal_representatives(const std::vector<const Policy*>& policies,
                                                   std::vector<std::string> accounts,
                                                   const std::vector<std::string>& extra) {
  std::vector<std::string> exact;
  for (const Policy* p : policies)
    for (const auto& st : p->statements)
      for (const auto& e : st.principals) {
        if (has_wildcard(e.value)) continue;
        if (e.kind == PrincipalEntry::Kind::Exact) add_unique(exact, e.value);
        if (e.kind == PrincipalEntry::Kind::Account) add_unique(accounts, e.value);
        if (e.kind == PrincipalEntry::Kind::Exact && e.value.rfind("arn:", 0) == 0) {
          const auto parts = e.value.find("::");
          if (parts != std::string::npos) add_unique(accounts, e.value.substr(parts + 2, e.value.find(':', parts + 2) - parts - 2));
        }
      }
  std::vector<std::string> reps = {"anonymous"};
  for (const auto& idp : public_identity_providers()) add_unique(reps, idp);
  for (const auto& e : exact) add_unique(reps, e);
  for (const auto& e : extra) add_unique(reps, e);
  for (const auto& a : accounts) add_unique(reps, other_in_account(a, reps));
  add_unique(reps, "arn:aws:iam::" + unnamed_account(accounts) + ":user/outsider");
  add_unique(reps, attached_identity());
  return reps;
}

}  // namespace

FormulaRef Universe::principal_where(const std::function<bool(const std::string&)>& test) const {
  std::vector<FormulaRef> alts;
  for (std::size_t i = 0; i < principals.size(); ++i)
    if (test(principals[i])) alts.push_back(f_compare(kPrincipalVar, VarSort::Int, CmpOp::Eq, std::to_string(i)));
  return f_or(std::move(alts));
}

void Universe::fit(const PolicyRequest& r) {
  for (const auto& [key, v] : r.context) {
    auto it = keys.find(to_lower(key));
    if (it != keys.end() && it->second.set_valued)
      it->second.slots = std::max(it->second.slots, static_cast<unsigned>(v.values.size()));
  }
}

int Universe::principal_index(const std::string& principal) const {
  for (std::size_t i = 0; i < principals.size(); ++i)
    if (principals[i] == principal) return static_cast<int>(i);
  return -1;
}

namespace {

// Class domains for the condition keys whose every test is a String*/Arn* operator with
// variable-free values (keys read by `${...}` or fixed by rule P stay strings).
void add_key_domains(Universe& u, const std::vector<const Policy*>& policies) {
  std::map<std::string, std::vector<Glob>> globs;
  std::set<std::string> excluded(public_rule_keys().begin(), public_rule_keys().end());
  for (const Policy* p : policies)
    for (const auto& st : p->statements) {
      auto exclude_variables = [&](const Pattern& pat) {
        for (const auto& piece : pat.pieces)
          if (piece.kind == Kind::Variable) excluded.insert(piece.text);
      };
      for (const auto& r : st.resources) exclude_variables(r);
      for (const auto& c : st.conditions) {
        for (const auto& v : c.values) exclude_variables(v.pattern);
        if (c.op == BaseOp::Null) continue;
        if (value_class(c.op) != ValueClass::String) {
          excluded.insert(c.key);
          continue;
        }
        for (const auto& v : c.values) {
          if (v.pattern.has_variable()) excluded.insert(c.key);
          globs[c.key].push_back({v.pattern, c.op == BaseOp::StringEqualsIgnoreCase});
        }
      }
    }
  for (auto& [key, k] : u.keys) {
    if (k.conflicting || k.cls != ValueClass::String || excluded.count(key) || !globs.count(key)) continue;
    k.domain = StringDomain::of(globs[key]);
  }
}

}  // namespace

Universe Universe::of(const std::vector<const Policy*>& policies, const std::vector<std::string>& extra_accounts,
                      const std::vector<std::string>& extra_principals, bool classes) {
  Universe u;
  u.principals = principal_representatives(policies, extra_accounts, extra_principals);
  std::map<std::string, unsigned> uses;
  for (const Policy* p : policies)
    for (const auto& st : p->statements)
      for (const auto& c : st.conditions) {
        KeyInfo& k = u.keys[c.key];
        if (k.key.empty()) {
          k.key = c.key;
          k.as_written = c.key_as_written;
        }
        if (c.op == BaseOp::Null) continue;
        k.cls = merge_class(k.cls, value_class(c.op), k.conflicting);
        k.set_valued = k.set_valued || c.qualifier != SetQualifier::None;
        ++uses[c.key];
      }
  // Keys read by policy variables (`${key}`) carry one string value.
  auto note_variables = [&](const Pattern& pat) {
    for (const auto& piece : pat.pieces) {
      if (piece.kind != Kind::Variable) continue;
      KeyInfo& k = u.keys[piece.text];
      if (k.key.empty()) k.key = k.as_written = piece.text;
      k.cls = merge_class(k.cls, ValueClass::String, k.conflicting);
    }
  };
  for (const Policy* p : policies)
    for (const auto& st : p->statements) {
      for (const auto& r : st.resources) note_variables(r);
      for (const auto& c : st.conditions)
        for (const auto& v : c.values) note_variables(v.pattern);
    }
  for (auto& [key, k] : u.keys) k.slots = std::max(1u, uses[key]);
  if (!classes) return u;
  std::vector<Glob> actions, resources;
  bool resource_variables = false;
  for (const Policy* p : policies)
    for (const auto& st : p->statements) {
      for (const auto& a : st.actions) actions.push_back({a, false});
      for (const auto& r : st.resources) {
        resource_variables = resource_variables || r.has_variable();
        resources.push_back({r, false});
      }
    }
  u.actions = StringDomain::of(actions);
  if (!resource_variables) u.resources = StringDomain::of(resources);
  add_key_domains(u, policies);
  return u;
}

std::string StringDomain::glob_key(const Glob& g) { return (g.ignore_case ? "i:" : "s:") + g.pattern.raw; }

std::optional<StringDomain> StringDomain::of(const std::vector<Glob>& globs) {
  StringDomain d;
  for (const auto& g : globs) {
    if (g.pattern.has_variable()) return std::nullopt;
    if (d.glob_of.emplace(glob_key(g), d.globs.size()).second) d.globs.push_back(g);
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto classes = glob_classes(d.globs);
  if (std::getenv("VERDICT_POLICY_DEBUG"))
    std::fprintf(stderr, "classes of %zu globs: %zd in %.1f ms\n", d.globs.size(),
                 classes ? static_cast<std::ptrdiff_t>(classes->representatives.size()) : -1,
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  if (!classes) return std::nullopt;
  d.classes = std::move(*classes);
  return d;
}

FormulaRef StringDomain::matches(const std::string& var, const Glob& g) const {
  auto it = glob_of.find(glob_key(g));
  VERDICT_INVARIANT(it != glob_of.end(), "a class atom is asked only for a glob of its domain");
  std::vector<FormulaRef> alts;
  for (std::size_t c = 0; c < classes.representatives.size(); ++c)
    if (classes.matches[c][it->second]) alts.push_back(f_compare(var, VarSort::Int, CmpOp::Eq, std::to_string(c)));
  if (alts.size() == classes.representatives.size()) return f_true();
  return f_or(std::move(alts));
}

std::size_t StringDomain::class_of(const std::string& s) const {
  std::vector<bool> v;
  for (const auto& g : globs) v.push_back(glob_match(g.pattern, s, g.ignore_case));
  for (std::size_t c = 0; c < classes.matches.size(); ++c)
    if (classes.matches[c] == v) return c;
  VERDICT_INVARIANT(false, "every string is in one of the classes of the globs");
  return 0;
}

const StringDomain* domain_of(const Universe& u, const std::string& var) {
  if (var == kActionVar) return u.actions ? &*u.actions : nullptr;
  if (var == kResourceVar) return u.resources ? &*u.resources : nullptr;
  return nullptr;
}

FormulaRef Universe::dimension_matches(const std::string& var, const Pattern& p) const {
  if (const StringDomain* d = domain_of(*this, var); d && !p.has_variable()) return d->matches(var, {p, false});
  return glob_atom(var, p, false);
}

namespace {
// The literal pieces between stars when `*` is the only wildcard; nullopt otherwise.
std::optional<std::vector<std::string>> star_parts(const Pattern& p) {
  std::vector<std::string> parts(1);
  for (const auto& piece : p.pieces) {
    if (piece.kind == Kind::Question) return std::nullopt;
    if (piece.kind == Kind::Literal) parts.back() += piece.text;
    else parts.emplace_back();  // Star, or a variable read as `*`
  }
  return parts;
}
}  // namespace

FormulaRef glob_atom(const std::string& var, const Pattern& p, bool ignore_case) {
  if (!ignore_case)
    if (auto parts = star_parts(p)) return f_glob(var, std::move(*parts));
  return f_in_regex(var, glob_regex(p, ignore_case));
}

smt::RegexRef glob_regex(const Pattern& p, bool ignore_case) {
  std::vector<RegexRef> parts;
  for (const auto& piece : p.pieces) {
    switch (piece.kind) {
      case Kind::Literal: parts.push_back(ignore_case ? re_literal_ignore_case(piece.text) : re_literal(piece.text)); break;
      case Kind::Star: parts.push_back(re_any_string()); break;
      case Kind::Question: parts.push_back(re_any_char()); break;
      case Kind::Variable: parts.push_back(re_any_string()); break;  // callers approximate
    }
  }
  if (parts.empty()) return re_literal("");
  return re_concat(std::move(parts));
}

// ---- statements ----

namespace {

class StatementEncoder {
 public:
  StatementEncoder(const Universe& u, const EncodeOptions& o, const Statement& st, std::vector<std::string>& notes)
      : u_(u), o_(o), st_(st), notes_(notes) {}

  FormulaRef applies(bool positive) {
    return f_and({principal(positive), action(positive), resource(positive), conditions(positive)});
  }

 private:
  // An atom we cannot model exactly: true or false, erring on the requested side.
  FormulaRef approximate(bool positive, const std::string& why) {
    const std::string note = st_.label() + ": " + why;
    if (std::find(notes_.begin(), notes_.end(), note) == notes_.end()) notes_.push_back(note);
    return ((o_.approx == Approx::Upper) == positive) ? f_true() : f_false();
  }

  // var matches the pattern; a pattern with variables is replaced by its `*` version
  // (a superset) when erring upwards, by false otherwise.
  FormulaRef pattern_atom(const std::string& var, const Pattern& p, bool ignore_case, bool positive) {
    if (!p.has_variable()) return glob_atom(var, p, ignore_case);
    if (!ignore_case)
      if (auto exact = variable_glob(var, p)) return *exact;
    const bool superset = (o_.approx == Approx::Upper) == positive;
    const std::string note = st_.label() + ": policy variable in \"" + p.raw + "\"";
    if (std::find(notes_.begin(), notes_.end(), note) == notes_.end()) notes_.push_back(note);
    return superset ? glob_atom(var, p, ignore_case) : f_false();
  }

  // A star-only pattern whose variables read single string keys, exactly: the variable is the
  // key's value when present, else its default; without either the pattern matches nothing.
  std::optional<FormulaRef> variable_glob(const std::string& var, const Pattern& p) {
    std::vector<StrTerm> parts(1);
    std::vector<FormulaRef> defined;
    for (const auto& piece : p.pieces) {
      switch (piece.kind) {
        case Kind::Question: return std::nullopt;
        case Kind::Star: parts.emplace_back(); break;
        case Kind::Literal: parts.back().push_back({piece.text, "", ""}); break;
        case Kind::Variable: {
          auto it = u_.keys.find(piece.text);
          if (it == u_.keys.end() || it->second.conflicting || it->second.set_valued ||
              it->second.cls != ValueClass::String)
            return std::nullopt;
          const std::string present = present_var(piece.text);
          parts.back().push_back({piece.fallback.value_or(""), slot_var(piece.text, 0), present});
          if (!piece.fallback) defined.push_back(f_bool(present));
          break;
        }
      }
    }
    defined.push_back(f_glob_terms(var, std::move(parts)));
    return f_and(std::move(defined));
  }

  FormulaRef any_pattern(const std::string& var, const std::vector<Pattern>& ps, bool negate, bool positive) {
    std::vector<FormulaRef> alts;
    for (const auto& p : ps)
      alts.push_back(domain_of(u_, var) ? u_.dimension_matches(var, p) : pattern_atom(var, p, false, positive != negate));
    const FormulaRef any = f_or(std::move(alts));
    return negate ? f_not(any) : any;
  }

  FormulaRef principal_entry(const PrincipalEntry& e, bool positive) {
    if (e.kind == PrincipalEntry::Kind::Any) return f_true();
    if (e.value.find_first_of("*?") != std::string::npos)
      return approximate(positive, "wildcard inside principal \"" + e.value + "\"");
    if (e.kind == PrincipalEntry::Kind::Exact)
      return u_.principal_where([&](const std::string& p) { return p == e.value; });
    return u_.principal_where([&](const std::string& p) { return principal_in_account(p, e.value); });
  }

  FormulaRef principal(bool positive) {
    if (!st_.has_principal && o_.identity_statements_match_nobody) return f_false();
    if (!st_.has_principal)
      return o_.attached_identity
                 ? u_.principal_where([&](const std::string& p) { return p == *o_.attached_identity; })
                 : f_true();
    const bool inner = positive != st_.not_principal;
    std::vector<FormulaRef> alts;
    for (const auto& e : st_.principals) alts.push_back(principal_entry(e, inner));
    const FormulaRef any = f_or(std::move(alts));
    return st_.not_principal ? f_not(any) : any;
  }

  FormulaRef action(bool positive) { return any_pattern(kActionVar, st_.actions, st_.not_action, positive); }
  FormulaRef resource(bool positive) {
    return any_pattern(kResourceVar, st_.resources, st_.not_resource, positive);
  }

  FormulaRef conditions(bool positive) {
    std::vector<FormulaRef> all;
    for (const auto& c : st_.conditions) all.push_back(condition(c, positive));
    return f_and(std::move(all));
  }

  FormulaRef condition(const Condition& c, bool positive);
  FormulaRef value_atom(const Condition& c, const KeyInfo& k, const ConditionValue& v, unsigned slot, bool positive);
  FormulaRef slot_matches(const Condition& c, const KeyInfo& k, unsigned slot, bool positive);

  const Universe& u_;
  const EncodeOptions& o_;
  const Statement& st_;
  std::vector<std::string>& notes_;
};

CmpOp cmp_of(BaseOp op) {
  switch (op) {
    case BaseOp::NumericLessThan:
    case BaseOp::DateLessThan: return CmpOp::Lt;
    case BaseOp::NumericLessThanEquals:
    case BaseOp::DateLessThanEquals: return CmpOp::Le;
    case BaseOp::NumericGreaterThan:
    case BaseOp::DateGreaterThan: return CmpOp::Gt;
    case BaseOp::NumericGreaterThanEquals:
    case BaseOp::DateGreaterThanEquals: return CmpOp::Ge;
    default: return CmpOp::Eq;
  }
}

FormulaRef ip_atom(const std::string& key, unsigned slot, const Cidr& cidr) {
  const FormulaRef v6 = f_bool(slot_v6_var(key, slot));
  return f_and({cidr.base.v6 ? v6 : f_not(v6), f_bits_in_range(slot_var(key, slot), cidr.low(), cidr.high())});
}

FormulaRef StatementEncoder::value_atom(const Condition& c, const KeyInfo& k, const ConditionValue& v,
                                        unsigned slot, bool positive) {
  const std::string var = slot_var(k.key, slot);
  if (v.pattern.has_variable() && value_class(c.op) != ValueClass::String)
    return approximate(positive, "policy variable in \"" + v.pattern.raw + "\"");
  switch (value_class(c.op)) {
    case ValueClass::String:
      if (k.domain && !v.pattern.has_variable())
        return k.domain->matches(var, {v.pattern, c.op == BaseOp::StringEqualsIgnoreCase});
      return pattern_atom(var, v.pattern, c.op == BaseOp::StringEqualsIgnoreCase, positive);
    case ValueClass::Binary: return f_str_eq(var, v.pattern.raw);
    case ValueClass::Bool:
      if (k.cls == ValueClass::Bool) return f_str_eq(var, to_lower(v.pattern.raw));
      return f_in_regex(var, re_literal_ignore_case(v.pattern.raw));
    case ValueClass::Numeric: return f_compare(var, VarSort::Real, cmp_of(c.op), *v.decimal);
    case ValueClass::Date: return f_compare(var, VarSort::Int, cmp_of(c.op), std::to_string(*v.date_ms));
    case ValueClass::Ip: return ip_atom(k.key, slot, *v.cidr);
    case ValueClass::None: break;
  }
  return f_false();
}

// The per-value test: OR over the policy's values, NOR when the operator is negated.
FormulaRef StatementEncoder::slot_matches(const Condition& c, const KeyInfo& k, unsigned slot, bool positive) {
  std::vector<FormulaRef> alts;
  for (const auto& v : c.values) alts.push_back(value_atom(c, k, v, slot, positive != c.negated));
  const FormulaRef any = f_or(std::move(alts));
  return c.negated ? f_not(any) : any;
}

FormulaRef StatementEncoder::condition(const Condition& c, bool positive) {
  const KeyInfo& k = u_.keys.at(c.key);
  const FormulaRef present = f_bool(present_var(c.key));
  if (c.op == BaseOp::Null) {
    std::vector<FormulaRef> alts;
    for (bool absent_wanted : c.null_values) alts.push_back(absent_wanted ? f_not(present) : present);
    return f_or(std::move(alts));
  }
  if (k.conflicting)
    return approximate(positive, "key " + k.as_written + " is used with operators of different types");
  bool when_absent = c.negated;
  if (c.qualifier == SetQualifier::ForAllValues) when_absent = true;
  if (c.qualifier == SetQualifier::ForAnyValue) when_absent = false;
  if (c.if_exists) when_absent = true;
  FormulaRef when_present;
  if (!k.set_valued) {
    when_present = slot_matches(c, k, 0, positive);
  } else {
    // ForAnyValue (and plain positive operators): some present value matches;
    // ForAllValues (and plain negated operators): every present value matches.
    const bool exists = c.qualifier == SetQualifier::ForAnyValue ||
                        (c.qualifier == SetQualifier::None && !c.negated);
    std::vector<FormulaRef> parts;
    for (unsigned i = 0; i < k.slots; ++i) {
      const FormulaRef active = f_compare(count_var(c.key), VarSort::Int, CmpOp::Gt, std::to_string(i));
      const FormulaRef m = slot_matches(c, k, i, positive);
      parts.push_back(exists ? f_and({active, m}) : f_implies(active, m));
    }
    when_present = exists ? f_or(std::move(parts)) : f_and(std::move(parts));
  }
  return f_or({f_and({present, when_present}), when_absent ? f_not(present) : f_false()});
}

}  // namespace

Encoding encode_allowed(const Policy& policy, const Universe& u, const EncodeOptions& options) {
  Encoding e;
  std::vector<FormulaRef> allows, denies;
  for (const auto& st : policy.statements) {
    const bool is_allow = st.effect == Effect::Allow;
    StatementEncoder enc(u, options, st, e.approximated);
    (is_allow ? allows : denies).push_back(enc.applies(is_allow));
  }
  for (const auto& a : allows)
    if (!is_false(a)) e.allow_cases.push_back(a);
  e.denied = f_or(std::move(denies));
  e.allowed = f_and({f_or(e.allow_cases), f_not(e.denied)});
  return e;
}

}  // namespace verdict::policy
