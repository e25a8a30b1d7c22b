// Sorts (types) of IR terms: booleans, bit-vectors of any width, mathematical integers,
// and arrays. Not responsible for C or Python types; frontends map theirs onto these.
#pragma once

#include <memory>
#include <string>

namespace verdict::ir {

class Sort {
 public:
  enum class Kind { Bool, BitVec, Int, Array };

  static Sort boolean() { return Sort(Kind::Bool, 0); }
  static Sort bitvec(unsigned width) { return Sort(Kind::BitVec, width); }
  static Sort integer() { return Sort(Kind::Int, 0); }
  static Sort array(const Sort& index, const Sort& element);

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool is_bool() const { return kind_ == Kind::Bool; }
  [[nodiscard]] bool is_bv() const { return kind_ == Kind::BitVec; }
  [[nodiscard]] bool is_int() const { return kind_ == Kind::Int; }
  [[nodiscard]] bool is_array() const { return kind_ == Kind::Array; }
  /// Bit-vector width; 0 for other sorts.
  [[nodiscard]] unsigned width() const { return width_; }
  [[nodiscard]] const Sort& index() const { return *index_; }
  [[nodiscard]] const Sort& element() const { return *element_; }

  bool operator==(const Sort& other) const;
  bool operator!=(const Sort& other) const { return !(*this == other); }
  /// "bool", "bv32", "int", "array(bv64 -> bv8)".
  [[nodiscard]] std::string str() const;

 private:
  Sort(Kind kind, unsigned width) : kind_(kind), width_(width) {}
  Kind kind_;
  unsigned width_;
  std::shared_ptr<const Sort> index_, element_;
};

}  // namespace verdict::ir
