#include "policy/evaluator.h"

#include <map>

#include "verdict/errors.h"

namespace verdict::policy {

namespace {

using Kind = PatternPiece::Kind;

// Lower-cased keys -> values.
using Context = std::map<std::string, std::vector<std::string>>;

Context normalized_context(const PolicyRequest& r) {
  Context c;
  for (const auto& [k, v] : r.context) c[to_lower(k)] = v.values;
  return c;
}

bool chars_equal(char a, char b, bool ignore_case) {
  if (!ignore_case) return a == b;
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

// Flattens literal pieces into single characters for the matcher.
struct Token {
  Kind kind;
  char c;
};

std::vector<Token> tokens(const Pattern& p) {
  std::vector<Token> out;
  for (const auto& piece : p.pieces) {
    if (piece.kind == Kind::Literal)
      for (char c : piece.text) out.push_back({Kind::Literal, c});
    else
      out.push_back({piece.kind, 0});
  }
  return out;
}

// Replaces variables by their request values; nullopt when one has no value.
std::optional<Pattern> resolve(const Pattern& p, const Context& ctx) {
  if (!p.has_variable()) return p;
  Pattern out;
  out.raw = p.raw;
  for (const auto& piece : p.pieces) {
    if (piece.kind != Kind::Variable) {
      out.pieces.push_back(piece);
      continue;
    }
    auto it = ctx.find(piece.text);
    std::string value;
    if (it != ctx.end() && it->second.size() == 1)
      value = it->second[0];
    else if (piece.fallback)
      value = *piece.fallback;
    else
      return std::nullopt;
    out.pieces.push_back({Kind::Literal, value, std::nullopt});
  }
  return out;
}

}  // namespace

bool glob_match(const Pattern& pattern, const std::string& text, bool ignore_case) {
  const std::vector<Token> t = tokens(pattern);
  // Classic two-pointer wildcard matching with backtracking to the last star.
  std::size_t pi = 0, si = 0, star = std::string::npos, mark = 0;
  while (si < text.size()) {
    if (pi < t.size() && t[pi].kind == Kind::Star) {
      star = pi++;
      mark = si;
    } else if (pi < t.size() && (t[pi].kind == Kind::Question ||
                                 (t[pi].kind == Kind::Literal && chars_equal(t[pi].c, text[si], ignore_case)))) {
      ++pi;
      ++si;
    } else if (star != std::string::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < t.size() && t[pi].kind == Kind::Star) ++pi;
  return pi == t.size();
}

bool principal_in_account(const std::string& principal, const std::string& id) {
  if (principal == id) return true;
  for (const char* prefix : {"arn:aws:iam::", "arn:aws:sts::"}) {
    const std::string p = std::string(prefix) + id + ":";
    if (principal.rfind(p, 0) == 0) return true;
  }
  return false;
}

namespace {

bool principal_entry_matches(const PrincipalEntry& e, const std::string& principal) {
  if (e.kind == PrincipalEntry::Kind::Any) return true;
  if (e.value.find_first_of("*?") != std::string::npos)
    throw Unsupported({}, "wildcard inside principal \"" + e.value + "\"");
  if (e.kind == PrincipalEntry::Kind::Account) return principal_in_account(principal, e.value);
  return principal == e.value;
}

bool principal_matches(const Statement& st, const std::string& principal, const EvalOptions& o) {
  if (!st.has_principal) return !o.attached_identity || principal == *o.attached_identity;
  bool any = false;
  for (const auto& e : st.principals) any = any || principal_entry_matches(e, principal);
  return st.not_principal ? !any : any;
}

bool list_matches(const std::vector<Pattern>& patterns, const std::string& text, bool ignore_case,
                  const Context& ctx) {
  for (const auto& p : patterns) {
    auto r = resolve(p, ctx);
    if (r && glob_match(*r, text, ignore_case)) return true;
  }
  return false;
}

int cmp_result(BaseOp op, int c) {
  switch (op) {
    case BaseOp::NumericEquals:
    case BaseOp::DateEquals: return c == 0;
    case BaseOp::NumericLessThan:
    case BaseOp::DateLessThan: return c < 0;
    case BaseOp::NumericLessThanEquals:
    case BaseOp::DateLessThanEquals: return c <= 0;
    case BaseOp::NumericGreaterThan:
    case BaseOp::DateGreaterThan: return c > 0;
    case BaseOp::NumericGreaterThanEquals:
    case BaseOp::DateGreaterThanEquals: return c >= 0;
    default: return false;
  }
}

// Does request value x match policy value v under the (non-negated) operator?
bool value_matches(const Condition& c, const ConditionValue& v, const std::string& x, const Context& ctx) {
  auto pattern = resolve(v.pattern, ctx);
  if (!pattern) return false;
  const std::string text = pattern->literal().value_or("");
  switch (value_class(c.op)) {
    case ValueClass::String:
      if (c.op == BaseOp::StringEquals) return pattern->literal() && x == text;
      if (c.op == BaseOp::StringEqualsIgnoreCase) return pattern->literal() && to_lower(x) == to_lower(text);
      return glob_match(*pattern, x, false);
    case ValueClass::Binary: return pattern->literal() && x == text;
    case ValueClass::Bool: return pattern->literal() && to_lower(x) == to_lower(text);
    case ValueClass::Numeric: {
      auto a = parse_decimal(x), b = v.decimal ? v.decimal : parse_decimal(text);
      return a && b && cmp_result(c.op, compare_decimal(*a, *b));
    }
    case ValueClass::Date: {
      auto a = parse_date_ms(x), b = v.date_ms ? v.date_ms : parse_date_ms(text);
      return a && b && cmp_result(c.op, *a < *b ? -1 : (*a > *b ? 1 : 0));
    }
    case ValueClass::Ip: {
      auto a = parse_ip(x);
      auto b = v.cidr ? v.cidr : parse_cidr(text);
      return a && b && b->contains(*a);
    }
    case ValueClass::None: return false;
  }
  return false;
}

// The per-value test of an operator: OR over the policy values, or NOR when negated.
bool element_matches(const Condition& c, const std::string& x, const Context& ctx) {
  bool any = false;
  for (const auto& v : c.values) any = any || value_matches(c, v, x, ctx);
  return c.negated ? !any : any;
}

bool condition_holds(const Condition& c, const Context& ctx) {
  auto it = ctx.find(c.key);
  const bool present = it != ctx.end();
  if (c.op == BaseOp::Null) {
    bool any = false;
    for (bool absent_wanted : c.null_values) any = any || (absent_wanted ? !present : present);
    return any;
  }
  if (!present) {
    if (c.if_exists) return true;
    if (c.qualifier == SetQualifier::ForAllValues) return true;
    if (c.qualifier == SetQualifier::ForAnyValue) return false;
    return c.negated;
  }
  const std::vector<std::string>& xs = it->second;
  switch (c.qualifier) {
    case SetQualifier::ForAnyValue:
      for (const auto& x : xs)
        if (element_matches(c, x, ctx)) return true;
      return false;
    case SetQualifier::ForAllValues:
      for (const auto& x : xs)
        if (!element_matches(c, x, ctx)) return false;
      return true;
    case SetQualifier::None: {
      // A plain operator on a (possibly multivalued) key: some value matches; negated: none.
      bool any = false;
      for (const auto& x : xs) {
        bool pos = false;
        for (const auto& v : c.values) pos = pos || value_matches(c, v, x, ctx);
        any = any || pos;
      }
      return c.negated ? !any : any;
    }
  }
  return false;
}

}  // namespace

bool statement_applies(const Statement& st, const PolicyRequest& request, const EvalOptions& options) {
  const Context ctx = normalized_context(request);
  if (!principal_matches(st, request.principal, options)) return false;
  const bool action = list_matches(st.actions, to_lower(request.action), false, ctx);
  if (action == st.not_action) return false;
  const bool resource = list_matches(st.resources, request.resource, false, ctx);
  if (resource == st.not_resource) return false;
  for (const auto& c : st.conditions)
    if (!condition_holds(c, ctx)) return false;
  return true;
}

EvalResult evaluate(const Policy& policy, const PolicyRequest& request, const EvalOptions& options) {
  EvalResult r;
  for (const auto& st : policy.statements) {
    if (!statement_applies(st, request, options)) continue;
    (st.effect == Effect::Allow ? r.allowing : r.denying).push_back(st.index);
  }
  r.allowed = !r.allowing.empty() && r.denying.empty();
  return r;
}

}  // namespace verdict::policy
