#include "evidence/value_format.h"

#include <cstdio>

namespace verdict::evidence {

namespace {

bool is_bool_type(const std::string& t) { return t == "_Bool" || t == "bool"; }
bool is_pointer_type(const std::string& t) { return t.find('*') != std::string::npos; }

std::string hex(std::uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

std::string format_value(const ir::Value& value, const ir::Variable& var, const std::string& language) {
  const bool python = language == "Python";
  if (value.sort.is_bool()) return value.as_bool() ? (python ? "True" : "true") : (python ? "False" : "false");
  if (python && value.sort.is_int() && var.type_name == "bool" && (value.ivalue == 0 || value.ivalue == 1))
    return value.ivalue ? "True" : "False";
  if (value.sort.is_bv()) {
    if (is_bool_type(var.type_name)) return value.bits ? "1" : "0";
    if (is_pointer_type(var.type_name)) return hex(value.bits);
  }
  return value.str(var.is_signed);
}

std::string c_literal(const ir::Value& value, bool is_signed, const std::string& c_type) {
  std::string digits;
  if (value.sort.is_bool()) {
    digits = value.as_bool() ? "1" : "0";
  } else if (value.sort.is_int()) {
    digits = value.ivalue == INT64_MIN ? "(-9223372036854775807LL - 1)" : std::to_string(value.ivalue) + "LL";
  } else if (is_signed) {
    const std::int64_t s = ir::to_signed(value.bits, value.sort.width());
    digits = s == INT64_MIN ? "(-9223372036854775807LL - 1)" : "(" + std::to_string(s) + "LL)";
  } else {
    digits = std::to_string(value.bits) + "ULL";
  }
  return "(" + c_type + ")" + digits;
}

}  // namespace verdict::evidence
