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

/// Replays `result.counterexample`; on success fills `answer` with verdict no and the
/// counterexample, else leaves a don't know with the reason.
void accept_counterexample(Answer& answer, const ir::Program& program, const Options& options,
                           const engines::EngineResult& result, const std::string& engine);

}  // namespace verdict::driver
