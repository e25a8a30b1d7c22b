#include "engines/termination/recursion_ranking.h"

#include <set>

#include "transform/recursion_obligations.h"
#include "smt/solver.h"
#include "support/scc.h"

namespace verdict::engines::termination {

using ir::Op;
using ir::Term;

namespace {

/// Candidate shapes over parameter positions: +-p_i, then +-p_i +-p_j, then three terms.
std::vector<std::vector<std::pair<std::size_t, std::int64_t>>> shapes(std::size_t arity) {
  std::vector<std::vector<std::pair<std::size_t, std::int64_t>>> out;
  for (std::size_t i = 0; i < arity; ++i)
    for (std::int64_t s : {1, -1}) out.push_back({{i, s}});
  for (std::size_t i = 0; i < arity; ++i)
    for (std::size_t j = i + 1; j < arity; ++j)
      for (std::int64_t s : {1, -1})
        for (std::int64_t t : {1, -1}) out.push_back({{i, s}, {j, t}});
  for (std::size_t i = 0; i < arity; ++i)
    for (std::size_t j = i + 1; j < arity; ++j)
      for (std::size_t k = j + 1; k < arity; ++k)
        for (std::int64_t s : {1, -1})
          for (std::int64_t t : {1, -1})
            for (std::int64_t u : {1, -1}) out.push_back({{i, s}, {j, t}, {k, u}});
  return out;
}

/// Whether `functions` decreases on every recursive call (Z3; unknown counts as no).
bool decreases(const ir::Program& p, const std::map<std::uint32_t, ir::LinearFunction>& functions,
               const std::map<ir::LocId, Term>& invariants, const support::Deadline& deadline) {
  auto solver = smt::make_z3_solver();
  std::set<std::uint32_t> callers;
  for (const auto& [k, f] : functions) callers.insert(k);
  for (const auto& [name, formula] : transform::recursion_obligations(p, functions, invariants, callers)) {
    solver->push();
    solver->add(formula);
    const smt::SatResult r = solver->check({}, deadline);
    solver->pop();
    if (r != smt::SatResult::Unsat) return false;
  }
  return true;
}

}  // namespace

std::optional<std::map<std::uint32_t, ir::LinearFunction>> rank_recursion(
    const ir::Program& p, const transform::CutPointSystem& sys, const std::map<ir::LocId, Term>& invariants,
    const support::Deadline& deadline, std::string& reason) {
  const std::vector<int> owner = transform::procedure_of_locations(p);
  const std::size_t n = p.procedures.size();
  std::vector<std::vector<std::size_t>> succ(n);
  for (const transform::CallSegment& c : sys.calls)
    if (owner[c.from] >= 0) succ[static_cast<std::size_t>(owner[c.from])].push_back(c.callee);
  const support::SccResult scc = support::strongly_connected_components(succ);
  std::set<std::size_t> recursive;
  for (const transform::CallSegment& c : sys.calls)
    if (owner[c.from] >= 0 && scc.component[static_cast<std::size_t>(owner[c.from])] == scc.component[c.callee])
      recursive.insert(scc.component[c.callee]);
  std::map<std::uint32_t, ir::LinearFunction> out;
  for (std::size_t component : recursive) {
    std::vector<std::uint32_t> members;
    std::size_t arity = SIZE_MAX;
    for (std::uint32_t k = 0; k < n; ++k) {
      if (scc.component[k] != component) continue;
      members.push_back(k);
      arity = std::min(arity, p.procedures[k].params.size());
    }
    bool found = false;
    for (const auto& shape : shapes(arity)) {
      if (deadline.expired()) break;
      std::map<std::uint32_t, ir::LinearFunction> candidate;
      for (std::uint32_t k : members)
        for (const auto& [pos, c] : shape) candidate[k].terms.push_back({p.procedures[k].params[pos], c});
      if (decreases(p, candidate, invariants, deadline)) {
        out.insert(candidate.begin(), candidate.end());
        found = true;
        break;
      }
    }
    if (!found) {
      reason = "no ranking function of the shapes +-p, +-p +-q or +-p +-q +-r over the parameters of " +
               p.procedures[members.front()].name + " decreases on every recursive call";
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace verdict::engines::termination
