// Pass: gives every edge its own pair of endpoints. Where several edges join the same two
// locations (the two branches of an `if` after edge contraction), each edge but the first
// ends at a new location with an empty edge on to the old target, so that an analysis
// over location pairs (cut-point segments) can tell the paths apart. Semantics unchanged.
// Not responsible for choosing cut points.
#pragma once

#include <cstddef>

#include "ir/program.h"

namespace verdict::transform {

/// Splits parallel edges of `program`; returns how many edges were split.
std::size_t split_parallel_edges(ir::Program& program);

}  // namespace verdict::transform
