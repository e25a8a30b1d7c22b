// The invariants a correctness witness's loop claims state, moved to the loop heads. A
// loop claim `__VERDICT_witness_claim(N, e)` stands first in its loop's condition, so each
// path from the loop head meets it before anything else happens; the invariant at the head
// is the weakest precondition of the claims over those paths (the evaluation of `e` and
// its short-circuit branches). Not responsible for checking the invariants (the cvc5
// certificate checker does).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "ir/program.h"

namespace verdict::driver {

struct HeadInvariants {
  std::map<ir::LocId, ir::Term> invariants;           ///< loop head -> invariant
  std::map<ir::LocId, std::set<std::uint32_t>> claims;  ///< loop head -> the claim numbers it states
  std::string unsupported;  ///< non-empty: a loop claim could not be moved to its head (why)
};

/// The loop heads' invariants for the claims numbered in `loop_claims`.
HeadInvariants head_invariants(const ir::Program& program, const std::set<std::uint32_t>& loop_claims);

}  // namespace verdict::driver
