// Independent re-checking of termination evidence. A ranking certificate is re-checked
// with cvc5 (its invariants as an ordinary invariant certificate, then per level and per
// segment still in a cycle: non-increase, and strict decrease with a non-negative value
// on the decreasing segments; finally that no cycle is left). A lasso is replayed by the
// IR interpreter (stem, then the loop twice: the whole state must repeat). A recurrent
// set's stem is replayed and its closure re-checked with cvc5.
// Not responsible for finding evidence or deciding the answer.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "ir/termination_evidence.h"
#include "ir/interpreter.h"
#include "ir/program.h"
#include "support/deadline.h"

namespace verdict::evidence {

using ir::CompleteRun;
using ir::LassoWitness;
using ir::LinearFunction;
using ir::RankingCertificate;
using ir::RankingLevel;
using ir::RecurrentSetWitness;

struct TerminationCheck {
  bool valid = false;
  std::string message;                          ///< why not valid; a summary when valid
  std::vector<std::string> obligations_checked;
  ir::Execution stem;                           ///< for witnesses: the replayed stem
  ir::State repeated;                           ///< for a lasso: the state that repeats
};

/// Checks that `certificate` proves that every execution of `program` (the proof view:
/// its Checks must be unreachable) is finite.
TerminationCheck check_ranking(const ir::Program& program, const RankingCertificate& certificate,
                               const support::Deadline& deadline);

/// Checks that `program` (the proof view) has no inputs and that its one execution ends,
/// without reaching any Check's violation, within `run.max_steps` steps.
TerminationCheck check_complete_run(const ir::Program& program, const CompleteRun& run);

/// Replays `lasso` on `program` (the witness view) and confirms that the state at the
/// loop head repeats.
TerminationCheck check_lasso(const ir::Program& program, const LassoWitness& lasso);

/// Replays the stem of `witness` on `program` (the witness view) into the set, and has
/// cvc5 re-check that the set is closed.
TerminationCheck check_recurrent_set(const ir::Program& program, const RecurrentSetWitness& witness,
                                     const support::Deadline& deadline);

}  // namespace verdict::evidence
