// The driver's acceptance of engine evidence: a counterexample is believed only after
// the IR interpreter replays it (and, for C, the compiled program does not contradict
// it); a proof only after its certificate is re-checked independently.
// Not responsible for finding evidence (engines/) or its mechanics (evidence/).
#pragma once

#include <string>

#include "engines/engine.h"
#include "ir/program.h"
#include "verdict/answer.h"
#include "verdict/options.h"

namespace verdict::driver {

/// The portfolio's vetting of a decisive result, run in the engine's thread: a Violation
/// must replay in the IR interpreter; a Safe result must carry a certificate that cvc5
/// re-checks (its Proof then lists the check and shows the invariants). Failures become Unknown with the reason,
/// logged as internal errors on stderr.
void vet_result(engines::EngineResult& result, const std::string& engine, const ir::Program& program,
                const support::Deadline& deadline);

/// The independent certificate check (cvc5) that engines may ask for a candidate.
engines::CandidateChecker candidate_checker();

/// Replays `result.counterexample`; on success fills `answer` with verdict no and the
/// counterexample, else leaves a don't know with the reason.
void accept_counterexample(Answer& answer, const ir::Program& program, const Options& options,
                           const engines::EngineResult& result, const std::string& engine);

}  // namespace verdict::driver
