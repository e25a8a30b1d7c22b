// Linear feasibility over the rationals (Z3's simplex): a small problem given as rows of
// integer coefficients, answered with a rational solution. For synthesis problems whose
// integer solutions are scaled rational ones (ranking functions), where integer
// branch-and-bound would be slow and hard to interrupt. Not responsible for building the
// rows.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "support/deadline.h"

namespace verdict::smt {

struct LinearRow {
  enum class Kind { GreaterEq, Greater, LessEq };
  std::vector<std::pair<std::size_t, std::int64_t>> terms;  ///< unknown index, coefficient
  Kind kind = Kind::GreaterEq;
  std::int64_t bound = 0;                                   ///< sum terms (kind) bound
};

struct Rational {
  std::int64_t num = 0;
  std::int64_t den = 1;
};

/// A rational solution of `rows` over `unknowns` variables, or nullopt when infeasible,
/// when the deadline passes, or when a value does not fit 64-bit numerator/denominator.
std::optional<std::vector<Rational>> solve_rational(std::size_t unknowns, const std::vector<LinearRow>& rows,
                                                    const support::Deadline& deadline);

/// An integer solution of `rows` that minimises the weighted sum of the unknowns'
/// magnitudes (sum weights[i] * |x_i|): among the many solutions of a synthesis problem,
/// the simplest. Nullopt when infeasible or when the deadline passes first.
std::optional<std::vector<std::int64_t>> solve_integer_minimal(std::size_t unknowns,
                                                               const std::vector<LinearRow>& rows,
                                                               const std::vector<std::int64_t>& weights,
                                                               const support::Deadline& deadline);

}  // namespace verdict::smt
