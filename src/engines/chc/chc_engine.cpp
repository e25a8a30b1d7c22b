#include "engines/chc/chc_engine.h"

#include <map>

#include "engines/chc/int_encoding.h"
#include "evidence/certificate_check.h"
#include "evidence/certificate_proof.h"
#include "ir/printer.h"

namespace verdict::engines::chc {

using ir::Term;

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
                                      h.predicates[pred.at(program.init)].params});
  for (const transform::Segment& s : system.segments) {
    std::vector<Term> args;
    for (ir::VarId v : system.live_vars(s.to)) args.push_back(s.post.at(v));
    h.clauses.push_back(smt::HornClause{pred.at(s.from), s.guard, pred.at(s.to), std::move(args)});
  }
  // One query per cut point: the disjunction of its violation paths.
  std::map<ir::LocId, std::vector<Term>> bad;
  for (const transform::ViolationPath& v : system.violations) bad[v.from].push_back(v.condition);
  for (const auto& [from, conditions] : bad)
    h.clauses.push_back(smt::HornClause{pred.at(from), ir::mk_or(conditions), std::nullopt, {}});
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

EngineResult safe(const ir::Program& program, Certificate cert, const std::string& how, EngineResult r) {
  r.status = EngineResult::Status::Safe;
  Proof proof;
  proof.method = "inductive invariants (CHC, Z3 Spacer, " + how + ")";
  std::map<ir::LocId, Term> shown = cert.invariants;
  shown.erase(program.init);
  proof.items = evidence::invariant_items(program, shown);
  r.proof = std::move(proof);
  r.certificate = std::move(cert);
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
  // Integers first (exact encoding, Spacer is strongest there), then bit-vectors.
  if (auto hi = integer_horn(h, view)) {
    const double budget = deadline.remaining_ms() / 2000.0;
    Attempt a = solve(program, system, *hi, h, &view, deadline, budget);
    r.tried.push_back("Spacer on the exact integer encoding: " +
                      (a.certificate ? std::string("invariants found") : a.unsat ? "error reachable" : a.reason));
    if (a.unsat) {
      r.reason = "Spacer found the error reachable (counterexample left to BMC)";
      return r;
    }
    // The translation back to bit-vectors may lose validity (64-bit overflow): check first.
    if (a.certificate) {
      const evidence::CertificateCheck c = evidence::check_certificate(program, *a.certificate, deadline);
      if (!c.valid) r.tried.push_back("integer invariants do not hold over bit-vectors: " + c.message);
    }
    if (a.certificate && r.tried.size() == 1)
      return safe(program, std::move(*a.certificate), "exact integer encoding", std::move(r));
  }
  Attempt a = solve(program, system, h, h, nullptr, deadline, 0);
  r.tried.push_back("Spacer on " + std::to_string(h.clauses.size()) + " Horn clauses over bit-vectors: " +
                    (a.certificate ? std::string("invariants found") : a.unsat ? "error reachable" : a.reason));
  if (a.certificate) return safe(program, std::move(*a.certificate), "bit-vectors", std::move(r));
  r.reason = a.unsat ? "Spacer found the error reachable (counterexample left to BMC)" : "Spacer: " + a.reason;
  return r;
}

}  // namespace verdict::engines::chc
