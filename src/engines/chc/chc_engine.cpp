#include "engines/chc/chc_engine.h"

#include <map>

#include "evidence/certificate_proof.h"

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
  for (const transform::ViolationPath& v : system.violations)
    h.clauses.push_back(smt::HornClause{pred.at(v.from), v.condition, std::nullopt, {}});
  return h;
}

EngineResult ChcEngine::run(const ir::Program& program, const EngineContext& context) {
  const transform::CutPointSystem system = transform::build_cut_point_system(program);
  const smt::HornSystem h = horn_clauses(program, system);
  EngineResult r;
  r.tried.push_back("Spacer on " + std::to_string(h.clauses.size()) + " Horn clauses over " +
                    std::to_string(h.predicates.size()) + " cut points (bit-vectors)");
  const smt::HornResult solved = smt::solve_horn(h, context.deadline);
  if (solved.status == smt::SatResult::Unsat) {
    r.reason = "Spacer found the error reachable (counterexample left to BMC)";
    return r;
  }
  if (solved.status != smt::SatResult::Sat) {
    r.reason = "Spacer: " + (solved.reason.empty() ? std::string("unknown") : solved.reason);
    return r;
  }
  Certificate cert;
  for (std::size_t i = 0; i < system.cut_points.size(); ++i)
    if (!solved.solution[i].is_true()) cert.invariants[system.cut_points[i]] = solved.solution[i];
  r.status = EngineResult::Status::Safe;
  Proof proof;
  proof.method = "inductive invariants (CHC, Z3 Spacer)";
  std::map<ir::LocId, Term> shown = cert.invariants;
  shown.erase(program.init);
  proof.items = evidence::invariant_items(program, shown);
  r.proof = std::move(proof);
  r.certificate = std::move(cert);
  return r;
}

}  // namespace verdict::engines::chc
