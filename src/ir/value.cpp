#include "ir/value.h"

#include "ir/term.h"

namespace verdict::ir {

Value Value::of_bv(unsigned width, std::uint64_t v) {
  return Value{Sort::bitvec(width), v & mask(width), 0, nullptr};
}

Value Value::of_array(const Sort& sort, ArrayValue contents) {
  return Value{sort, 0, 0, std::make_shared<const ArrayValue>(std::move(contents))};
}

std::string Value::str(bool is_signed) const {
  switch (sort.kind()) {
    case Sort::Kind::Bool: return bits ? "true" : "false";
    case Sort::Kind::Int: return std::to_string(ivalue);
    case Sort::Kind::BitVec:
      return is_signed ? std::to_string(to_signed(bits, sort.width())) : std::to_string(bits);
    case Sort::Kind::Array: {
      std::string s = "{";
      if (array) {
        for (const auto& [k, v] : array->entries) s += std::to_string(k) + ": " + std::to_string(v) + ", ";
        s += "*: " + std::to_string(array->default_bits);
      }
      return s + "}";
    }
  }
  return "?";
}

bool Value::operator==(const Value& other) const {
  if (sort != other.sort) return false;
  if (sort.is_array()) {
    if (!array || !other.array) return array == other.array;
    return array->entries == other.array->entries && array->default_bits == other.array->default_bits;
  }
  return bits == other.bits && ivalue == other.ivalue;
}

}  // namespace verdict::ir
