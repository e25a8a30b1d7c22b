// Native replay of a Python program: a generated script loads the original file as a
// module (its `if __name__ == "__main__":` block does not run), calls the entry with the
// counterexample's inputs and reports the exception that escapes; python3 runs it. Not
// responsible for the IR replay (replay.h), which decides whether a counterexample is trusted.
#pragma once

#include <string>

#include "evidence/native_replay.h"
#include "ir/interpreter.h"
#include "ir/program.h"

namespace verdict::evidence {

/// The replay script for calling `call` (e.g. "g2(5, 0)") of the module at `path`.
std::string python_replay_script(const std::string& path, const std::string& call);

/// Runs the entry on the inputs of `execution` (a run ending in a violation): confirmed
/// when the exception the violated property names escapes (AssertionError for an assertion).
NativeReplayResult python_replay(const ir::Program& program, const ir::Execution& execution, double run_timeout_s);

/// Runs the entry on the inputs of `stem` (the start of a non-terminating run): confirmed
/// when it is still running after `run_timeout_s`.
NativeReplayResult python_replay_nontermination(const ir::Program& program, const ir::Execution& stem,
                                                double run_timeout_s);

}  // namespace verdict::evidence
