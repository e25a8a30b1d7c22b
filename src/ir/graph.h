// Graph walks over a program's control-flow automaton, shared by every pass and engine
// that needs an order or the cycles of the CFA. Not responsible for dominance or loops'
// bodies (nothing needs them yet).
#pragma once

#include <functional>
#include <set>
#include <vector>

#include "ir/program.h"

namespace verdict::ir {

/// A location predicate; an empty one holds nowhere.
using LocFilter = std::function<bool(LocId)>;

/// The locations reachable from `from` in depth-first post-order, never entering a
/// location (other than `from`) where `stop` holds.
std::vector<LocId> dfs_postorder(const Program& program, LocId from, const LocFilter& stop = {});

/// The targets of back edges (edges to a location on the current DFS stack) of DFSs from
/// `init` and from every procedure's entry that ignore edges into locations where `skip`
/// holds. Empty exactly when no cycle avoiding those locations is reachable from them.
std::set<LocId> back_edge_targets(const Program& program, const LocFilter& skip = {});

}  // namespace verdict::ir
