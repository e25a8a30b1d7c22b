// Interval abstract interpretation over a program's CFA: a forward fixpoint in the
// bit-precise interval domain (widening at cut points, then narrowing passes), giving per
// cut point an invariant over its live variables such as `0 <=s i && i <=s 10`. Branch
// conditions refine ranges, also through boolean temporaries defined on the same path.
// Not responsible for proving properties (engines use the invariants as strengthening;
// certificates are re-checked independently).
#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "ir/program.h"
#include "support/deadline.h"
#include "verdict/options.h"

namespace verdict::engines::invariants {

struct IntervalResult {
  /// Invariant per cut point (absent: true); `false` for cut points found unreachable.
  std::map<ir::LocId, ir::Term> invariants;
  std::size_t edge_visits = 0;
  bool completed = false;  ///< false when the deadline or the work limit stopped it
};

/// Runs the analysis; `cut_points` get widening and invariants. `live` (per location,
/// per variable) restricts which variables appear in the invariants; empty means all.
/// A modular program (with procedures) gets no invariants (`completed` is false).
/// `limits` bounds the work (its `interval_*` fields).
IntervalResult interval_invariants(const ir::Program& program, const std::vector<ir::LocId>& cut_points,
                                   const std::vector<std::vector<bool>>& live,
                                   const support::Deadline& deadline, const EngineLimits& limits = {});

}  // namespace verdict::engines::invariants
