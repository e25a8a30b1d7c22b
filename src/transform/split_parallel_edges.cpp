#include "transform/split_parallel_edges.h"

#include <set>
#include <utility>

namespace verdict::transform {

std::size_t split_parallel_edges(ir::Program& program) {
  std::set<std::pair<ir::LocId, ir::LocId>> seen;
  std::size_t split = 0;
  const std::size_t n = program.edges.size();
  for (std::size_t i = 0; i < n; ++i) {
    const ir::LocId from = program.edges[i].from, to = program.edges[i].to;
    if (seen.insert({from, to}).second) continue;
    const ir::LocId middle = program.add_loc(program.locs[from].name + ".path" + std::to_string(++split),
                                             program.locs[from].loc);
    program.edges[i].to = middle;
    program.add_edge(middle, to, {});
  }
  return split;
}

}  // namespace verdict::transform
