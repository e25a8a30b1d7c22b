// Native replay: compiles the original C file with a generated harness (see harness.h)
// under gcc's undefined-behaviour sanitizers and runs it on the counterexample's inputs,
// to confirm the violation outside verdict's own semantics; for a Python program, runs the
// file with python3 instead (python_replay.h). Not responsible for the IR
// replay (replay.h), which is what decides whether a counterexample is trusted.
#pragma once

#include <string>

#include "evidence/replay.h"
#include "ir/interpreter.h"
#include "ir/program.h"

namespace verdict::evidence {

struct NativeReplayOptions {
  std::string compiler = "/usr/bin/gcc";
  double compile_timeout_s = 60;
  double run_timeout_s = 5;
};

struct NativeReplayResult {
  enum class Status { Confirmed, NotReproduced, Skipped };
  Status status = Status::Skipped;
  /// One line for Counterexample::confirmations: "confirmed by running the compiled
  /// program: ...", "native replay did not reproduce ...", "native replay skipped: ...".
  std::string message;
  std::string test_source;  ///< the generated harness (empty when none was generated)
};

/// Replays `execution` (an IR run of `program` that ends in a violation) natively.
/// Temporary files are removed before returning.
NativeReplayResult native_replay(const ir::Program& program, const ir::Execution& execution,
                                 const NativeReplayOptions& options = {});

/// Runs the compiled program (with undefined-behaviour sanitizers) on the inputs of
/// `stem`, the start of a non-terminating execution whose loop reads no inputs: confirmed
/// when it is still running after the run time-out; a run that ends contradicts the
/// witness (NotReproduced).
NativeReplayResult native_replay_nontermination(const ir::Program& program, const ir::Execution& stem,
                                                const NativeReplayOptions& options = {});

/// Runs native_replay for a confirmed IR replay and records the outcome in its
/// counterexample (confirmations, replay_test) and returns its status. Does nothing (and
/// returns Skipped) if `replayed` is not confirmed.
NativeReplayResult::Status add_native_replay(const ir::Program& program, ReplayResult& replayed, const NativeReplayOptions& options = {});

}  // namespace verdict::evidence
