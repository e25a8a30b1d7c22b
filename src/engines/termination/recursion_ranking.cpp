#include "engines/termination/recursion_ranking.h"

#include <algorithm>
#include <cstdint>
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

}  // namespace

bool recursion_decreases(const ir::Program& p, const std::map<std::uint32_t, ir::LinearFunction>& functions,
                         const std::map<ir::LocId, Term>& invariants, const support::Deadline& deadline,
                         const std::map<std::uint32_t, ir::LinearFunction>& next) {
  auto solver = smt::make_z3_solver();
  std::set<std::uint32_t> callers;
  for (const auto& [k, f] : functions) callers.insert(k);
  for (const auto& [name, formula] : transform::recursion_obligations(p, functions, invariants, callers, next)) {
    solver->push();
    solver->add(formula);
    const smt::SatResult r = solver->check({}, deadline);
    solver->pop();
    if (r != smt::SatResult::Unsat) return false;
  }
  return true;
}

std::vector<std::vector<std::uint32_t>> recursive_cycles(const ir::Program& p, const transform::CutPointSystem& sys) {
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
  std::vector<std::vector<std::uint32_t>> out;
  for (std::size_t component : recursive) {
    out.emplace_back();
    for (std::uint32_t k = 0; k < n; ++k)
      if (scc.component[k] == component) out.back().push_back(k);
  }
  return out;
}

std::vector<std::map<std::uint32_t, ir::LinearFunction>> recursion_candidates(const ir::Program& p,
                                                                              const std::vector<std::uint32_t>& cycle) {
  std::size_t arity = SIZE_MAX;
  for (std::uint32_t k : cycle) arity = std::min(arity, p.procedures[k].params.size());
  std::vector<std::map<std::uint32_t, ir::LinearFunction>> out;
  if (cycle.empty()) return out;
  for (const auto& shape : shapes(arity)) {
    std::map<std::uint32_t, ir::LinearFunction> candidate;
    for (std::uint32_t k : cycle)
      for (const auto& [pos, c] : shape) candidate[k].terms.push_back({p.procedures[k].params[pos], c});
    out.push_back(std::move(candidate));
  }
  return out;
}

std::optional<RecursionRanking> rank_recursion(const ir::Program& p, const transform::CutPointSystem& sys,
                                               const std::map<ir::LocId, Term>& invariants,
                                               const support::Deadline& deadline, std::string& reason) {
  RecursionRanking out;
  for (const std::vector<std::uint32_t>& members : recursive_cycles(p, sys)) {
    const auto candidates = recursion_candidates(p, members);
    bool found = false;
    for (const auto& candidate : candidates) {
      if (deadline.expired()) break;
      if (recursion_decreases(p, candidate, invariants, deadline)) {
        out.first.insert(candidate.begin(), candidate.end());
        found = true;
        break;
      }
    }
    // Lexicographic pairs of the single-parameter candidates (the first ones of the list).
    std::size_t singles = 0;
    while (singles < candidates.size() && candidates[singles].begin()->second.terms.size() == 1) ++singles;
    for (std::size_t i = 0; i < singles && !found; ++i)
      for (std::size_t j = 0; j < singles && !found; ++j) {
        if (deadline.expired()) break;
        if (candidates[i].begin()->second.terms[0].first == candidates[j].begin()->second.terms[0].first) continue;
        if (recursion_decreases(p, candidates[i], invariants, deadline, candidates[j])) {
          out.first.insert(candidates[i].begin(), candidates[i].end());
          out.next.insert(candidates[j].begin(), candidates[j].end());
          found = true;
        }
      }
    if (!found) {
      reason = "no ranking function of the shapes +-p, +-p +-q or +-p +-q +-r, and no lexicographic pair of "
               "parameters, over the parameters of " + p.procedures[members.front()].name +
               " decreases on every recursive call";
      return std::nullopt;
    }
  }
  return out;
}

