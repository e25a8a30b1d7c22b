#include "ir/graph.h"

namespace verdict::ir {

namespace {

enum class Color { White, Grey, Black };

/// Iterative DFS; `on_edge(to, color_of_to)` says whether to descend into a white `to`,
/// `on_finish(loc)` runs when a location's successors are done.
template <typename OnEdge, typename OnFinish>
void dfs(const Program& p, LocId from, OnEdge on_edge, OnFinish on_finish) {
  std::vector<Color> color(p.locs.size(), Color::White);
  std::vector<std::pair<LocId, std::size_t>> stack{{from, 0}};
  color[from] = Color::Grey;
  while (!stack.empty()) {
    auto& [loc, next] = stack.back();
    const auto& out = p.outgoing(loc);
    if (next == out.size()) {
      color[loc] = Color::Black;
      on_finish(loc);
      stack.pop_back();
      continue;
    }
    const LocId to = p.edges[out[next++]].to;
    if (!on_edge(to, color[to]) || color[to] != Color::White) continue;
    color[to] = Color::Grey;
    stack.emplace_back(to, 0);
  }
}

}  // namespace

std::vector<LocId> dfs_postorder(const Program& program, LocId from, const LocFilter& stop) {
  std::vector<LocId> post;
  dfs(
      program, from, [&](LocId to, Color) { return !(stop && stop(to)); },
      [&](LocId loc) { post.push_back(loc); });
  return post;
}

std::set<LocId> back_edge_targets(const Program& program, const LocFilter& skip) {
  std::set<LocId> targets;
  std::vector<LocId> roots{program.init};
  for (const Procedure& proc : program.procedures) roots.push_back(proc.entry);
  for (LocId root : roots)
    dfs(
        program, root,
        [&](LocId to, Color c) {
          if (skip && skip(to)) return false;
          if (c == Color::Grey) targets.insert(to);
          return true;
        },
        [](LocId) {});
  return targets;
}

}  // namespace verdict::ir
