// The bit-precise interval domain: a bit-vector value's range seen both as unsigned and
// as signed (two's complement) numbers, with abstract versions of the IR's modular
// operators that go to top whenever a result may wrap ambiguously. Not responsible for
// program states or fixpoints (see interval_analysis.h).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ir/term.h"

namespace verdict::engines::invariants {

using i128 = __int128;

/// A non-empty set of `width`-bit values within [ulo, uhi] (unsigned) and [slo, shi] (signed).
struct BvRange {
  unsigned width = 32;
  i128 ulo = 0, uhi = 0, slo = 0, shi = 0;

  static BvRange top(unsigned width);
  static BvRange constant(unsigned width, std::uint64_t bits);
  /// From an unsigned / signed range (clipped to the width); the other view is derived.
  static std::optional<BvRange> from_unsigned(unsigned width, i128 lo, i128 hi);
  static std::optional<BvRange> from_signed(unsigned width, i128 lo, i128 hi);

  [[nodiscard]] i128 umax() const { return (i128{1} << width) - 1; }
  [[nodiscard]] i128 smin() const { return -(i128{1} << (width - 1)); }
  [[nodiscard]] i128 smax() const { return (i128{1} << (width - 1)) - 1; }
  [[nodiscard]] bool is_top() const { return ulo == 0 && uhi == umax() && slo == smin() && shi == smax(); }
  [[nodiscard]] bool is_constant() const { return ulo == uhi; }
  bool operator==(const BvRange& o) const = default;
};

/// Makes both views consistent; empty when the views contradict each other.
std::optional<BvRange> reduce(BvRange r);
BvRange join(const BvRange& a, const BvRange& b);
std::optional<BvRange> meet(const BvRange& a, const BvRange& b);
/// Jumps every bound that grew from `old` to `next` to the nearest of `thresholds`
/// (sorted; e.g. the program's constants) beyond it, else to the type's extreme.
BvRange widen(const BvRange& old, const BvRange& next, const std::vector<i128>& thresholds = {});

/// Abstract binary / unary operator on ranges; top when not modelled.
BvRange abstract_binary(ir::Op op, const BvRange& a, const BvRange& b);
BvRange abstract_unary(ir::Op op, const BvRange& a);
BvRange abstract_extend(bool is_signed, unsigned amount, const BvRange& a);
BvRange abstract_extract(unsigned hi, unsigned lo, const BvRange& a);

/// Three-valued truth of a comparison: 1 true, 0 false, -1 unknown.
int compare(ir::Op op, const BvRange& a, const BvRange& b);

}  // namespace verdict::engines::invariants
