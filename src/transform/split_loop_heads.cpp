#include "transform/split_loop_heads.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "support/scc.h"
#include "transform/term_rewrite.h"

namespace verdict::transform {

namespace {

/// Loops with more locations are left alone (each split doubles the loop).
constexpr std::size_t kMaxLoopLocations = 256;

support::SccResult components(const ir::Program& program) {
  std::vector<std::vector<std::size_t>> succ(program.locs.size());
  for (const ir::Edge& e : program.edges) succ[e.from].push_back(e.to);
  return support::strongly_connected_components(succ);
}

/// The atoms of a conjunction of literals, each with its polarity (true: positive).
void literals(const ir::Term& t, bool positive, std::vector<std::pair<ir::Term, bool>>& out) {
  if (t.op() == ir::Op::Not) return literals(t.arg(0), !positive, out);
  if (t.op() == ir::Op::And && positive) {
    for (const ir::Term& a : t.args()) literals(a, true, out);
    return;
  }
  out.emplace_back(t, positive);
}

bool assigns(const ir::Stmt& s) {
  return s.kind == ir::Stmt::Kind::Assign || s.kind == ir::Stmt::Kind::Havoc || s.kind == ir::Stmt::Kind::Call;
}

/// The variables a statement sets.
void assigned_by(const ir::Stmt& s, std::set<ir::VarId>& out) {
  if (s.kind == ir::Stmt::Kind::Assign || s.kind == ir::Stmt::Kind::Havoc) out.insert(s.var);
  if (s.kind == ir::Stmt::Kind::Call) out.insert(s.outs.begin(), s.outs.end());
}

/// The split of the loop at `head` (the only loop head of its component), if its body
/// branches on a condition of values fixed for the whole iteration.
std::optional<LoopSplit> split_for(const ir::Program& program, ir::LocId head, const std::vector<bool>& in_loop) {
  // Variables the body sets other than on the way back to the head: a condition over the
  // others has, anywhere in the body, the value it had at the head.
  std::set<ir::VarId> varying;
  for (const ir::Edge& e : program.edges)
    if (in_loop[e.from] && in_loop[e.to] && e.to != head)
      for (const ir::Stmt& s : e.body) assigned_by(s, varying);
  // Tests nearest the head are mostly the loop's own condition (`while (q > 0 && p > 0)`,
  // whose short-circuit branches both stay in the loop); the body's branches lie deeper:
  // locations in order of their distance from the head, farthest first.
  std::vector<std::size_t> distance(program.locs.size(), SIZE_MAX);
  std::vector<ir::LocId> order{head};
  distance[head] = 0;
  for (std::size_t k = 0; k < order.size(); ++k)
    for (std::size_t i : program.outgoing(order[k])) {
      const ir::LocId to = program.edges[i].to;
      if (!in_loop[to] || distance[to] != SIZE_MAX) continue;
      distance[to] = distance[order[k]] + 1;
      order.push_back(to);
    }
  std::reverse(order.begin(), order.end());
  for (ir::LocId u : order) {
    // Per condition tested first on an edge from u that stays in the loop: the outcomes seen.
    std::vector<std::pair<ir::Term, std::pair<bool, bool>>> seen;
    std::map<ir::TermId, SourceLocation> where;
    for (std::size_t i : program.outgoing(u)) {
      const ir::Edge& e = program.edges[i];
      if (!in_loop[e.to]) continue;
      for (const ir::Stmt& s : e.body) {
        if (assigns(s)) break;  // later tests may read the new values
        if (s.kind != ir::Stmt::Kind::Assume) continue;
        std::vector<std::pair<ir::Term, bool>> lits;
        literals(s.term, true, lits);
        for (const auto& [atom, positive] : lits) {
          if (atom.is_const()) continue;
          std::set<ir::VarId> vars;
          collect_vars(atom, vars);
          bool fixed = !vars.empty();
          for (ir::VarId v : vars) fixed = fixed && !varying.count(v);
          if (!fixed) continue;
          auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& p) { return p.first.same(atom); });
          if (it == seen.end()) {
            seen.push_back({atom, {false, false}});
            it = seen.end() - 1;
          }
          (positive ? it->second.first : it->second.second) = true;
          where.emplace(atom.id(), s.loc);
        }
      }
    }
    for (const auto& [atom, outcomes] : seen)
      if (outcomes.first && outcomes.second) return LoopSplit{head, atom, where.at(atom.id())};
  }
  return std::nullopt;
}

}  // namespace

