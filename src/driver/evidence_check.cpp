#include "driver/evidence_check.h"

#include <cstdio>

#include "evidence/native_replay.h"
#include "evidence/replay.h"

namespace verdict::driver {

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
  if (options.replay_native && program.language == "C") {
    evidence::add_native_replay(program, replayed);
    const auto& confirmations = replayed.counterexample->confirmations;
    const bool contradicted = !confirmations.empty() &&
                              confirmations.back().rfind("native replay did not reproduce", 0) == 0;
    if (contradicted) {
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
