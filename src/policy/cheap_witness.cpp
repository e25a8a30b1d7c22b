#include "policy/cheap_witness.h"

#include <chrono>
#include <cstdio>
#include <set>

#include "policy/evaluator.h"
#include "verdict/errors.h"

namespace verdict::policy {

namespace {

using Kind = PatternPiece::Kind;

std::string shifted_decimal(const std::string& d, int delta) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6Lf", std::stold(d) + delta);
  return parse_decimal(buf).value_or(d);
}

// A value the (non-negated) operator accepts for policy value `v`.
std::optional<std::string> accepted_value(const Condition& c, const ConditionValue& v) {
  switch (value_class(c.op)) {
    case ValueClass::String:
    case ValueClass::Binary:
    case ValueClass::Bool: return instantiate_pattern(v.pattern, "x");
    case ValueClass::Numeric: {
      if (!v.decimal) return std::nullopt;
      const int delta = c.op == BaseOp::NumericLessThan ? -1 : c.op == BaseOp::NumericGreaterThan ? 1 : 0;
      return delta == 0 ? *v.decimal : shifted_decimal(*v.decimal, delta);
    }
    case ValueClass::Date: {
      if (!v.date_ms) return std::nullopt;
      const std::int64_t delta = c.op == BaseOp::DateLessThan ? -1000 : c.op == BaseOp::DateGreaterThan ? 1000 : 0;
      if (*v.date_ms + delta < 0) return std::nullopt;
      return format_date_ms(*v.date_ms + delta);
    }
    case ValueClass::Ip: {
      if (!v.cidr) return std::nullopt;
      IpAddress a;
      a.v6 = v.cidr->base.v6;
      a.bytes = v.cidr->low();
      return format_ip(a);
    }
    case ValueClass::None: break;
  }
  return std::nullopt;
}

void note_variables(const Pattern& p, std::map<std::string, ContextValue>& ctx) {
  for (const auto& piece : p.pieces)
    if (piece.kind == Kind::Variable && !piece.fallback && !ctx.count(piece.text)) ctx[piece.text] = {{"x"}, false};
}

}  // namespace

std::map<std::string, ContextValue> context_for(const Statement& st) {
  std::map<std::string, ContextValue> ctx;  // keys in lower case (evaluation ignores key case)
  std::set<std::string> null_absent;
  for (const auto& c : st.conditions) {
    if (c.op == BaseOp::Null) {
      if (!c.null_values.empty() && c.null_values[0]) null_absent.insert(c.key);
      continue;
    }
    if (c.negated || c.if_exists || c.qualifier == SetQualifier::ForAllValues || ctx.count(c.key)) continue;
    if (c.values.empty()) continue;
    auto v = accepted_value(c, c.values[0]);
    if (!v) continue;
    ctx[c.key] = {{*v}, c.qualifier == SetQualifier::ForAnyValue};
  }
  for (const auto& c : st.conditions)
    if (c.op == BaseOp::Null && !c.null_values.empty() && !c.null_values[0] && !ctx.count(c.key))
      ctx[c.key] = {{"x"}, false};
  for (const auto& k : null_absent) ctx.erase(k);
  for (const auto& c : st.conditions)
    for (const auto& v : c.values) note_variables(v.pattern, ctx);
  for (const auto& r : st.resources) note_variables(r, ctx);
  return ctx;
}

std::vector<std::map<std::string, ContextValue>> contexts_for(const Statement& st, std::size_t max_variants) {
  const auto base = context_for(st);
  std::vector<std::map<std::string, ContextValue>> out = {base, {}};
  // The other values of each positive single-key test, one at a time.
  for (const auto& c : st.conditions) {
    if (c.op == BaseOp::Null || c.negated || c.if_exists || c.qualifier == SetQualifier::ForAllValues) continue;
    for (std::size_t i = 1; i < c.values.size() && out.size() < max_variants; ++i) {
      auto v = accepted_value(c, c.values[i]);
      if (!v) continue;
      auto variant = base;
      variant[c.key] = {{*v}, c.qualifier == SetQualifier::ForAnyValue};
      out.push_back(std::move(variant));
    }
  }
  return out;
}

