// Passes that make the paths through a loop body explicit, so that an analysis over
// location pairs (cut-point segments) can tell them apart. Semantics unchanged.
// Not responsible for choosing cut points.
#pragma once

#include <cstddef>

#include "ir/program.h"

namespace verdict::transform {

/// Gives every edge its own pair of endpoints: where several edges join the same two
/// locations (the two branches of an `if` after edge contraction), each edge but the first
/// ends at a new location with an empty edge on to the old target. Returns how many edges
/// were split.
std::size_t split_parallel_edges(ir::Program& program);

/// On edges inside a loop, an assignment of a conditional value (`v := c ? a : b`, as C's
/// `flag = (x < y)` or `m = a > b ? a : b` is translated) becomes two edges, one assuming
/// c and assigning a, one assuming !c and assigning b: a hidden branch made a path. At
/// most `max_per_edge` assignments per edge are split (2^max copies). Run before
/// split_parallel_edges. Returns how many assignments were split.
std::size_t split_conditional_assignments(ir::Program& program, unsigned max_per_edge = 2);

}  // namespace verdict::transform
