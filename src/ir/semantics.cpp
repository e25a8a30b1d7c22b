#include "ir/semantics.h"

namespace verdict::ir {

namespace {
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
std::uint64_t ashr(std::uint64_t a, std::uint64_t b, unsigned w) {
  const std::int64_t sa = to_signed(a, w);
  if (b >= w) return sa < 0 ? mask(w) : 0;
  return static_cast<std::uint64_t>(sa >> b) & mask(w);
}
}  // namespace

std::optional<std::uint64_t> eval_bv_binary(Op op, std::uint64_t a, std::uint64_t b, unsigned w) {
  const std::uint64_t m = mask(w);
  a &= m;
  b &= m;
  switch (op) {
    case Op::Add: return (a + b) & m;
    case Op::Sub: return (a - b) & m;
    case Op::Mul: return (a * b) & m;
    case Op::UDiv: return b == 0 ? m : a / b;
    case Op::URem: return b == 0 ? a : a % b;
    case Op::SDiv: return sdiv(a, b, w);
    case Op::SRem: return srem(a, b, w);
    case Op::Shl: return b >= w ? 0 : (a << b) & m;
    case Op::LShr: return b >= w ? 0 : a >> b;
    case Op::AShr: return ashr(a, b, w);
    case Op::BvAnd: return a & b;
    case Op::BvOr: return a | b;
    case Op::BvXor: return a ^ b;
    case Op::Ult: return a < b ? 1 : 0;
    case Op::Ule: return a <= b ? 1 : 0;
    case Op::Slt: return to_signed(a, w) < to_signed(b, w) ? 1 : 0;
    case Op::Sle: return to_signed(a, w) <= to_signed(b, w) ? 1 : 0;
    default: return std::nullopt;
  }
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

}  // namespace verdict::ir
