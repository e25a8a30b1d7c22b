#include "engines/chc/chc_engine.h"

#include <map>

#include "engines/chc/int_encoding.h"
#include "ir/printer.h"
#include "support/invariant.h"

namespace verdict::engines::chc {

using ir::Term;

namespace {

/// A callee's variable at a call (every variable of its entry and exit predicates has one).
Term at_call(const ir::Program& program, const transform::CallSegment& call, ir::VarId v) {
  const Term value = call.at_call(program, v);
  VERDICT_INVARIANT(value.valid(), "a callee variable without a value at its call");
  return value;
}

/// The clauses of one call: its arguments satisfy the callee's entry predicate, and the
/// callee's exit predicate (its summary) gives the caller's state after the call.
void add_call_clauses(const ir::Program& program, const transform::CutPointSystem& system,
                      const transform::CallSegment& call, const std::map<ir::LocId, std::size_t>& pred,
                      smt::HornSystem& h) {
  const ir::Procedure& proc = program.procedures.at(call.callee);
  std::vector<Term> entry_args, exit_args, after;
  for (ir::VarId v : system.live_vars(proc.entry)) entry_args.push_back(at_call(program, call, v));
  h.clauses.push_back(smt::HornClause{pred.at(call.from), ir::mk_true(), pred.at(proc.entry), std::move(entry_args), {}});
  for (ir::VarId v : system.live_vars(proc.exit)) exit_args.push_back(at_call(program, call, v));
  for (ir::VarId v : system.live_vars(call.to)) {
    Term value = program.var_term(v);
    for (std::size_t j = 0; j < call.outs.size(); ++j)
      if (call.outs[j] == v) value = at_call(program, call, proc.results[j]);
    after.push_back(value);
  }
  h.clauses.push_back(smt::HornClause{pred.at(call.from), ir::mk_true(), pred.at(call.to), std::move(after),
                                      {smt::HornApp{pred.at(proc.exit), std::move(exit_args)}}});
}

}  // namespace

smt::HornSystem horn_clauses(const ir::Program& program, const transform::CutPointSystem& system) {
  smt::HornSystem h;
  std::map<ir::LocId, std::size_t> pred;
  for (ir::LocId l : system.cut_points) {
    smt::HornPredicate p;
    p.name = "inv_" + std::to_string(l);
    for (ir::VarId v : system.live_vars(l)) p.params.push_back(program.var_term(v));
    pred[l] = h.predicates.size();
    h.predicates.push_back(std::move(p));
  }
  // Execution starts at init in any state.
  h.clauses.push_back(smt::HornClause{std::nullopt, ir::mk_true(), pred.at(program.init),
                                      h.predicates[pred.at(program.init)].params, {}});
  for (const transform::Segment& s : system.segments) {
    std::vector<Term> args;
    for (ir::VarId v : system.live_vars(s.to)) args.push_back(s.post.at(v));
    h.clauses.push_back(smt::HornClause{pred.at(s.from), s.guard, pred.at(s.to), std::move(args), {}});
  }
  for (const transform::CallSegment& c : system.calls) add_call_clauses(program, system, c, pred, h);
  // One query per cut point: the disjunction of its violation paths.
  std::map<ir::LocId, std::vector<Term>> bad;
  for (const transform::ViolationPath& v : system.violations) bad[v.from].push_back(v.condition);
  for (const auto& [from, conditions] : bad)
    h.clauses.push_back(smt::HornClause{pred.at(from), ir::mk_or(conditions), std::nullopt, {}, {}});
  return h;
}

namespace {

/// One Spacer attempt: the certificate on success, else nullopt with `reason` set.
/// `unsat` is set when Spacer found the error reachable.
struct Attempt {
  std::optional<Certificate> certificate;
  bool unsat = false;
  std::string reason;
};

Attempt solve(const ir::Program& program, const transform::CutPointSystem& system, const smt::HornSystem& h,
              const smt::HornSystem& bv, const SignedView* int_view, const support::Deadline& deadline, double budget_s) {
  Attempt a;
  const smt::HornResult solved = smt::solve_horn(h, deadline, budget_s);
  if (solved.status == smt::SatResult::Unsat) {
    a.unsat = true;
    return a;
  }
  if (solved.status != smt::SatResult::Sat) {
    a.reason = solved.reason.empty() ? "unknown" : solved.reason;
    return a;
  }
  Certificate cert;
  for (std::size_t i = 0; i < system.cut_points.size(); ++i) {
    Term inv = solved.solution[i];
    if (int_view) {
      auto back = bitvector_invariant(inv, bv.predicates[i].params, *int_view);
      if (!back) {
        a.reason = "integer invariant without a bit-vector counterpart: " + ir::print_term(inv, &program);
        return a;
      }
      inv = *back;
    }
    if (!inv.is_true()) cert.invariants[system.cut_points[i]] = inv;
  }
  a.certificate = std::move(cert);
  return a;
}

EngineResult safe(Certificate cert, const std::string& how, EngineResult r) {
  r.status = EngineResult::Status::Safe;
  Proof proof;
  proof.method = "inductive invariants (CHC, Z3 Spacer, " + how + ")";
  r.proof = std::move(proof);
  r.certificate = std::move(cert);
  return r;
}

}  // namespace

namespace {

/// One encoding's attempt within `budget_s` seconds (0: until the deadline); a result
/// when it decides (Safe with a certificate that holds, or the error reachable).
/// `exact`: the exact integer encoding; else the one without wrap-around, whose solutions
/// are candidates only and whose "error reachable" means nothing.
std::optional<EngineResult> try_integers(const ir::Program& program, const transform::CutPointSystem& system,
                                         const smt::HornSystem& h, const SignedView& view,
                                         const EngineContext& context, double budget_s, EngineResult& r,
                                         bool exact = true) {
  const support::Deadline& deadline = context.deadline;
  auto hi = integer_horn(h, view, exact);
  if (!hi) return std::nullopt;
  Attempt a = solve(program, system, *hi, h, &view, deadline, budget_s);
  const std::string encoding = exact ? "the exact integer encoding" : "integers without wrap-around (candidates)";
  r.tried.push_back("Spacer on " + encoding + ": " +
                    (a.certificate ? std::string("invariants found") : a.unsat ? "error reachable" : a.reason));
  if (a.unsat && !exact) return std::nullopt;
  if (a.unsat) {
    r.reason = "Spacer found the error reachable (counterexample left to BMC)";
    return r;
  }
  if (!a.certificate) return std::nullopt;
  // The translation back to bit-vectors may lose validity (64-bit overflow): have the
  // driver check it first, so that bit-vectors still get their turn when it fails.
  if (context.check_candidate) {
    const CandidateCheck c = context.check_candidate(program, *a.certificate, deadline);
    if (!c.valid) {
      r.tried.push_back("integer invariants do not hold over bit-vectors: " + c.message);
      return std::nullopt;
    }
  }
  return safe(std::move(*a.certificate), exact ? "exact integer encoding" : "integer candidates without wrap-around", r);
}

std::optional<EngineResult> try_bitvectors(const ir::Program& program, const transform::CutPointSystem& system,
                                           const smt::HornSystem& h, const support::Deadline& deadline,
                                           double budget_s, EngineResult& r) {
  Attempt a = solve(program, system, h, h, nullptr, deadline, budget_s);
  r.tried.push_back("Spacer on " + std::to_string(h.clauses.size()) + " Horn clauses over bit-vectors: " +
                    (a.certificate ? std::string("invariants found") : a.unsat ? "error reachable" : a.reason));
  if (a.certificate) return safe(std::move(*a.certificate), "bit-vectors", r);
  if (!a.unsat) return std::nullopt;
  r.reason = "Spacer found the error reachable (counterexample left to BMC)";
  return r;
}

}  // namespace

EngineResult ChcEngine::run(const ir::Program& program, const EngineContext& context) {
  const support::Deadline& deadline = context.deadline;
  const transform::CutPointSystem system = transform::build_cut_point_system(program);
  const smt::HornSystem h = horn_clauses(program, system);
  EngineResult r;
  if (deadline.expired()) {
    r.reason = "timeout while building the Horn clauses";
    return r;
  }
  const SignedView view = [&](ir::VarId v) {
    return v < system.num_program_vars ? program.vars.at(v).is_signed
                                       : system.aux_vars.at(v - system.num_program_vars).is_signed;
  };
  const double half = deadline.remaining_ms() / 2000.0;
  // Loops: integers first (exact encoding, Spacer is strongest there), then bit-vectors.
  // Procedure summaries: the wrap-around of arguments makes the integer clauses hard,
  // while bit-vector Spacer finds the summaries; so bit-vectors first.
  std::optional<EngineResult> done;
  if (program.procedures.empty()) {
    // The inexact encoding is much easier for Spacer; its candidates are checked.
    done = try_integers(program, system, h, view, context, half / 2, r, false);
    if (!done) done = try_integers(program, system, h, view, context, half, r);
    if (!done) done = try_bitvectors(program, system, h, deadline, 0, r);
  } else {
    done = try_bitvectors(program, system, h, deadline, half, r);
    if (!done) done = try_integers(program, system, h, view, context, 0, r);
  }
  if (done) return std::move(*done);
  if (r.reason.empty()) r.reason = "Spacer found no invariants (" + r.tried.back() + ")";
  return r;
}

}  // namespace verdict::engines::chc