DecreaseChecks with_decrease_checks(const ir::Program& program,
                                    const std::map<std::uint32_t, ir::LinearFunction>& functions, bool bounded) {
  DecreaseChecks out{program, {}};
  const std::vector<int> owner = transform::procedure_of_locations(program);
  const unsigned width = ir::ranking_width(program);
  const std::size_t original_edges = program.edges.size();
  for (std::size_t ei = 0; ei < original_edges; ++ei) {
    const ir::Edge& e = program.edges[ei];
    if (owner[e.from] < 0 || e.body.size() != 1 || e.body[0].kind != ir::Stmt::Kind::Call) continue;
    const ir::Stmt& call = e.body[0];
    const auto caller = functions.find(static_cast<std::uint32_t>(owner[e.from]));
    const auto callee = functions.find(call.callee);
    if (caller == functions.end() || callee == functions.end()) continue;
    // Parameters are never assigned (the frontend's variables are in SSA form), so the
    // caller's parameters still hold the values its function ranks.
    const ir::Procedure& proc = program.procedures[call.callee];
    const Term before =
        ir::ranking_term(program, caller->second, width, [&](ir::VarId v) { return program.var_term(v); });
    const Term after = ir::ranking_term(program, callee->second, width, [&](ir::VarId v) -> Term {
      for (std::size_t i = 0; i < proc.params.size() && i < call.args.size(); ++i)
        if (proc.params[i] == v) return call.args[i];
      return program.var_term(v);
    });
    Term good = ir::ranking_lt(after, before);
    if (bounded) good = ir::mk_and(good, ir::ranking_le(ir::ranking_constant(width, 0), before));
    const ir::PropId prop = out.program.add_prop(ir::PropertyKind::Assertion,
                                                 "the candidate ranking function of the recursion decreases", call.loc);
    const ir::LocId at = out.program.add_loc(program.locs[e.from].name + ".ranked", program.locs[e.from].loc);
    out.moved.emplace(at, e.from);
    out.program.edges[ei].from = at;
    out.program.add_edge(e.from, at, {ir::Stmt::check(prop, good, call.loc)});
  }
  return out;
}

std::optional<std::map<std::uint32_t, ir::LinearFunction>> with_lower_bound(
    const ir::Program& p, std::map<std::uint32_t, ir::LinearFunction> functions,
    const std::map<ir::LocId, Term>& invariants, const support::Deadline& deadline) {
  // Offsets: 0, then each small constant of the procedures' statements and its neighbours,
  // read as signed, nearest 0 first (a bound such as x <= 100 gives 100 - x).
  std::set<std::int64_t> offsets{0};
  std::set<ir::TermId> seen;
  for (const ir::Edge& e : p.edges)
    for (const ir::Stmt& st : e.body) {
      std::vector<Term> stack;
      if (st.term.valid()) stack.push_back(st.term);
      for (const Term& a : st.args) stack.push_back(a);
      while (!stack.empty() && offsets.size() < 64) {
        const Term t = stack.back();
        stack.pop_back();
        if (!seen.insert(t.id()).second) continue;
        std::optional<std::int64_t> c;
        if (t.op() == Op::IntConst) c = t.int_value();
        if (t.op() == Op::BvConst && t.sort().width() <= 32)
          c = static_cast<std::int64_t>(ir::to_signed(t.bits(), t.sort().width()));
        if (c && *c > -(1 << 20) && *c < (1 << 20))
          for (std::int64_t d : {-1, 0, 1})
            for (std::int64_t sign : {1, -1}) offsets.insert(sign * (*c + d));
        for (const Term& a : t.args()) stack.push_back(a);
      }
    }
  std::vector<std::int64_t> order(offsets.begin(), offsets.end());
  std::stable_sort(order.begin(), order.end(),
                   [](std::int64_t a, std::int64_t b) { return (a < 0 ? -a : a) < (b < 0 ? -b : b); });
  for (std::int64_t c : order) {
    if (deadline.expired()) break;
    auto shifted = functions;
    for (auto& [k, f] : shifted) f.constant += c;
    if (recursion_decreases(p, shifted, invariants, deadline)) return shifted;
  }
  return std::nullopt;
}

}  // namespace verdict::engines::termination
