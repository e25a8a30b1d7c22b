// The termination engine: proves that every execution is finite (lexicographic linear
// ranking functions over the cut-point graph, supported by interval, relational and
// Horn-clause invariants: over the integer reading, which holds in C for executions
// without undefined behaviour and over unbounded integers alike, or over bit-vectors with
// undefined behaviour shown unreachable) or finds an execution that is not (a lasso
// whose state repeats, or a closed recurrent set reached by a stem).
// It finds raw evidence; the driver re-checks it and decides the answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engines/engine.h"
#include "ir/termination_evidence.h"
#include "ir/program.h"

namespace verdict::engines::termination {

struct TerminationResult {
  enum class Status { Terminates, NonTerminating, Unknown };
  Status status = Status::Unknown;
  std::optional<ir::RankingCertificate> ranking;
  std::optional<ir::CompleteRun> complete_run;
  std::optional<ir::LassoWitness> lasso;
  std::optional<ir::RecurrentSetWitness> recurrent_set;
  /// For a proof found over the integer reading (transform/integer_reading): `ranking`
  /// is its translation for the defined proof view (executions without undefined
  /// behaviour, in C) and this is the argument over the integer reading itself; each is
  /// re-checked on its own view.
  std::optional<ir::RankingCertificate> integer_ranking;
  /// For a proof over the integer reading: the undefined behaviour (Check properties of
  /// the proof view) that the cheap invariants did not show unreachable; nullopt when
  /// that was not tried (modular programs).
  std::optional<std::vector<ir::PropId>> open_undefined;
  /// The evidence is about the views' `refined` programs (loops split by a condition).
  bool refined = false;
  std::string method;               ///< how the evidence was found
  std::string reason;               ///< for Unknown
  std::vector<std::string> tried;
};

/// The views of one program a termination proof may use (transform/termination_view,
/// transform/integer_reading); their locations and variables correspond one to one.
struct ProofViews {
  /// Undefined behaviour and unmodelled constructs stay Checks: a proof here must show
  /// them unreachable, and then holds in every reading of the program.
  const ir::Program& proof;
  /// Optional: undefined behaviour assumed away (C's termination semantics).
  const ir::Program* defined = nullptr;
  /// Optional: the integer reading. A proof over it, re-checked on `defined`, holds in
  /// C (for executions without undefined behaviour) and over unbounded integers, even
  /// where signed overflow is reachable.
  const ir::Program* integer = nullptr;
  /// Optional: the same views with loops split by a condition their body branches on
  /// (transform/split_loop_heads), tried when the views themselves give no proof;
  /// `refinement` says how they were split.
  const ProofViews* refined = nullptr;
  std::string refinement;
};

/// Searches for a termination proof of `views.proof` (first without, then with the
/// integer reading).
TerminationResult prove_termination(const ProofViews& views, const EngineContext& context);
/// The same with the proof view alone: its Checks (undefined behaviour, unmodelled
/// constructs) must be shown unreachable too.
TerminationResult prove_termination(const ir::Program& program, const EngineContext& context);

/// Searches for a non-terminating execution of `program`, the witness view (every Check
/// an assumption: only executions without undefined behaviour count).
TerminationResult find_nontermination(const ir::Program& program, const EngineContext& context);

}  // namespace verdict::engines::termination
