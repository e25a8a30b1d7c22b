#include "transform/split_parallel_edges.h"

#include <set>
#include <utility>

#include "support/scc.h"

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

namespace {

/// The index of the first assignment of a conditional value in `body` at or after `from`,
/// or body.size().
std::size_t conditional_assignment(const std::vector<ir::Stmt>& body, std::size_t from) {
  for (std::size_t k = from; k < body.size(); ++k)
    if (body[k].kind == ir::Stmt::Kind::Assign && body[k].term.op() == ir::Op::Ite && !body[k].term.arg(0).is_const())
      return k;
  return body.size();
}

}  // namespace

std::size_t split_conditional_assignments(ir::Program& program, unsigned max_per_edge) {
  std::vector<std::vector<std::size_t>> succ(program.locs.size());
  for (const ir::Edge& e : program.edges) succ[e.from].push_back(e.to);
  const support::SccResult scc = support::strongly_connected_components(succ);
  std::vector<std::size_t> size(program.locs.size(), 0);
  for (ir::LocId l = 0; l < program.locs.size(); ++l) ++size[scc.component[l]];
  std::size_t split = 0;
  const std::size_t n = program.edges.size();
  for (std::size_t i = 0; i < n; ++i) {
    const ir::LocId from = program.edges[i].from, to = program.edges[i].to;
    const bool on_cycle = scc.component[from] == scc.component[to] && (from == to || size[scc.component[from]] > 1);
    if (!on_cycle || is_call_edge(program.edges[i])) continue;
    // Work list of (body, where to look next); each split doubles one body.
    std::vector<std::pair<std::vector<ir::Stmt>, std::size_t>> bodies{{program.edges[i].body, 0}};
    for (unsigned round = 0; round < max_per_edge; ++round) {
      std::vector<std::pair<std::vector<ir::Stmt>, std::size_t>> next;
      for (auto& [body, start] : bodies) {
        const std::size_t k = conditional_assignment(body, start);
        if (k == body.size()) {
          next.emplace_back(std::move(body), k);
          continue;
        }
        ++split;
        const ir::Stmt s = body[k];
        for (const bool taken : {true, false}) {
          std::vector<ir::Stmt> copy(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(k));
          copy.push_back(ir::Stmt::assume(taken ? s.term.arg(0) : ir::mk_not(s.term.arg(0)), s.loc));
          copy.push_back(ir::Stmt::assign(s.var, s.term.arg(taken ? 1 : 2), s.loc));
          copy.insert(copy.end(), body.begin() + static_cast<std::ptrdiff_t>(k) + 1, body.end());
          next.emplace_back(std::move(copy), k + 2);
        }
      }
      bodies = std::move(next);
    }
    program.edges[i].body = std::move(bodies.front().first);
    for (std::size_t b = 1; b < bodies.size(); ++b) program.add_edge(from, to, std::move(bodies[b].first));
  }
  return split;
}

}  // namespace verdict::transform
