#include "ir/op_info.h"

#include <array>

#include "support/invariant.h"

namespace verdict::ir {

namespace {

std::uint64_t add(std::uint64_t a, std::uint64_t b, unsigned w) { return (a + b) & mask(w); }
std::uint64_t sub(std::uint64_t a, std::uint64_t b, unsigned w) { return (a - b) & mask(w); }
std::uint64_t mul(std::uint64_t a, std::uint64_t b, unsigned w) { return (a * b) & mask(w); }
std::uint64_t udiv(std::uint64_t a, std::uint64_t b, unsigned w) { return b == 0 ? mask(w) : a / b; }
std::uint64_t urem(std::uint64_t a, std::uint64_t b, unsigned) { return b == 0 ? a : a % b; }
std::uint64_t sdiv(std::uint64_t a, std::uint64_t b, unsigned w) {
  const std::int64_t sa = to_signed(a, w), sb = to_signed(b, w);
  if (sb == 0) return sa < 0 ? 1 : mask(w);  // SMT-LIB: bvsdiv by zero
  if (sb == -1) return (0 - a) & mask(w);     // avoids INT64_MIN / -1 on the host
  return static_cast<std::uint64_t>(sa / sb) & mask(w);
}
std::uint64_t srem(std::uint64_t a, std::uint64_t b, unsigned w) {
  const std::int64_t sa = to_signed(a, w), sb = to_signed(b, w);
  if (sb == 0) return a;
  if (sb == -1) return 0;
  return static_cast<std::uint64_t>(sa % sb) & mask(w);
}
std::uint64_t shl(std::uint64_t a, std::uint64_t b, unsigned w) { return b >= w ? 0 : (a << b) & mask(w); }
std::uint64_t lshr(std::uint64_t a, std::uint64_t b, unsigned w) { return b >= w ? 0 : a >> b; }
std::uint64_t ashr(std::uint64_t a, std::uint64_t b, unsigned w) {
  const std::int64_t sa = to_signed(a, w);
  if (b >= w) return sa < 0 ? mask(w) : 0;
  return static_cast<std::uint64_t>(sa >> b) & mask(w);
}
std::uint64_t band(std::uint64_t a, std::uint64_t b, unsigned) { return a & b; }
std::uint64_t bor(std::uint64_t a, std::uint64_t b, unsigned) { return a | b; }
std::uint64_t bxor(std::uint64_t a, std::uint64_t b, unsigned) { return a ^ b; }
std::uint64_t ult(std::uint64_t a, std::uint64_t b, unsigned) { return a < b ? 1 : 0; }
std::uint64_t ule(std::uint64_t a, std::uint64_t b, unsigned) { return a <= b ? 1 : 0; }
std::uint64_t slt(std::uint64_t a, std::uint64_t b, unsigned w) { return to_signed(a, w) < to_signed(b, w) ? 1 : 0; }
std::uint64_t sle(std::uint64_t a, std::uint64_t b, unsigned w) { return to_signed(a, w) <= to_signed(b, w) ? 1 : 0; }

using O = Operands;
using R = ResultSort;
using N = Notation;

// In the order of enum class Op (checked below).
constexpr std::array kTable = {
    OpInfo{Op::BoolConst, "bool", "", 0, 0, O::None, R::Special, N::Leaf, nullptr},
    OpInfo{Op::BvConst, "bv", "", 0, 0, O::None, R::Special, N::Leaf, nullptr},
    OpInfo{Op::IntConst, "int", "", 0, 0, O::None, R::Special, N::Leaf, nullptr},
    OpInfo{Op::Var, "var", "", 0, 0, O::None, R::Special, N::Leaf, nullptr},
    OpInfo{Op::Not, "not", "!", 1, 0, O::Bool, R::Bool, N::Prefix, nullptr},
    OpInfo{Op::And, "and", "and", 2, 0, O::Bool, R::Bool, N::Infix, nullptr},
    OpInfo{Op::Or, "or", "or", 2, 0, O::Bool, R::Bool, N::Infix, nullptr},
    OpInfo{Op::Implies, "=>", "=>", 2, 0, O::Bool, R::Bool, N::Infix, nullptr},
    OpInfo{Op::Ite, "ite", "", 3, 0, O::Special, R::Special, N::Special, nullptr},
    OpInfo{Op::Eq, "==", "==", 2, 0, O::Any, R::Bool, N::Infix, nullptr},
    OpInfo{Op::Add, "+", "+", 2, 0, O::Numeric, R::Operand, N::Infix, add},
    OpInfo{Op::Sub, "-", "-", 2, 0, O::Numeric, R::Operand, N::Infix, sub},
    OpInfo{Op::Mul, "*", "*", 2, 0, O::Numeric, R::Operand, N::Infix, mul},
    OpInfo{Op::Neg, "neg", "-", 1, 0, O::Numeric, R::Operand, N::Prefix, nullptr},
    OpInfo{Op::UDiv, "/u", "/u", 2, 0, O::BitVec, R::Operand, N::Infix, udiv},
    OpInfo{Op::URem, "%u", "%u", 2, 0, O::BitVec, R::Operand, N::Infix, urem},
    OpInfo{Op::SDiv, "/s", "/s", 2, 0, O::BitVec, R::Operand, N::Infix, sdiv},
    OpInfo{Op::SRem, "%s", "%s", 2, 0, O::BitVec, R::Operand, N::Infix, srem},
    OpInfo{Op::Shl, "<<", "<<", 2, 0, O::BitVec, R::Operand, N::Infix, shl},
    OpInfo{Op::LShr, ">>u", ">>u", 2, 0, O::BitVec, R::Operand, N::Infix, lshr},
    OpInfo{Op::AShr, ">>s", ">>s", 2, 0, O::BitVec, R::Operand, N::Infix, ashr},
    OpInfo{Op::BvAnd, "&", "&", 2, 0, O::BitVec, R::Operand, N::Infix, band},
    OpInfo{Op::BvOr, "|", "|", 2, 0, O::BitVec, R::Operand, N::Infix, bor},
    OpInfo{Op::BvXor, "^", "^", 2, 0, O::BitVec, R::Operand, N::Infix, bxor},
    OpInfo{Op::BvNot, "~", "~", 1, 0, O::BitVec, R::Operand, N::Prefix, nullptr},
    OpInfo{Op::Ult, "<u", "<u", 2, 0, O::BitVec, R::Bool, N::Infix, ult},
    OpInfo{Op::Ule, "<=u", "<=u", 2, 0, O::BitVec, R::Bool, N::Infix, ule},
    OpInfo{Op::Slt, "<s", "<s", 2, 0, O::BitVec, R::Bool, N::Infix, slt},
    OpInfo{Op::Sle, "<=s", "<=s", 2, 0, O::BitVec, R::Bool, N::Infix, sle},
    OpInfo{Op::Extract, "extract", "", 1, 2, O::Special, R::Special, N::Special, nullptr},
    OpInfo{Op::ZeroExt, "zext", "", 1, 1, O::Special, R::Special, N::Special, nullptr},
    OpInfo{Op::SignExt, "sext", "", 1, 1, O::Special, R::Special, N::Special, nullptr},
    OpInfo{Op::Concat, "concat", "", 2, 0, O::Special, R::Special, N::Special, nullptr},
    OpInfo{Op::IntFloorDiv, "//", "//", 2, 0, O::Int, R::Operand, N::Infix, nullptr},
    OpInfo{Op::IntFloorMod, "%", "%", 2, 0, O::Int, R::Operand, N::Infix, nullptr},
    OpInfo{Op::Lt, "<", "<", 2, 0, O::Int, R::Bool, N::Infix, nullptr},
    OpInfo{Op::Le, "<=", "<=", 2, 0, O::Int, R::Bool, N::Infix, nullptr},
    OpInfo{Op::Select, "select", "", 2, 0, O::Special, R::Special, N::Special, nullptr},
    OpInfo{Op::Store, "store", "", 3, 0, O::Special, R::Special, N::Special, nullptr},
    OpInfo{Op::ConstArray, "const-array", "", 1, 0, O::Special, R::Special, N::Special, nullptr},
};

constexpr bool rows_in_order() {
  for (std::size_t i = 0; i < kTable.size(); ++i)
    if (static_cast<std::size_t>(kTable[i].op) != i) return false;
  return true;
}
static_assert(rows_in_order(), "kTable's rows must follow enum class Op");
static_assert(static_cast<std::size_t>(Op::ConstArray) + 1 == kTable.size(), "every Op needs a row in kTable");

}  // namespace

const OpInfo& op_info(Op op) {
  const auto i = static_cast<std::size_t>(op);
  VERDICT_INVARIANT(i < kTable.size(), "unknown operator");
  return kTable[i];
}

std::size_t op_count() { return kTable.size(); }

}  // namespace verdict::ir
