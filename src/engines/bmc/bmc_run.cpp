#include "engines/bmc/bmc_run.h"

namespace verdict::engines::bmc {

using ir::Term;

bool is_incomplete(const ir::Program& p, ir::PropId prop) {
  return ir::property_class(p.props.at(prop).kind) == ir::PropertyClass::Incomplete;
}

Term zero_of(const ir::Sort& s) {
  switch (s.kind()) {
    case ir::Sort::Kind::Bool: return ir::mk_false();
    case ir::Sort::Kind::BitVec: return ir::mk_bv(s.width(), 0);
    case ir::Sort::Kind::Int: return ir::mk_int(0);
    case ir::Sort::Kind::Array: return ir::mk_const_array(s.index(), zero_of(s.element()));
  }
  return ir::mk_false();
}

EngineResult BmcRun::run() {
  std::size_t queried = 0;
  const unsigned period = std::max(1u, options_.frontier_check_period);
  while (true) {
    if (unroller_.open().empty()) return exhaustive();
    if (ctx_.deadline.expired())
      return unknown(stopped_reason());
    if (depth() >= ctx_.options.max_steps)
      return unknown("no violation within " + std::to_string(depth()) +
                     " steps (program has paths longer than the bound)");
    if (!unroller_.expand(ctx_.deadline))
      return unknown(stopped_reason());
    const std::size_t n = unroller_.instances().size();
    if (n > queried) {
      const Found f = query_real(queried, n);
      if (f == Found::Yes) return violation(unroller_.instances()[*found_]);
      if (f == Found::GaveUp) return gave_up();
      query_incomplete(queried, n);
      queried = n;
    }
    const unsigned d = depth();
    const bool scheduled = (d & (d - 1)) == 0 || d % period == 0 || d >= ctx_.options.max_steps;
    if (!unroller_.open().empty() && scheduled && frontier_infeasible()) return exhaustive();
  }
}

/// Is one of `formulas` satisfiable (with `extra` assumed too, if valid)? Leaves the
/// activation literal in active_ so the caller can retire it.
smt::SatResult BmcRun::check_any(const std::vector<Term>& formulas, const Term& extra) {
  active_ = unroller_.fresh(ir::Sort::boolean());
  solver_->add(ir::mk_implies(active_, ir::mk_or(formulas)));
  std::vector<Term> assumptions{active_};
  if (extra.valid()) assumptions.push_back(extra);
  return solver_->check(assumptions, ctx_.deadline);
}

BmcRun::Found BmcRun::query_real(std::size_t from, std::size_t to) {
  std::vector<Term> violations;
  for (std::size_t i = from; i < to; ++i) {
    const CheckInstance& inst = unroller_.instances()[i];
    if (!is_incomplete(p_, inst.prop) && !inst.violation.is_false()) violations.push_back(inst.violation);
  }
  if (violations.empty()) return Found::No;
  const smt::SatResult r = check_any(violations);
  if (r == smt::SatResult::Unknown) return Found::GaveUp;
  if (r == smt::SatResult::Unsat) {
    solver_->add(ir::mk_not(active_));
    return Found::No;
  }
  if (!prefer_zero_initial_values()) return Found::GaveUp;
  for (std::size_t i = from; i < to; ++i) {
    const CheckInstance& inst = unroller_.instances()[i];
    if (is_incomplete(p_, inst.prop)) continue;
    auto v = solver_->model_value(inst.violation);
    if (v && v->as_bool()) {
      found_ = i;
      return Found::Yes;
    }
  }
  return Found::GaveUp;  // the model shows no violation: an inconsistency, so no claim
}

/// Replay starts with every variable zero: look for a model with zero initial values
/// first (same violation literal), else keep any model. False if no model is left.
bool BmcRun::prefer_zero_initial_values() {
  std::vector<Term> zeros;
  for (const Term& sym : unroller_.initial_symbols()) zeros.push_back(ir::mk_eq(sym, zero_of(sym.sort())));
  const Term zero = unroller_.fresh(ir::Sort::boolean());
  solver_->add(ir::mk_implies(zero, ir::mk_and(zeros)));
  if (solver_->check({active_, zero}, ctx_.deadline) == smt::SatResult::Sat) return true;
  return solver_->check({active_}, ctx_.deadline) == smt::SatResult::Sat;
}

void BmcRun::query_incomplete(std::size_t from, std::size_t to) {
  std::vector<std::size_t> candidates;
  std::vector<Term> formulas;
  for (std::size_t i = from; i < to; ++i) {
    const CheckInstance& inst = unroller_.instances()[i];
    if (!is_incomplete(p_, inst.prop) || inst.violation.is_false() || incomplete_props_.count(inst.prop)) continue;
    candidates.push_back(i);
    formulas.push_back(inst.violation);
  }
  if (candidates.empty()) return;
  const smt::SatResult r = check_any(formulas);
  if (r == smt::SatResult::Unsat) {
    solver_->add(ir::mk_not(active_));
    return;
  }
  for (std::size_t i : candidates) {
    const CheckInstance& inst = unroller_.instances()[i];
    // Unknown counts as reachable: it only ever turns an answer into don't know.
    auto v = r == smt::SatResult::Sat ? solver_->model_value(inst.violation) : std::nullopt;
    if (r == smt::SatResult::Unknown || !v || v->as_bool()) {
      if (incomplete_props_.insert(inst.prop).second) incomplete_.push_back(i);
    }
  }
}

bool BmcRun::frontier_infeasible() {
  std::vector<Term> reach;
  for (std::size_t n : unroller_.open()) reach.push_back(unroller_.nodes()[n].reach);
  const smt::SatResult r = check_any(reach);
  solver_->add(ir::mk_not(active_));  // the literal is never needed again
  return r == smt::SatResult::Unsat;
}

}  // namespace verdict::engines::bmc
