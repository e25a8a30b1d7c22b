// Replay of a counterexample with the IR interpreter, and its presentation as a
// verdict::Counterexample (inputs, trace, violation). A counterexample that does not
// replay is not a counterexample. Not responsible for finding counterexamples (engines)
// nor for running the compiled program (native_replay.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ir/interpreter.h"
#include "ir/program.h"
#include "verdict/answer.h"

namespace verdict::evidence {

struct ReplayResult {
  bool confirmed = false;
  std::string message;                           ///< why it was not confirmed
  std::optional<Counterexample> counterexample;  ///< set when confirmed
  ir::Execution execution;                       ///< the interpreter's run
};

/// The inputs and the trace (source-level assignments) of an interpreter run, without a
/// violation: the start of a counterexample.
Counterexample describe_execution(const ir::Program& program, const ir::Execution& execution);

/// Runs `program` on `havoc_values` following `edges` (as found by an engine) and
/// confirms that the run violates `expected` (a PropId). On success the result carries a
/// Counterexample with inputs, trace and the confirmation "replayed by the IR
/// interpreter: reaches <violation> at file:line".
ReplayResult replay(const ir::Program& program, const std::vector<std::size_t>& edges,
                    const std::vector<ir::Value>& havoc_values, ir::PropId expected);

}  // namespace verdict::evidence
