// The termination engine: proves that every execution is finite (lexicographic linear
// ranking functions over the cut-point graph, supported by interval, relational and
// Horn-clause invariants that also exclude undefined behaviour) or finds an execution
// that is not (a lasso whose state repeats, or a closed recurrent set reached by a stem).
// It finds raw evidence; the driver re-checks it and decides the answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engines/engine.h"
#include "evidence/termination_certificate.h"
#include "ir/program.h"

namespace verdict::engines::termination {

struct TerminationResult {
  enum class Status { Terminates, NonTerminating, Unknown };
  Status status = Status::Unknown;
  std::optional<evidence::RankingCertificate> ranking;
  std::optional<evidence::CompleteRun> complete_run;
  std::optional<evidence::LassoWitness> lasso;
  std::optional<evidence::RecurrentSetWitness> recurrent_set;
  std::string method;               ///< how the evidence was found
  std::string reason;               ///< for Unknown
  std::vector<std::string> tried;
};

/// Searches for a termination proof of `program`, the proof view (transform/
/// termination_view): its Checks (undefined behaviour, unmodelled constructs) must be
/// shown unreachable too.
TerminationResult prove_termination(const ir::Program& program, const EngineContext& context);

/// Searches for a non-terminating execution of `program`, the witness view (every Check
/// an assumption: only executions without undefined behaviour count).
TerminationResult find_nontermination(const ir::Program& program, const EngineContext& context);

}  // namespace verdict::engines::termination
