#include "engines/kinduction/houdini.h"

#include "smt/solver.h"
#include "transform/term_rewrite.h"

namespace verdict::engines::kinduction {

using ir::Term;

namespace {

void split_conjuncts(const Term& t, std::vector<Term>& out) {
  if (t.op() == ir::Op::And) {
    split_conjuncts(t.arg(0), out);
    split_conjuncts(t.arg(1), out);
  } else if (!t.is_true()) {
    out.push_back(t);
  }
}

using Conjuncts = std::map<ir::LocId, std::vector<Term>>;

Term conjunction(const Conjuncts& c, ir::LocId l) {
  auto it = c.find(l);
  return it == c.end() ? ir::mk_true() : ir::mk_and(it->second);
}

/// Drops the conjuncts of `to` not preserved by `seg`; returns whether any was dropped,
/// or nullopt when the solver gave up.
std::optional<bool> filter_segment(const transform::Segment& seg, Conjuncts& c, const support::Deadline& deadline) {
  auto it = c.find(seg.to);
  if (it == c.end() || it->second.empty()) return false;
  auto solver = smt::make_z3_solver();
  solver->add(conjunction(c, seg.from));
  solver->add(seg.guard);
  bool dropped = false;
  std::vector<Term> kept;
  for (const Term& conj : it->second) {
    const Term next = transform::substitute(conj, [&](ir::VarId v) { return seg.post.at(v); });
    switch (solver->check({ir::mk_not(next)}, deadline)) {
      case smt::SatResult::Unsat: kept.push_back(conj); break;
      case smt::SatResult::Sat: dropped = true; break;
      case smt::SatResult::Unknown: return std::nullopt;
    }
  }
  it->second = std::move(kept);
  return dropped;
}

}  // namespace

std::map<ir::LocId, Term> inductive_subset(const ir::Program& program, const transform::CutPointSystem& system,
                                           const std::map<ir::LocId, Term>& candidates,
                                           const support::Deadline& deadline) {
  Conjuncts c;
  for (const auto& [l, t] : candidates)
    if (l != program.init) split_conjuncts(t, c[l]);  // init: every state is possible
  for (bool changed = true; changed;) {
    changed = false;
    for (const transform::Segment& seg : system.segments) {
      auto r = filter_segment(seg, c, deadline);
      if (!r) return {};
      changed = changed || *r;
    }
  }
  std::map<ir::LocId, Term> out;
  for (const auto& [l, conj] : c)
    if (!conj.empty()) out[l] = ir::mk_and(conj);
  return out;
}

}  // namespace verdict::engines::kinduction
