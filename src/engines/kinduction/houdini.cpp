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
/// or nullopt when the solver gave up. One query for all conjuncts; a model drops every
/// conjunct it falsifies.
std::optional<bool> filter_segment(const transform::Segment& seg, Conjuncts& c, const support::Deadline& deadline) {
  auto it = c.find(seg.to);
  if (it == c.end() || it->second.empty()) return false;
  auto solver = smt::make_z3_solver();
  solver->add(conjunction(c, seg.from));
  solver->add(seg.guard);
  std::vector<Term> kept = it->second, next;
  for (const Term& conj : kept)
    next.push_back(transform::substitute(conj, [&](ir::VarId v) { return seg.post.at(v); }));
  bool dropped = false;
  while (!kept.empty()) {
    const smt::SatResult r = solver->check({ir::mk_not(ir::mk_and(next))}, deadline);
    if (r == smt::SatResult::Unknown) return std::nullopt;
    if (r == smt::SatResult::Unsat) break;
    std::vector<Term> k2, n2;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      auto v = solver->model_value(next[i]);
      if (v && !v->as_bool()) continue;  // falsified: drop
      k2.push_back(kept[i]);
      n2.push_back(next[i]);
    }
    if (k2.size() == kept.size()) return std::nullopt;  // no model value to decide: give up
    kept = std::move(k2);
    next = std::move(n2);
    dropped = true;
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
