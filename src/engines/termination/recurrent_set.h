// Search for closed recurrent sets at a simple loop (a cut point whose cycles all return
// to it directly): from a reachable state s at the loop head, the candidate is the
// conjunction of the atoms true at s (values, signs, parities, orderings of pairs);
// Houdini-style, atoms that some step of the loop does not preserve are dropped until the
// set is closed, and the set must then keep every state inside the loop. This finds
// non-termination whose period is too long for a lasso (wrapping unsigned counters,
// loops without an exit). Not responsible for re-checking (evidence/termination_check).
#pragma once

#include <optional>
#include <string>

#include "engines/engine.h"
#include "engines/termination/lasso_search.h"
#include "ir/termination_evidence.h"
#include "transform/cutpoints.h"

namespace verdict::engines::termination {

/// A recurrent set at `head` of `program` (the witness view) containing the last state of
/// `stem`, or nullopt with `reason` set.
std::optional<ir::RecurrentSetWitness> find_recurrent_set(const ir::Program& program,
                                                                const transform::CutPointSystem& system,
                                                                ir::LocId head, const Stem& stem,
                                                                const support::Deadline& deadline,
                                                                std::string& reason);

/// The signs (< 0, == 0, > 0) of the live integer and signed bit-vector variables at
/// `head` in the last state of `stem`, as a conjunction: a stem avoiding it reaches the
/// loop in another sign pattern (candidates for another recurrent set). True if none.
ir::Term sign_pattern(const ir::Program& program, const transform::CutPointSystem& system, ir::LocId head,
                      const Stem& stem);

}  // namespace verdict::engines::termination
