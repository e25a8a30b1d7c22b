// Strongly connected components of a directed graph given by adjacency lists over the
// nodes 0..n-1 (iterative Tarjan). Not responsible for what the nodes mean.
#pragma once

#include <cstddef>
#include <vector>

namespace verdict::support {

struct SccResult {
  std::vector<std::size_t> component;  ///< per node: its component's index
  std::size_t count = 0;               ///< number of components
};

/// Components of the graph with `successors[v]` the targets of v's edges.
SccResult strongly_connected_components(const std::vector<std::vector<std::size_t>>& successors);

}  // namespace verdict::support
