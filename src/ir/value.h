// Concrete values of IR sorts, used by the interpreter, by counterexamples and by
// replay. Not responsible for evaluation (see interpreter.h).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "ir/sort.h"

namespace verdict::ir {

/// Contents of an array value: explicit entries over a default (bit-vector elements).
struct ArrayValue {
  std::map<std::uint64_t, std::uint64_t> entries;
  std::uint64_t default_bits = 0;
};

struct Value {
  Sort sort = Sort::boolean();
  std::uint64_t bits = 0;    ///< Bool (0/1) and BitVec (zero-extended)
  std::int64_t ivalue = 0;   ///< Int
  std::shared_ptr<const ArrayValue> array;  ///< Array

  static Value of_bool(bool b) { return Value{Sort::boolean(), b ? 1u : 0u, 0, nullptr}; }
  static Value of_bv(unsigned width, std::uint64_t v);
  static Value of_int(std::int64_t v) { return Value{Sort::integer(), 0, v, nullptr}; }
  static Value of_array(const Sort& sort, ArrayValue contents);

  [[nodiscard]] bool as_bool() const { return bits != 0; }
  /// The value for display: decimal, signed if `is_signed`; arrays as {k: v, ...}.
  [[nodiscard]] std::string str(bool is_signed = false) const;
  bool operator==(const Value& other) const;
};

}  // namespace verdict::ir
