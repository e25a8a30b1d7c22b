#include "ir/semantics.h"

#include "ir/op_info.h"

namespace verdict::ir {

std::optional<std::uint64_t> eval_bv_binary(Op op, std::uint64_t a, std::uint64_t b, unsigned w) {
  const OpInfo& info = op_info(op);
  if (info.eval_bv == nullptr) return std::nullopt;
  return info.eval_bv(a & mask(w), b & mask(w), w);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

}  // namespace verdict::ir
