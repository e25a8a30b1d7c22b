// Generation of a C test harness that feeds a counterexample's inputs to the original C
// file: definitions of the __VERIFIER_nondet_* functions the file declares but does not
// define (returning the recorded values in order), a main that calls the entry with the
// recorded parameter values, and detection of reach_error() calls. Not responsible for
// compiling or running it (native_replay.h).
#pragma once

#include <string>
#include <vector>

#include "ir/interpreter.h"
#include "ir/program.h"

namespace verdict::evidence {

struct Harness {
  std::string source;                      ///< the harness translation unit
  std::vector<std::string> compile_flags;  ///< extra flags for the original file (-Dmain=...)
  std::string skip_reason;                 ///< non-empty: no faithful harness is possible
};

/// Exit status of the harness when reach_error() is called / an assumption fails.
constexpr int kReachErrorExit = 77;
constexpr int kAssumeFailedExit = 78;

/// The gcc flags of a native replay (besides -std=gnu11 -w -g and the files): for
/// no-overflow, the undefined-behaviour sanitizers; for unreach-call, -fwrapv (verdict's
/// model of C lets signed arithmetic wrap when only reachability is asked), both with
/// -finstrument-functions for the reach_error() detection.
std::vector<std::string> replay_flags(ir::PropertyClass property_class);

/// The harness for replaying `execution` (a run of `program`, built from the C source
/// `file_text`) natively.
Harness make_harness(const ir::Program& program, const std::string& file_text, const ir::Execution& execution);

}  // namespace verdict::evidence
