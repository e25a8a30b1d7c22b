#include "support/scc.h"

#include <algorithm>
#include <limits>

namespace verdict::support {

SccResult strongly_connected_components(const std::vector<std::vector<std::size_t>>& successors) {
  const std::size_t n = successors.size();
  constexpr std::size_t kUnvisited = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> index(n, kUnvisited), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::size_t> stack;
  SccResult out;
  out.component.assign(n, 0);
  std::size_t next_index = 0;
  // Each frame: node and the position of the next successor to visit.
  std::vector<std::pair<std::size_t, std::size_t>> frames;
  for (std::size_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    frames.push_back({root, 0});
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      auto& [v, pos] = frames.back();
      if (pos < successors[v].size()) {
        const std::size_t w = successors[v][pos++];
        if (index[w] == kUnvisited) {
          index[w] = low[w] = next_index++;
          stack.push_back(w);
          on_stack[w] = true;
          frames.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      const std::size_t done = v;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[done]);
      if (low[done] != index[done]) continue;
      for (;;) {
        const std::size_t w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        out.component[w] = out.count;
        if (w == done) break;
      }
      ++out.count;
    }
  }
  return out;
}

}  // namespace verdict::support
