// Pass: the program as the termination question sees it. A failing assertion aborts the
// program (the execution ends: it terminates), so assertions become assumptions; how the
// other Check statements are read depends on what is being looked for. Not responsible
// for deciding termination (engines/termination) or for choosing the view (the driver).
#pragma once

#include "ir/program.h"

namespace verdict::transform {

enum class TerminationView {
  /// For proofs of termination: assertions become assumptions; undefined behaviour
  /// (signed overflow, division by zero, bad shifts) and incomplete checks stay Checks,
  /// so that a proof must also show that none of them is reachable.
  Proof,
  /// For proofs that cover the executions without undefined behaviour only (C's
  /// semantics for termination): assertions and undefined behaviour become assumptions;
  /// incomplete checks stay, so that a proof must show them unreachable.
  DefinedProof,
  /// For witnesses of non-termination: every Check becomes an assumption, so that the
  /// executions searched are exactly those without undefined behaviour, without a
  /// failing assertion and without an unmodelled construct.
  Witness,
};

struct TerminationViewStats {
  std::size_t assumed = 0;  ///< Check statements turned into assumptions
  std::size_t kept = 0;     ///< Check statements kept
};

/// Rewrites `program`'s Check statements for `view`.
TerminationViewStats make_termination_view(ir::Program& program, TerminationView view);

}  // namespace verdict::transform
