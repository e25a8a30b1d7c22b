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

#include "evidence/termination_certificate.h"
#include "ir/interpreter.h"
#include "ir/program.h"
#include "support/deadline.h"

namespace verdict::evidence {

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

/// The obligations (name, formula that must be unsatisfiable) that the recursive calls of
/// the modular `program` decrease `functions` (per procedure) from a non-negative value:
/// one per path of up to three cut-point steps that ends at such a call, starting from a
/// cut point's invariant. Shared by the recursion ranking search (Z3) and check_ranking
/// (cvc5): the derivation is the certificate's meaning, the solvers differ. A non-empty
/// `only_callers` restricts the obligations to the calls made by those procedures.
std::vector<std::pair<std::string, ir::Term>> recursion_obligations(
    const ir::Program& program, const std::map<std::uint32_t, LinearFunction>& functions,
    const std::map<ir::LocId, ir::Term>& invariants, const std::set<std::uint32_t>& only_callers = {});

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
