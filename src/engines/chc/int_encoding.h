// An exact integer encoding of bit-vector Horn clauses, for Spacer's much stronger
// linear integer arithmetic: every bit-vector variable becomes an integer holding its
// signed or unsigned value (by its C type), constrained to its type's range wherever it
// is introduced, and every operator is encoded with its wrap-around made explicit
// (transform/integer_terms), so the integer clauses have a solution iff the bit-vector
// ones do. Operators without an exact encoding (bitwise, shifts, division by a variable,
// arrays) make the encoding unavailable. A second, inexact mode drops the wrap-around to
// find candidates quickly. Solutions are translated back to bit-vector invariants over
// 64-bit extensions; those are re-checked like any other certificate. Not responsible for
// solving.
#pragma once

#include <functional>
#include <optional>

#include "smt/chc.h"
#include "transform/integer_terms.h"

namespace verdict::engines::chc {

using transform::SignedView;

/// The integer version of `bv`, or nullopt when some operator has no encoding. Exact:
/// solutions correspond to the bit-vector clauses' both ways. Not exact: addition,
/// subtraction, negation and multiplication are mathematical (no wrap-around), which
/// Spacer solves far faster; its solutions are only candidates (they hold over bit-vectors
/// where no value wraps) and its "unsat" proves nothing.
std::optional<smt::HornSystem> integer_horn(const smt::HornSystem& bv, const SignedView& is_signed, bool exact = true);

/// `inv` (over the integer versions of `params`) as a bit-vector term over `params`;
/// nullopt when it uses operators or constants that cannot be translated.
std::optional<ir::Term> bitvector_invariant(const ir::Term& inv, const std::vector<ir::Term>& params,
                                            const SignedView& is_signed);

}  // namespace verdict::engines::chc
