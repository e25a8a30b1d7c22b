// Concrete semantics of bit-vector operators on values of up to 64 bits: the single
// definition used by constant folding and by the interpreter. Not responsible for
// undefined-behaviour checks (the frontends emit those as explicit properties).
#pragma once

#include <cstdint>
#include <optional>

#include "ir/term.h"

namespace verdict::ir {

/// Result of a binary bit-vector operator `op` on width-bit operands (zero-extended),
/// following SMT-LIB (x/0 = all ones, x%0 = x, shifts >= width give 0 or sign fill).
/// Comparisons return 0 or 1. Empty if `op` is not a binary bit-vector operator.
std::optional<std::uint64_t> eval_bv_binary(Op op, std::uint64_t a, std::uint64_t b, unsigned width);

/// Floor division and modulo on integers (Python semantics); b != 0.
std::int64_t floor_div(std::int64_t a, std::int64_t b);
std::int64_t floor_mod(std::int64_t a, std::int64_t b);

}  // namespace verdict::ir
