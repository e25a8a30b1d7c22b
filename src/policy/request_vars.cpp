// The symbolic request's variables as concrete values and back: well-formedness, fixing a
// request, reading a request from a model (declared in encoder.h).
#include <cstdlib>

#include "policy/encoder.h"

namespace verdict::policy {

using namespace smt;

namespace {

constexpr const char* kMaxDateMs = "253402300799999";  // 9999-12-31T23:59:59.999Z

std::array<std::uint8_t, 16> ipv4_max() {
  std::array<std::uint8_t, 16> a{};
  for (int i = 12; i < 16; ++i) a[i] = 0xff;
  return a;
}

bool hex_to_bytes(const std::string& hex, std::array<std::uint8_t, 16>& out) {
  if (hex.size() != 32) return false;
  for (int i = 0; i < 16; ++i) out[i] = static_cast<std::uint8_t>(std::strtoul(hex.substr(2 * i, 2).c_str(), nullptr, 16));
  return true;
}

}  // namespace

FormulaRef well_formed(const Universe& u) {
  std::vector<FormulaRef> all;
  all.push_back(f_compare(kPrincipalVar, VarSort::Int, CmpOp::Ge, "0"));
  all.push_back(f_compare(kPrincipalVar, VarSort::Int, CmpOp::Lt, std::to_string(u.principals.size())));
  // Actions are compared in lower case; the action variable holds the lower-cased action.
  if (!u.actions)
    all.push_back(f_not(f_in_regex(kActionVar, re_concat({re_any_string(), re_range('A', 'Z'), re_any_string()}))));
  for (const char* var : {kActionVar, kResourceVar})
    if (const StringDomain* d = domain_of(u, var)) {
      all.push_back(f_compare(var, VarSort::Int, CmpOp::Ge, "0"));
      all.push_back(f_compare(var, VarSort::Int, CmpOp::Lt, std::to_string(d->classes.representatives.size())));
    }
  for (const auto& [key, k] : u.keys) {
    if (k.set_valued) {
      all.push_back(f_compare(count_var(key), VarSort::Int, CmpOp::Ge, "0"));
      all.push_back(f_compare(count_var(key), VarSort::Int, CmpOp::Le, std::to_string(k.slots)));
    }
    if (k.conflicting) continue;
    for (unsigned i = 0; i < k.slots; ++i) {
      const std::string v = slot_var(key, i);
      if (k.domain) {
        all.push_back(f_compare(v, VarSort::Int, CmpOp::Ge, "0"));
        all.push_back(f_compare(v, VarSort::Int, CmpOp::Lt, std::to_string(k.domain->classes.representatives.size())));
      }
      if (k.cls == ValueClass::Bool) all.push_back(f_or({f_str_eq(v, "true"), f_str_eq(v, "false")}));
      if (k.cls == ValueClass::Date) {
        all.push_back(f_compare(v, VarSort::Int, CmpOp::Ge, "0"));
        all.push_back(f_compare(v, VarSort::Int, CmpOp::Le, kMaxDateMs));
      }
      if (k.cls == ValueClass::Ip)
        all.push_back(f_or({f_bool(slot_v6_var(key, i)), f_bits_in_range(v, {}, ipv4_max())}));
    }
  }
  return f_and(std::move(all));
}

namespace {

std::optional<FormulaRef> slot_equals(const KeyInfo& k, unsigned slot, const std::string& value) {
  const std::string var = slot_var(k.key, slot);
  if (k.domain) return f_compare(var, VarSort::Int, CmpOp::Eq, std::to_string(k.domain->class_of(value)));
  switch (k.cls) {
    case ValueClass::String:
    case ValueClass::Binary:
    case ValueClass::None: return f_str_eq(var, value);
    case ValueClass::Bool:
      if (value != "true" && value != "false") return std::nullopt;
      return f_str_eq(var, value);
    case ValueClass::Numeric: {
      auto d = parse_decimal(value);
      if (!d) return std::nullopt;
      return f_compare(var, VarSort::Real, CmpOp::Eq, *d);
    }
    case ValueClass::Date: {
      auto d = parse_date_ms(value);
      if (!d || *d < 0) return std::nullopt;
      return f_compare(var, VarSort::Int, CmpOp::Eq, std::to_string(*d));
    }
    case ValueClass::Ip: {
      auto a = parse_ip(value);
      if (!a) return std::nullopt;
      const FormulaRef v6 = f_bool(slot_v6_var(k.key, slot));
      return f_and({a->v6 ? v6 : f_not(v6), f_bits_in_range(var, a->bytes, a->bytes)});
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<FormulaRef> request_equals(const Universe& u, const PolicyRequest& r) {
  const int principal = u.principal_index(r.principal);
  if (principal < 0) return std::nullopt;
  auto dimension = [&](const char* var, const std::string& value) {
    if (const StringDomain* d = domain_of(u, var))
      return f_compare(var, VarSort::Int, CmpOp::Eq, std::to_string(d->class_of(value)));
    return f_str_eq(var, value);
  };
  std::vector<FormulaRef> all = {f_compare(kPrincipalVar, VarSort::Int, CmpOp::Eq, std::to_string(principal)),
                                 dimension(kActionVar, to_lower(r.action)), dimension(kResourceVar, r.resource)};
  std::map<std::string, const ContextValue*> ctx;
  for (const auto& [key, v] : r.context) ctx[to_lower(key)] = &v;
  for (const auto& [key, k] : u.keys) {
    auto it = ctx.find(key);
    const FormulaRef present = f_bool(present_var(key));
    if (it == ctx.end()) {
      all.push_back(f_not(present));
      continue;
    }
    all.push_back(present);
    const auto& values = it->second->values;
    if (k.conflicting) return std::nullopt;
    if (!k.set_valued && values.size() != 1) return std::nullopt;
    if (values.size() > k.slots) return std::nullopt;
    if (k.set_valued)
      all.push_back(f_compare(count_var(key), VarSort::Int, CmpOp::Eq, std::to_string(values.size())));
    if (k.cls == ValueClass::None) continue;
    for (unsigned i = 0; i < values.size(); ++i) {
      auto eq = slot_equals(k, i, values[i]);
      if (!eq) return std::nullopt;
      all.push_back(*eq);
    }
  }
  return f_and(std::move(all));
}

namespace {

std::string slot_value(const KeyInfo& k, unsigned slot, const PolicyModel& m) {
  const std::string* v = m.find(slot_var(k.key, slot));
  if (k.domain) {
    const auto& reps = k.domain->classes.representatives;
    const int c = v ? std::atoi(v->c_str()) : 0;
    return c >= 0 && c < static_cast<int>(reps.size()) ? reps[c] : reps.front();
  }
  switch (k.cls) {
    case ValueClass::Date: return format_date_ms(v ? std::atoll(v->c_str()) : 0);
    case ValueClass::Ip: {
      IpAddress a;
      const std::string* v6 = m.find(slot_v6_var(k.key, slot));
      a.v6 = v6 && *v6 == "true";
      if (v) hex_to_bytes(*v, a.bytes);
      return format_ip(a);
    }
    case ValueClass::Numeric: return v ? *v : "0";
    case ValueClass::Bool: return v ? *v : "true";
    default: return v ? *v : "x";
  }
}

}  // namespace

PolicyRequest request_from_model(const Universe& u, const PolicyModel& m) {
  PolicyRequest r;
  auto get = [&](const char* var, const char* fallback) {
    const std::string* v = m.find(var);
    return v ? *v : std::string(fallback);
  };
  const int principal = std::atoi(get(kPrincipalVar, "0").c_str());
  r.principal = principal >= 0 && principal < static_cast<int>(u.principals.size()) ? u.principals[principal] : "anonymous";
  auto dimension = [&](const char* var, const char* fallback) {
    const StringDomain* d = domain_of(u, var);
    if (!d) return get(var, fallback);
    const int c = std::atoi(get(var, "0").c_str());
    const auto& reps = d->classes.representatives;
    return c >= 0 && c < static_cast<int>(reps.size()) ? reps[c] : std::string(fallback);
  };
  r.action = dimension(kActionVar, "s3:getobject");
  r.resource = dimension(kResourceVar, "arn:aws:s3:::example-bucket/x");
  for (const auto& [key, k] : u.keys) {
    const std::string* present = m.find(present_var(key));
    if (!present || *present != "true") continue;
    ContextValue cv;
    cv.is_list = k.set_valued;
    unsigned n = 1;
    if (k.set_valued) {
      const std::string* c = m.find(count_var(key));
      n = c ? static_cast<unsigned>(std::atoi(c->c_str())) : 0;
    }
    for (unsigned i = 0; i < n; ++i) cv.values.push_back(slot_value(k, i, m));
    r.context[k.as_written] = cv;
  }
  return r;
}

}  // namespace verdict::policy
