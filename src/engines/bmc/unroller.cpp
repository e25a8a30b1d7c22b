#include "engines/bmc/unroller.h"

#include "support/invariant.h"
#include "verdict/errors.h"

namespace verdict::engines::bmc {

using ir::Stmt;
using ir::Term;

Unroller::Unroller(const ir::Program& program, smt::Solver& solver) : p_(program), solver_(solver) {
  for (const ir::Variable& v : p_.vars) initial_.push_back(fresh(v.sort));
  Node root{p_.init, 0, ir::mk_true(), SymbolicState(initial_), {}};
  nodes_.push_back(std::move(root));
  if (!p_.outgoing(p_.init).empty()) open_.push_back(0);
}

bool Unroller::expand(const support::Deadline& deadline) {
  std::map<ir::LocId, std::vector<std::size_t>> arrivals;
  for (std::size_t n : open_) {
    if (deadline.expired()) return false;
    execute_edges(n, arrivals);
  }
  ++depth_;
  for (std::size_t n : open_) nodes_[n].state = SymbolicState();  // no longer needed
  open_.clear();
  for (const auto& [loc, steps] : arrivals) {
    const std::size_t n = make_node(loc, steps);
    if (!p_.outgoing(loc).empty()) open_.push_back(n);
  }
  return true;
}

bool Unroller::deterministic(const std::vector<std::size_t>& out) const {
  if (out.size() != 2) return false;
  const auto& a = p_.edges[out[0]].body;
  const auto& b = p_.edges[out[1]].body;
  if (a.empty() || b.empty() || a[0].kind != Stmt::Kind::Assume || b[0].kind != Stmt::Kind::Assume) return false;
  const Term& ca = a[0].term;
  const Term& cb = b[0].term;
  return (cb.op() == ir::Op::Not && cb.arg(0).same(ca)) ||
         (ca.op() == ir::Op::Not && ca.arg(0).same(cb));
}

void Unroller::execute_edges(std::size_t node, std::map<ir::LocId, std::vector<std::size_t>>& arrivals) {
  const auto& out = p_.outgoing(nodes_[node].loc);
  // With several possibly-enabled edges, a choice symbol picks one, so that at most one
  // node per depth is reached in any model (what makes merging by implication exact).
  Term choice;
  if (out.size() > 1 && !deterministic(out)) choice = fresh(ir::Sort::bitvec(32));
  for (std::size_t i = 0; i < out.size(); ++i) {
    Term guard = choice.valid() ? ir::mk_eq(choice, ir::mk_bv(32, i)) : ir::mk_true();
    steps_.push_back(Step{node, out[i], 0, {}, nodes_[node].state, {}});
    const std::size_t s = steps_.size() - 1;
    if (execute(s, guard)) {
      arrivals[p_.edges[out[i]].to].push_back(s);
    } else {
      steps_[s].state_end = SymbolicState();  // dead: drop the state early
    }
  }
}

bool Unroller::execute(std::size_t s, const Term& guard) {
  Step& step = steps_[s];
  const ir::Edge& edge = p_.edges[step.edge];
  Term pc = ir::mk_and(nodes_[step.from].reach, guard);
  for (std::size_t i = 0; i < edge.body.size() && !pc.is_false(); ++i) {
    const Stmt& st = edge.body[i];
    switch (st.kind) {
      case Stmt::Kind::Assign: step.state_end.set(st.var, substitute(st.term, step.state_end)); break;
      case Stmt::Kind::Havoc: {
        Term sym = fresh(p_.vars.at(st.var).sort);
        step.havocs.emplace_back(i, sym);
        step.state_end.set(st.var, sym);
        break;
      }
      case Stmt::Kind::Assume: pc = ir::mk_and(pc, substitute(st.term, step.state_end)); break;
      case Stmt::Kind::Call: throw Unsupported(st.loc, "procedure calls of a modular program (BMC needs them inlined)");
      case Stmt::Kind::Check: {
        Term cond = substitute(st.term, step.state_end);
        Term violation = ir::mk_and(pc, ir::mk_not(cond));
        instances_.push_back(CheckInstance{st.prop, s, i, depth_ + 1, pc, violation});
        pc = ir::mk_and(pc, cond);
        break;
      }
    }
  }
  step.pc_end = pc;
  return !pc.is_false();
}

SymbolicState Unroller::merge(const std::vector<std::size_t>& arrivals) {
  SymbolicState merged = steps_[arrivals[0]].state_end;
  for (ir::VarId v = 0; v < merged.size(); ++v) {
    bool chunk_shared = true;
    for (std::size_t a : arrivals) chunk_shared = chunk_shared && merged.same_chunk(steps_[a].state_end, v);
    if (chunk_shared) {
      v += SymbolicState::kChunk - 1 - v % SymbolicState::kChunk;
      continue;
    }
    bool agree = true;
    for (std::size_t a : arrivals) agree = agree && steps_[a].state_end.get(v).same(merged.get(v));
    if (agree) continue;
    Term sym = fresh(p_.vars[v].sort);
    for (std::size_t a : arrivals)
      solver_.add(ir::mk_implies(steps_[a].pc_end, ir::mk_eq(sym, steps_[a].state_end.get(v))));
    merged.set(v, sym);
  }
  return merged;
}

std::size_t Unroller::make_node(ir::LocId loc, const std::vector<std::size_t>& arrivals) {
  VERDICT_INVARIANT(!arrivals.empty(), "a node needs an incoming step");
  Node node{loc, depth_, {}, {}, arrivals};
  const Term& first = steps_[arrivals[0]].pc_end;
  if (arrivals.size() == 1 && (first.op() == ir::Op::Var || first.is_true())) {
    node.reach = first;
  } else {
    std::vector<Term> pcs;
    for (std::size_t a : arrivals) pcs.push_back(steps_[a].pc_end);
    node.reach = fresh(ir::Sort::boolean());
    solver_.add(ir::mk_eq(node.reach, ir::mk_or(pcs)));
  }
  node.state = arrivals.size() == 1 ? steps_[arrivals[0]].state_end : merge(arrivals);
  nodes_.push_back(std::move(node));
  const std::size_t n = nodes_.size() - 1;
  for (std::size_t a : arrivals) {
    steps_[a].to = n;
    steps_[a].state_end = SymbolicState();
  }
  return n;
}

}  // namespace verdict::engines::bmc
