// verdict::validate_violation_witness: the program restricted to the witness's waypoints
// (a product with the sequence's progress: waypoint k is passed the first time execution
// reaches it after waypoint k - 1, and its constraint must hold then), searched by the
// safety portfolio for a violation in the target's statement after the last waypoint; the
// execution found is replayed by the IR interpreter. When the portfolio proves that none
// exists, the same search for each waypoint in turn names the first that cannot be
// followed.
#include <algorithm>

#include "driver/portfolio.h"
#include "driver/question.h"
#include "driver/validate_common.h"
#include "evidence/replay.h"
#include "verdict/validate.h"

namespace verdict {

namespace {

using ir::Stmt;
using ir::Term;

/// What the product's checks ask.
struct Goal {
  /// 0: a violation in the target's statement after every waypoint; k > 0: reaching waypoint k.
  std::uint32_t waypoint = 0;
  std::uint32_t waypoints = 0;  ///< how many there are
};

bool at_target(const ir::Property& p, const WitnessTarget& target, const std::string& file) {
  return p.loc.file == file && p.loc.line >= target.where.line && p.loc.line <= target.last_line;
}

/// The program restricted to the waypoints, with the checks of `goal` only.
ir::Program product(const ir::Program& program, const WitnessTarget& target, const std::string& file, Goal goal) {
  ir::Program p = program;
  const ir::VarId state = p.add_var(ir::Variable{"witness.waypoints_passed", ir::Sort::bitvec(32), "", "", false, {}});
  const Term s = p.var_term(state);
  const auto bv = [](std::uint32_t k) { return ir::mk_bv(32, k); };
  const ir::PropId reached = goal.waypoint > 0
                                 ? p.add_prop(ir::PropertyKind::Assertion,
                                              "waypoint " + std::to_string(goal.waypoint) + " is passed", {})
                                 : 0;
  for (ir::Edge& e : p.edges) {
    std::vector<Stmt> body;
    for (const Stmt& st : e.body) {
      if (st.kind != Stmt::Kind::Check) {
        body.push_back(st);
        continue;
      }
      const ir::Property& prop = p.props.at(st.prop);
      const ir::PropertyClass cls = ir::property_class(prop.kind);
      if (cls == ir::PropertyClass::Incomplete) {
        body.push_back(st);  // reaching a construct that is not modelled still means don't know
      } else if (cls == ir::PropertyClass::WitnessClaim) {
        const Term next = ir::mk_eq(s, bv(prop.claim - 1));
        body.push_back(Stmt::assume(ir::mk_or(ir::mk_not(next), st.term), st.loc));
        body.push_back(Stmt::assign(state, ir::mk_ite(next, bv(prop.claim), s), st.loc));
        if (goal.waypoint > 0) body.push_back(Stmt::check(reached, ir::mk_not(ir::mk_eq(s, bv(goal.waypoint))), st.loc));
      } else if (goal.waypoint == 0 && at_target(prop, target, file)) {
        body.push_back(Stmt::check(st.prop, ir::mk_or(ir::mk_not(ir::mk_eq(s, bv(goal.waypoints))), st.term), st.loc));
        body.push_back(Stmt::assume(st.term, st.loc));
      } else {
        body.push_back(Stmt::assume(st.term, st.loc));  // another violation is not the witness's
      }
    }
    e.body = std::move(body);
  }
  const ir::LocId start = p.add_loc("witness.start", p.locs.at(p.init).loc);
  p.add_edge(start, p.init, {Stmt::assign(state, bv(0))});
  p.init = start;
  return p;
}

using Status = engines::EngineResult::Status;

/// After a proof that the target cannot be reached: the first waypoint no execution
/// passes, or why the target itself fails.
void name_failure(WitnessValidation& v, const ClaimedProgram& claimed, const ir::Program& program,
                  const WitnessTarget& target, std::uint32_t waypoints, const Options& options,
                  const support::Deadline& deadline) {
  for (std::uint32_t k = 1; k <= waypoints; ++k) {
    const ir::Program p = product(program, target, claimed.file, Goal{k, waypoints});
    const driver::PortfolioOutcome o = driver::search_claimed(p, options, deadline);
    if (o.result.status == Status::Violation) continue;
    const WitnessClaim* c = driver::claim_numbered(claimed, k);
    if (c) v.failed = *c;
    const std::string what = c ? driver::describe_claim(*c) : "waypoint " + std::to_string(k);
    v.reason = o.result.status == Status::Safe
                   ? "no execution follows the waypoints up to " + what + " (proved by " + o.engine + ")"
                   : "no execution reaches the target " + target.where.str() + " after the waypoints; which of them "
                     "cannot be followed is not known (" + o.result.reason + ")";
    return;
  }
  v.reason = "the waypoints can be followed, but then no property is violated at the target " + target.where.str();
}

}  // namespace

WitnessValidation validate_violation_witness(const ClaimedProgram& claimed, const WitnessTarget& target,
                                             const Options& options) {
  WitnessValidation v;
  Answer timing;
  driver::answer_question(timing, [&] {
    const ir::Program program = driver::claimed_ir(claimed, options);
    v.assumptions = program.assumptions;
    std::uint32_t waypoints = 0;
    for (const WitnessClaim& c : claimed.claims) waypoints = std::max<std::uint32_t>(waypoints, c.number);
    const support::Deadline deadline(driver::engine_budget_s(options.timeout_s));
    const ir::Program p = product(program, target, claimed.file, Goal{0, waypoints});
    driver::PortfolioOutcome o = driver::search_claimed(p, options, deadline);
    v.checked = o.tried;
    if (o.result.status == Status::Unknown) {
      v.reason = o.result.reason.empty() ? "no engine decided whether the waypoints lead to the target"
                                         : o.result.reason;
      return;
    }
    if (o.result.status == Status::Safe) {
      v.status = WitnessStatus::Rejected;
      name_failure(v, claimed, program, target, waypoints, options, deadline);
      return;
    }
    const ir::RawCounterexample& raw = *o.result.counterexample;
    evidence::ReplayResult replayed = evidence::replay(p, raw.edges, raw.havoc_values, raw.violated);
    if (!replayed.confirmed) {
      v.reason = "internal error: the execution found did not replay (" + replayed.message + ")";
      return;
    }
    v.status = WitnessStatus::Confirmed;
    v.counterexample = replayed.counterexample;
    v.reason = "an execution follows the " + std::to_string(waypoints) + " waypoints and violates " +
               replayed.counterexample->violation + " at the target (found by " + o.engine +
               ", replayed by the IR interpreter)";
  });
  if (!timing.reason.empty() && v.reason.empty()) v.reason = timing.reason;
  v.time_ms = timing.time_ms;
  return v;
}

}  // namespace verdict
