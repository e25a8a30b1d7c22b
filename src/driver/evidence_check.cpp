#include "driver/evidence_check.h"

#include <cstdio>

#include <algorithm>

#include "evidence/certificate_check.h"
#include "evidence/certificate_proof.h"
#include "evidence/native_replay.h"
#include "evidence/replay.h"

namespace verdict::driver {

namespace {

void downgrade(engines::EngineResult& result, const std::string& reason) {
  std::fprintf(stderr, "verdict: %s\n", reason.c_str());
  result.status = engines::EngineResult::Status::Unknown;
  result.reason = reason;
  result.counterexample.reset();
  result.proof.reset();
  result.certificate.reset();
}

void vet_violation(engines::EngineResult& result, const std::string& engine, const ir::Program& program) {
  if (!result.counterexample) {
    downgrade(result, "internal error: engine " + engine + " reported a violation without a counterexample");
    return;
  }
  const engines::RawCounterexample& raw = *result.counterexample;
  const evidence::ReplayResult replayed = evidence::replay(program, raw.edges, raw.havoc_values, raw.violated);
  if (!replayed.confirmed)
    downgrade(result, "internal error: the counterexample of engine " + engine +
                          " did not replay in the IR interpreter (" + replayed.message + ")");
}

void vet_proof(engines::EngineResult& result, const std::string& engine, const ir::Program& program,
               const support::Deadline& deadline) {
  if (!result.certificate) {
    downgrade(result, "engine " + engine + " found a proof without an independently checkable certificate");
    return;
  }
  // The check gets its own time budget: a proof found just before the deadline is
  // still worth checking, and cancellation of the portfolio must not stop it.
  const support::Deadline check_deadline(std::max(1.0, deadline.remaining_ms() / 1000.0));
  const evidence::CertificateCheck check = evidence::check_certificate(program, *result.certificate, check_deadline);
  if (!check.valid) {
    // A wrong certificate is a bug of the engine; an undecided check is only a limit.
    downgrade(result, !check.undecided ? "internal error: the certificate of engine " + engine +
                                          " failed the cvc5 check (" + check.message + "); the proof is not trusted"
                                    : "the cvc5 check of engine " + engine + "'s certificate did not finish (" +
                                          check.message + "); the proof is not trusted");
    return;
  }
  if (!result.proof) result.proof = Proof{};
  // The proof shows the checked invariants, except at init: execution starts there in any
  // state, so a valid certificate's invariant there holds in every state and says nothing.
  std::map<ir::LocId, ir::Term> shown = result.certificate->invariants;
  shown.erase(program.init);
  std::vector<ProofItem> items = evidence::invariant_items(program, shown);
  result.proof->items.insert(result.proof->items.end(), items.begin(), items.end());
  const std::vector<LoopInvariant> loops = evidence::loop_invariants(program, result.certificate->invariants);
  result.proof->loop_invariants.insert(result.proof->loop_invariants.end(), loops.begin(), loops.end());
  result.proof->checked_by.push_back("cvc5 re-checked " + std::to_string(check.obligations_checked.size()) +
                                     " proof obligations (" + check.message + ")");
}

}  // namespace

void vet_result(engines::EngineResult& result, const std::string& engine, const ir::Program& program,
                const support::Deadline& deadline) {
  using Status = engines::EngineResult::Status;
  if (result.status == Status::Violation) vet_violation(result, engine, program);
  else if (result.status == Status::Safe) vet_proof(result, engine, program, deadline);
}

engines::CandidateChecker candidate_checker() {
  return [](const ir::Program& program, const engines::Certificate& certificate, const support::Deadline& deadline) {
    const evidence::CertificateCheck check = evidence::check_certificate(program, certificate, deadline);
    return engines::CandidateCheck{check.valid, check.message};
  };
}

void accept_counterexample(Answer& answer, const ir::Program& program, const Options& options,
                           const engines::EngineResult& result, const std::string& engine) {
  answer.verdict = Verdict::DontKnow;
  if (!result.counterexample) {
    answer.reason = "internal error: engine " + engine + " reported a violation without a counterexample";
    std::fprintf(stderr, "verdict: %s\n", answer.reason.c_str());
    return;
  }
  const engines::RawCounterexample& raw = *result.counterexample;
  evidence::ReplayResult replayed = evidence::replay(program, raw.edges, raw.havoc_values, raw.violated);
  if (!replayed.confirmed || !replayed.counterexample) {
    answer.reason = "internal error: the counterexample of engine " + engine +
                    " did not replay in the IR interpreter (" + replayed.message + "); no answer is given";
    std::fprintf(stderr, "verdict: %s\n", answer.reason.c_str());
    return;
  }
  if (options.replay_native) {
    const auto native = evidence::add_native_replay(program, replayed);
    const auto& confirmations = replayed.counterexample->confirmations;
    if (native == evidence::NativeReplayResult::Status::NotReproduced) {
      // The compiled program disagrees with our model of it: trust neither.
      answer.reason = "the counterexample replays in verdict's model of the program but not in the compiled "
                      "program (" + confirmations.back() + "); no answer is given";
      answer.evidence.counterexample = replayed.counterexample;
      return;
    }
  }
  answer.verdict = Verdict::No;
  answer.engine = engine;
  answer.evidence.counterexample = replayed.counterexample;
}

}  // namespace verdict::driver
