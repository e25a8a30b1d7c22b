#include "engines/kinduction/kinduction_engine.h"

#include "engines/invariants/interval_analysis.h"
#include "engines/invariants/relational_candidates.h"
#include "engines/kinduction/houdini.h"
#include "smt/solver.h"
#include "transform/cutpoint_unrolling.h"
#include "transform/cutpoints.h"

namespace verdict::engines::kinduction {

namespace {

using Status = EngineResult::Status;

/// Incremental base and step cases, one solver each.
class Prover {
 public:
  Prover(const ir::Program& p, const transform::CutPointSystem& sys, const std::map<ir::LocId, ir::Term>& inv,
         const support::Deadline& d)
      : p_(p), unroll_(p, sys), inv_(inv), deadline_(d), base_(smt::make_z3_solver()), step_(smt::make_z3_solver()) {
    base_->add(unroll_.at(0, p.init));
    step_->add(unroll_.pc_valid(0));
    step_->add(unroll_.invariant(0, inv));
  }

  /// Is a violation reachable at step `j` from init (given none before)? Extends the path.
  smt::SatResult base(unsigned j) {
    const ir::Term bad = unroll_.violation(j);
    smt::SatResult r = base_->check({bad}, deadline_);
    if (r == smt::SatResult::Unsat) {
      base_->add(ir::mk_not(bad));
      base_->add(unroll_.transition(j));
      base_->add(unroll_.pc_valid(j + 1));
    }
    return r;
  }
  /// Can a violation follow k - 1 violation-free steps of invariant states? Extends the window.
  smt::SatResult step(unsigned k) {
    const ir::Term bad = unroll_.violation(k - 1);
    smt::SatResult r = step_->check({bad}, deadline_);
    if (r == smt::SatResult::Sat) {
      step_->add(ir::mk_not(bad));
      step_->add(unroll_.transition(k - 1));
      step_->add(unroll_.pc_valid(k));
      step_->add(unroll_.invariant(k, inv_));
    }
    return r;
  }

 private:
  const ir::Program& p_;
  transform::CutPointUnrolling unroll_;
  const std::map<ir::LocId, ir::Term>& inv_;
  const support::Deadline& deadline_;
  std::unique_ptr<smt::Solver> base_, step_;
};

/// The limits this engine runs under, for the answer's `tried` list.
std::string describe_limits(const EngineLimits& l) {
  return "limits: k <= " + std::to_string(l.max_k) + "; interval analysis: " +
         std::to_string(l.interval_max_edge_visits) + " edge visits, " +
         std::to_string(l.interval_threshold_widenings) + " threshold widenings per cut point, " +
         std::to_string(l.interval_max_thresholds) + " thresholds, terms " + std::to_string(l.interval_max_term_depth) +
         " deep, conditions refined " + std::to_string(l.interval_refine_depth) +
         " deep; relational candidates at cut points with at most " + std::to_string(l.relational_max_pair_vars) +
         " (pairs) or " + std::to_string(l.relational_max_triple_vars) + " (sums) live variables";
}

EngineResult unknown(std::string reason, std::vector<std::string> tried) {
  EngineResult r;
  r.status = Status::Unknown;
  r.reason = std::move(reason);
  r.tried = std::move(tried);
  return r;
}

}  // namespace

EngineResult KInductionEngine::run(const ir::Program& program, const EngineContext& context) {
  const support::Deadline& deadline = context.deadline;
  const transform::CutPointSystem sys = transform::build_cut_point_system(program);
  const EngineLimits& limits = context.options.limits;
  auto intervals = invariants::interval_invariants(program, sys.cut_points, sys.live, deadline, limits);
  std::map<ir::LocId, ir::Term> candidates = intervals.invariants;
  const invariants::CandidateOptions relational{limits.relational_max_pair_vars, limits.relational_max_triple_vars};
  for (const auto& [l, c] : invariants::relational_candidates(program, sys.cut_points, sys.live, relational))
    candidates[l] = candidates.count(l) ? ir::mk_and(candidates[l], c) : c;
  const std::map<ir::LocId, ir::Term> inv = inductive_subset(program, sys, candidates, deadline);
  std::vector<std::string> tried{describe_limits(limits), "interval and relational invariants at " +
                                                             std::to_string(inv.size()) + " of " +
                                                             std::to_string(sys.cut_points.size()) + " cut points"};
  Prover prover(program, sys, inv, deadline);
  for (unsigned k = 1; k <= limits.max_k; ++k) {
    const smt::SatResult b = prover.base(k - 1);
    if (b == smt::SatResult::Sat)
      return unknown("a violation is reachable within " + std::to_string(k - 1) + " steps (left to BMC)", tried);
    if (b == smt::SatResult::Unknown) return unknown("timeout in the base case at k = " + std::to_string(k), tried);
    const smt::SatResult s = prover.step(k);
    if (s == smt::SatResult::Unknown) return unknown("timeout in the step case at k = " + std::to_string(k), tried);
    if (s == smt::SatResult::Unsat) {
      EngineResult r;
      r.status = Status::Safe;
      r.certificate = Certificate{inv, k};
      Proof proof;
      proof.method = "k-induction (k = " + std::to_string(k) + ") with interval and relational invariants";
      r.proof = std::move(proof);
      r.tried = std::move(tried);
      return r;
    }
  }
  tried.push_back("k-induction up to k = " + std::to_string(limits.max_k) + ": step case fails");
  return unknown("not k-inductive for k <= " + std::to_string(limits.max_k), tried);
}

}  // namespace verdict::engines::kinduction
