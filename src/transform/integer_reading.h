// Pass: the integer reading of a C program, for termination proofs that must hold both
// in C and over unbounded integers. Every bit-vector variable becomes a mathematical
// integer holding the value its type reads; signed arithmetic is unbounded (no
// wrap-around), unsigned arithmetic wraps as C defines it (transform/integer_terms,
// Wrap::UnsignedOnly); inputs take values of their type's range. Signed-overflow checks
// are dropped (nothing overflows), the other undefined behaviour (division by zero, bad
// shifts) becomes assumptions and incomplete checks stay. Its executions therefore
// include every C execution without undefined behaviour (with the same values) and every
// execution over unbounded integers. Not responsible for proving anything, nor for
// re-checking a proof in C (a proof found here is re-checked on the bit-vector program).
#pragma once

#include <optional>

#include "ir/program.h"

namespace verdict::transform {

/// The integer reading of `program` (a termination proof view: assertions already
/// assumptions), or nullopt when some operation has no integer encoding (bitwise
/// operations, shifts, division by a variable, arrays, 64-bit unsigned values).
std::optional<ir::Program> integer_reading(const ir::Program& program);

}  // namespace verdict::transform
