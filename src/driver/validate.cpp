// verdict::validate_correctness_witness: a correctness witness's claims, compiled into the
// program by the C frontend, become a certificate (the loop claims moved to their loop
// heads) that the independent cvc5 checker must accept; a failed obligation names the
// claim or the property it is about.
#include "verdict/validate.h"

#include <algorithm>

#include "driver/claim_invariants.h"
#include "driver/evidence_check.h"
#include "driver/question.h"
#include "driver/validate_common.h"
#include "engines/bmc/bmc_engine.h"
#include "engines/chc/chc_engine.h"
#include "engines/kinduction/kinduction_engine.h"
#include "evidence/certificate_check.h"
#include "evidence/replay.h"
#include "frontend/c/c_frontend.h"
#include "transform/select_properties.h"
#include "transform/signedness.h"

namespace verdict {

const char* to_string(WitnessStatus s) {
  switch (s) {
    case WitnessStatus::Confirmed: return "confirmed";
    case WitnessStatus::Rejected: return "rejected";
    case WitnessStatus::Unknown: return "unknown";
  }
  return "unknown";
}

namespace driver {

ir::Program claimed_ir(const ClaimedProgram& claimed, const Options& options) {
  require_c_file(claimed.file);
  frontend::c::CFrontendOptions fo{options.entry, options.data_model, options.recursion_bound,
                                   options.extra_clang_args, false, options.max_inlined_instructions};
  fo.source_text = claimed.source_text;
  ir::Program program = frontend::c::translate_file(claimed.file, fo);
  transform::mark_signed_temporaries(program);
  transform::select_properties(program, options.properties);
  return program;
}

/// The safety portfolio on `p` (bounded model checking, k-induction, Horn clauses), its
/// evidence vetted as for `check`.
PortfolioOutcome search_claimed(const ir::Program& p, const Options& options, const support::Deadline& deadline) {
  std::vector<EngineTask> tasks;
  tasks.push_back({std::make_unique<engines::bmc::BmcEngine>(), &p, ""});
  if (std::any_of(p.locs.begin(), p.locs.end(), [](const ir::Location& l) { return l.loop_head; })) {
    tasks.push_back({std::make_unique<engines::kinduction::KInductionEngine>(), &p, ""});
    tasks.push_back({std::make_unique<engines::chc::ChcEngine>(), &p, ""});
  }
  engines::EngineContext context{options, deadline, candidate_checker()};
  return run_portfolio(tasks, context, [&](engines::EngineResult& r, const std::string& engine,
                                                   const ir::Program& analysed) {
    vet_result(r, engine, analysed, deadline);
  });
}

const WitnessClaim* claim_numbered(const ClaimedProgram& claimed, std::uint32_t number) {
  for (const WitnessClaim& c : claimed.claims)
    if (c.number == number) return &c;
  return nullptr;
}

std::string describe_claim(const WitnessClaim& c) {
  static const char* const kinds[] = {"loop invariant", "location invariant", "assumption waypoint",
                                      "branching waypoint", "function_enter waypoint", "function_return waypoint"};
  std::string s = kinds[static_cast<int>(c.kind)];
  if (!c.text.empty()) s += " '" + c.text + "'";
  s += " at " + c.where.str();
  if (c.origin.known()) s += " (witness " + c.origin.str() + ")";
  return s;
}

}  // namespace driver

namespace {

/// The claims a loop head states, described one after the other.
std::string head_claims(const ClaimedProgram& claimed, const std::set<std::uint32_t>& numbers,
                        std::optional<WitnessClaim>& failed) {
  std::string s;
  for (const WitnessClaim& c : claimed.claims) {
    if (numbers.count(c.number) == 0) continue;
    if (!failed) failed = c;
    s += (s.empty() ? "" : " and ") + driver::describe_claim(c);
  }
  return s.empty() ? "an invariant" : s;
}

/// Why a refuted obligation rejects the witness, naming its claim or property.
void explain_failure(WitnessValidation& v, const ClaimedProgram& claimed, const ir::Program& program,
                     const driver::HeadInvariants& heads, const evidence::Obligation& o) {
  if (o.prop) {
    const ir::Property& p = program.props.at(*o.prop);
    if (p.kind == ir::PropertyKind::WitnessClaim) {
      if (const WitnessClaim* c = driver::claim_numbered(claimed, p.claim)) v.failed = *c;
      v.reason = (v.failed ? driver::describe_claim(*v.failed) : p.description) +
                 " does not follow from the witness's loop invariants";
      return;
    }
    v.reason = "the invariants do not imply the property: " + p.description + " at " + p.loc.str() +
               " can fail in a state they allow";
    return;
  }
  const auto at = heads.claims.find(o.to);
  const std::string claims = at == heads.claims.end() ? "an invariant" : head_claims(claimed, at->second, v.failed);
  if (o.from == o.to)
    v.reason = claims + " is not inductive: one iteration of the loop from a state where it holds can end in one "
                        "where it does not";
  else
    v.reason = claims + " does not hold when the loop is reached from " + ir::location_label(program, o.from);
}

/// When the invariants are no proof on their own: the portfolio on the program with the
/// claims as checks. A violation of a claim or of a property rejects the witness with an
/// execution; a proof (its certificate checked by cvc5) confirms that every claim and
/// property holds; otherwise a claim that is not inductive keeps the strict rejection, and
/// invariants that hold but do not imply the property leave the answer open.
void second_opinion(WitnessValidation& v, const ClaimedProgram& claimed, const ir::Program& program,
                    const Options& options, bool property_not_implied) {
  using Status = engines::EngineResult::Status;
  const support::Deadline deadline(driver::engine_budget_s(options.timeout_s));
  const driver::PortfolioOutcome o = driver::search_claimed(program, options, deadline);
  const std::string strict = v.reason;
  if (o.result.status == Status::Safe) {
    v.status = WitnessStatus::Confirmed;
    v.failed.reset();
    v.reason = "every invariant of the witness holds and the property holds (proved by " + o.engine +
               ", certificate checked by cvc5), but the witness is no proof on its own: " + strict;
    return;
  }
  if (o.result.status == Status::Violation && o.result.counterexample) {
    const ir::RawCounterexample& raw = *o.result.counterexample;
    evidence::ReplayResult replayed = evidence::replay(program, raw.edges, raw.havoc_values, raw.violated);
    if (!replayed.confirmed) return;
    const ir::Property& p = program.props.at(raw.violated);
    v.counterexample = replayed.counterexample;
    v.failed.reset();
    if (p.kind == ir::PropertyKind::WitnessClaim) {
      if (const WitnessClaim* c = driver::claim_numbered(claimed, p.claim)) v.failed = *c;
      v.reason = (v.failed ? driver::describe_claim(*v.failed) : p.description) +
                 " is false: the execution below reaches it where it does not hold";
    } else {
      v.reason = "the program is not correct: " + p.description + " at " + p.loc.str() + " fails (execution below)";
    }
    return;
  }
  if (property_not_implied) {
    v.status = WitnessStatus::Unknown;
    v.reason = strict + "; no engine proved the property either (" + o.result.reason + ")";
  }
}

}  // namespace

WitnessValidation validate_correctness_witness(const ClaimedProgram& claimed, const Options& options) {
  WitnessValidation v;
  Answer timing;
  driver::answer_question(timing, [&] {
    const ir::Program program = driver::claimed_ir(claimed, options);
    v.assumptions = program.assumptions;
    if (driver::has_bound(program)) {
      v.reason = "the program needs more inlining than the bounds allow (recursion or size)";
      return;
    }
    std::set<std::uint32_t> loop_claims;
    for (const WitnessClaim& c : claimed.claims)
      if (c.kind == WitnessClaim::Kind::LoopInvariant) loop_claims.insert(c.number);
    const driver::HeadInvariants heads = driver::head_invariants(program, loop_claims);
    if (!heads.unsupported.empty()) {
      v.reason = "a loop invariant cannot be placed at its loop head: " + heads.unsupported;
      return;
    }
    ir::Certificate certificate;
    certificate.invariants = heads.invariants;
    const support::Deadline deadline(options.timeout_s > 0 ? options.timeout_s : 0);
    const evidence::CertificateCheck check = evidence::check_certificate(program, certificate, deadline);
    v.checked = check.obligations_checked;
    if (check.valid) {
      v.status = WitnessStatus::Confirmed;
      v.reason = "cvc5 proved " + std::to_string(check.obligations_checked.size()) +
                 " obligations: the invariants hold initially, are inductive and imply the property";
      return;
    }
    if (check.undecided || !check.failed) {
      v.reason = "the check did not finish: " + check.message;
      return;
    }
    explain_failure(v, claimed, program, heads, *check.failed);
    v.status = WitnessStatus::Rejected;
    second_opinion(v, claimed, program, options, check.failed->prop.has_value());
  });
  if (!timing.reason.empty() && v.reason.empty()) v.reason = timing.reason;
  v.time_ms = timing.time_ms;
  return v;
}

}  // namespace verdict