namespace {

// Strings to try for one dimension (action or resource) of a statement.
std::vector<std::string> dimension_candidates(const std::vector<Pattern>& patterns, bool negated,
                                              const std::vector<std::string>& fallbacks) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& s) {
    if (seen.insert(s).second) out.push_back(s);
  };
  if (!negated)
    for (const auto& p : patterns) {
      add(instantiate_pattern(p, ""));
      if (p.has_wildcard() || p.has_variable()) add(instantiate_pattern(p, "x"));
    }
  for (const auto& f : fallbacks) add(f);
  return out;
}

class CheapSearch {
 public:
  CheapSearch(const RequestProperty& holds, const support::Deadline& deadline, const CheapSearchLimits& limits)
      : holds_(holds), deadline_(deadline), limits_(limits), start_(std::chrono::steady_clock::now()) {}

  bool exhausted() {
    if (tried_ >= limits_.max_candidates || deadline_.expired()) return true;
    if ((tried_ & 63) != 0) return false;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() > limits_.max_seconds;
  }

  bool try_request(const PolicyRequest& r) {
    ++tried_;
    try {
      return holds_(r);
    } catch (const Unsupported&) {
      return false;
    }
  }

 private:
  const RequestProperty& holds_;
  const support::Deadline& deadline_;
  CheapSearchLimits limits_;
  std::chrono::steady_clock::time_point start_;
  std::size_t tried_ = 0;
};

bool applies(const Statement& st, const PolicyRequest& r) {
  try {
    return statement_applies(st, r);
  } catch (const Unsupported&) {
    return false;
  }
}

}  // namespace

std::optional<PolicyRequest> find_cheap_witness(const Policy& source, const std::vector<const Policy*>& others,
                                                const std::vector<std::string>& principals,
                                                const RequestProperty& holds, const support::Deadline& deadline,
                                                const CheapSearchLimits& limits) {
  std::vector<std::string> other_actions = known_actions(), other_resources = {"arn:aws:s3:::example-bucket/x"};
  for (const Policy* p : others)
    for (const auto& st : p->statements) {
      for (const auto& a : st.actions) other_actions.push_back(instantiate_pattern(a, "x"));
      for (const auto& r : st.resources) other_resources.push_back(instantiate_pattern(r, "x"));
    }
  CheapSearch search(holds, deadline, limits);
  // Two passes: first one request per action (the common "B never mentions it" case), then
  // every resource and principal for each action.
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& st : source.statements) {
      if (st.effect != Effect::Allow) continue;
      const auto actions = dimension_candidates(st.actions, st.not_action, st.not_action ? other_actions : std::vector<std::string>{});
      const auto resources = dimension_candidates(st.resources, st.not_resource || st.resources.empty(),
                                                  st.not_resource || st.resources.empty() ? other_resources
                                                                                          : std::vector<std::string>{});
      if (actions.empty() || resources.empty()) continue;
      const std::vector<std::map<std::string, ContextValue>> contexts = contexts_for(st);
      for (const auto& action : actions) {
        if (pass == 0) {  // one request per action: the first principal the statement covers
          for (const auto& principal : principals) {
            if (search.exhausted()) return std::nullopt;
            PolicyRequest r{principal, action, resources.front(), contexts.front()};
            if (!applies(st, r)) continue;
            if (search.try_request(r)) return r;
            break;
          }
          continue;
        }
        for (const auto& resource : resources)
          for (const auto& principal : principals)
            for (const auto& context : contexts) {
              if (search.exhausted()) return std::nullopt;
              PolicyRequest r{principal, action, resource, context};
              if (search.try_request(r)) return r;
            }
      }
    }
  return std::nullopt;
}

}  // namespace verdict::policy