std::vector<LoopSplit> choose_loop_splits(const ir::Program& program) {
  std::vector<LoopSplit> out;
  if (!program.procedures.empty()) return out;
  const support::SccResult scc = components(program);
  std::vector<std::size_t> heads(scc.count, 0), size(scc.count, 0);
  for (ir::LocId l = 0; l < program.locs.size(); ++l) {
    ++size[scc.component[l]];
    if (program.locs[l].loop_head) ++heads[scc.component[l]];
  }
  for (ir::LocId head = 0; head < program.locs.size(); ++head) {
    const std::size_t c = scc.component[head];
    if (!program.locs[head].loop_head || heads[c] != 1 || size[c] > kMaxLoopLocations) continue;
    std::vector<bool> in_loop(program.locs.size());
    for (ir::LocId l = 0; l < program.locs.size(); ++l) in_loop[l] = scc.component[l] == c;
    if (auto split = split_for(program, head, in_loop)) out.push_back(std::move(*split));
  }
  return out;
}

std::vector<ir::LocId> split_loop_heads(ir::Program& program, const std::vector<LoopSplit>& splits) {
  std::vector<ir::LocId> copies;
  for (const LoopSplit& split : splits) {
    const support::SccResult scc = components(program);
    const std::size_t c = scc.component[split.head];
    const std::size_t num_locs = program.locs.size();
    // The copy entered when the condition is false at the head.
    std::vector<ir::LocId> copy(num_locs, 0);
    std::vector<bool> in_loop(num_locs, false);
    for (ir::LocId l = 0; l < num_locs; ++l) {
      if (scc.component[l] != c) continue;
      in_loop[l] = true;
      copy[l] = program.add_loc(program.locs[l].name + ".else", program.locs[l].loc);
      program.locs[copy[l]].loop_head = program.locs[l].loop_head;
    }
    const ir::Stmt holds = ir::Stmt::assume(split.condition, split.where);
    const ir::Stmt fails = ir::Stmt::assume(ir::mk_not(split.condition), split.where);
    const std::size_t num_edges = program.edges.size();
    for (std::size_t i = 0; i < num_edges; ++i) {
      const ir::Edge e = program.edges[i];  // a copy: add_edge may move the edges
      if (e.to == split.head) {
        // Every edge into the head enters the copy its condition's value chooses.
        std::vector<ir::Stmt> when_true = e.body, when_false = e.body;
        when_true.push_back(holds);
        when_false.push_back(fails);
        program.edges[i].body = when_true;
        program.add_edge(e.from, copy[split.head], when_false);
        if (in_loop[e.from]) {
          program.add_edge(copy[e.from], split.head, when_true);
          program.add_edge(copy[e.from], copy[split.head], when_false);
        }
      } else if (in_loop[e.from]) {
        program.add_edge(copy[e.from], in_loop[e.to] ? copy[e.to] : e.to, e.body);
      }
    }
    copies.push_back(copy[split.head]);
  }
  return copies;
}

std::string describe_splits(const ir::Program& program, const std::vector<LoopSplit>& splits) {
  std::string out;
  for (const LoopSplit& s : splits) {
    if (!out.empty()) out += "; ";
    out += "the loop at " + ir::location_label(program, s.head) + " split by the condition at " +
           (s.where.known() ? "line " + std::to_string(s.where.line) : std::string("its branch"));
  }
  return out;
}

}  // namespace verdict::transform
