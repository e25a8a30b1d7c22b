#include "engines/termination/recurrent_set.h"

#include "ir/interpreter.h"
#include "smt/solver.h"
#include "transform/term_rewrite.h"

namespace verdict::engines::termination {

using ir::Op;
using ir::Term;

namespace {

/// Atoms over the live integer variables at the loop head (value, parity, sign, order).
void integer_atoms(const ir::Program& p, const std::vector<ir::VarId>& vars, const ir::State& s,
                   std::vector<Term>& candidates) {
  std::vector<ir::VarId> ints;
  for (ir::VarId v : vars)
    if (p.vars[v].sort.is_int()) ints.push_back(v);
  const Term zero = ir::mk_int(0);
  for (ir::VarId v : ints) {
    const Term x = p.var_term(v);
    candidates.push_back(ir::mk_eq(x, ir::mk_int(s[v].ivalue)));
    candidates.push_back(ir::mk_eq(ir::mk_binary(Op::IntFloorMod, x, ir::mk_int(2)), ir::mk_int(s[v].ivalue & 1)));
    candidates.push_back(ir::mk_binary(Op::Lt, zero, x));
    candidates.push_back(ir::mk_binary(Op::Le, zero, x));
    candidates.push_back(ir::mk_binary(Op::Lt, x, zero));
    candidates.push_back(ir::mk_binary(Op::Le, x, zero));
  }
  for (ir::VarId a : ints) {
    for (ir::VarId b : ints) {
      if (a == b) continue;
      candidates.push_back(ir::mk_binary(Op::Lt, p.var_term(a), p.var_term(b)));
      candidates.push_back(ir::mk_binary(Op::Le, p.var_term(a), p.var_term(b)));
      if (a < b) candidates.push_back(ir::mk_eq(p.var_term(a), p.var_term(b)));
    }
  }
}

/// Atoms over the live bit-vector and integer variables at the loop head that hold in `s`.
std::vector<Term> atoms_true_at(const ir::Program& p, const std::vector<ir::VarId>& vars, const ir::State& s) {
  std::vector<Term> candidates;
  integer_atoms(p, vars, s, candidates);
  std::vector<ir::VarId> bvs;
  for (ir::VarId v : vars) {
    const ir::Variable& var = p.vars[v];
    if (!var.sort.is_bv()) continue;
    bvs.push_back(v);
    const unsigned w = var.sort.width();
    const Term x = p.var_term(v), zero = ir::mk_bv(w, 0);
    candidates.push_back(ir::mk_eq(x, ir::mk_bv(w, s[v].bits)));
    candidates.push_back(ir::mk_eq(ir::mk_extract(0, 0, x), ir::mk_bv(1, s[v].bits & 1)));
    if (var.is_signed) {
      candidates.push_back(ir::mk_binary(Op::Slt, zero, x));
      candidates.push_back(ir::mk_binary(Op::Sle, zero, x));
      candidates.push_back(ir::mk_binary(Op::Slt, x, zero));
      candidates.push_back(ir::mk_binary(Op::Sle, x, zero));
    } else {
      candidates.push_back(ir::mk_not(ir::mk_eq(x, zero)));
    }
  }
  for (ir::VarId a : bvs) {
    for (ir::VarId b : bvs) {
      if (a == b || p.vars[a].sort.width() != p.vars[b].sort.width()) continue;
      const Op lt = p.vars[a].is_signed && p.vars[b].is_signed ? Op::Slt : Op::Ult;
      const Op le = lt == Op::Slt ? Op::Sle : Op::Ule;
      candidates.push_back(ir::mk_binary(lt, p.var_term(a), p.var_term(b)));
      candidates.push_back(ir::mk_binary(le, p.var_term(a), p.var_term(b)));
      if (a < b) candidates.push_back(ir::mk_eq(p.var_term(a), p.var_term(b)));
    }
  }
  std::vector<Term> out;
  for (const Term& c : candidates) {
    try {
      if (ir::evaluate(c, s).as_bool()) out.push_back(c);
    } catch (const ir::EvalError&) {
    }
  }
  return out;
}

}  // namespace

Term sign_pattern(const ir::Program& program, const transform::CutPointSystem& system, ir::LocId head,
                  const Stem& stem) {
  ir::RunLimits limits;
  limits.forced_edges = stem.edges;
  limits.max_steps = stem.edges.size();
  const ir::Execution ex = ir::run(program, stem.inputs, limits);
  if (ex.edges.size() != stem.edges.size()) return ir::mk_true();
  std::vector<Term> signs;
  for (ir::VarId v : system.live_vars(head)) {
    const ir::Variable& var = program.vars[v];
    const Term x = program.var_term(v);
    if (var.sort.is_int()) {
      const std::int64_t i = ex.final_state[v].ivalue;
      const Term zero = ir::mk_int(0);
      signs.push_back(i < 0 ? ir::mk_binary(Op::Lt, x, zero) : i == 0 ? ir::mk_eq(x, zero) : ir::mk_binary(Op::Lt, zero, x));
    } else if (var.sort.is_bv() && var.is_signed) {
      const unsigned w = var.sort.width();
      const std::int64_t i = ir::to_signed(ex.final_state[v].bits, w);
      const Term zero = ir::mk_bv(w, 0);
      signs.push_back(i < 0 ? ir::mk_binary(Op::Slt, x, zero) : i == 0 ? ir::mk_eq(x, zero) : ir::mk_binary(Op::Slt, zero, x));
    }
  }
  return ir::mk_and(signs);
}

std::optional<ir::RecurrentSetWitness> find_recurrent_set(const ir::Program& program,
                                                                const transform::CutPointSystem& system,
                                                                ir::LocId head, const Stem& stem,
                                                                const support::Deadline& deadline,
                                                                std::string& reason) {
  ir::RunLimits limits;
  limits.forced_edges = stem.edges;
  limits.max_steps = stem.edges.size();
  const ir::Execution ex = ir::run(program, stem.inputs, limits);
  if (ex.edges.size() != stem.edges.size()) {
    reason = "the stem to the loop head does not replay";
    return std::nullopt;
  }
  std::vector<Term> atoms = atoms_true_at(program, system.live_vars(head), ex.final_state);
  std::vector<const transform::Segment*> loop;
  for (const transform::Segment& s : system.segments)
    if (s.from == head && s.to == head) loop.push_back(&s);
  if (loop.empty()) {
    reason = "the loop head has no path back to itself";
    return std::nullopt;
  }
  auto solver = smt::make_z3_solver();
  for (bool changed = true; changed;) {
    changed = false;
    const Term set = ir::mk_and(atoms);
    for (const transform::Segment* s : loop) {
      const Term next = transform::substitute(set, [&](ir::VarId v) { return s->post.at(v); });
      solver->push();
      solver->add(ir::mk_and({set, s->guard, ir::mk_not(next)}));
      const smt::SatResult r = solver->check({}, deadline);
      if (r == smt::SatResult::Sat) {
        std::vector<Term> kept;
        for (const Term& a : atoms) {
          const Term a_next = transform::substitute(a, [&](ir::VarId v) { return s->post.at(v); });
          const auto value = solver->model_value(a_next);
          if (value && value->as_bool()) kept.push_back(a);
        }
        changed = kept.size() != atoms.size();
        atoms = std::move(kept);
      }
      solver->pop();
      if (r == smt::SatResult::Unknown) {
        reason = "the solver gave up on the recurrent set (" + solver->reason_unknown() + ")";
        return std::nullopt;
      }
      if (changed) break;
    }
  }
  std::vector<Term> enabled;
  for (const transform::Segment* s : loop) enabled.push_back(s->guard);
  const Term set = ir::mk_and(atoms);
  solver->push();
  solver->add(ir::mk_and(set, ir::mk_not(ir::mk_or(enabled))));
  const smt::SatResult r = solver->check({}, deadline);
  solver->pop();
  if (r != smt::SatResult::Unsat) {
    reason = r == smt::SatResult::Sat ? "the closed candidate set can leave the loop" : "the solver gave up";
    return std::nullopt;
  }
  return ir::RecurrentSetWitness{head, set, stem.edges, stem.inputs};
}

}  // namespace verdict::engines::termination
