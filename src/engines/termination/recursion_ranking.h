// Ranking functions for recursion in a modular program: per procedure on a recursive
// cycle of the call graph, a function of its parameters (+-p, +-p +-q, +-p +-q +-r, over the same
// parameter positions in every procedure of the cycle) that every call within the cycle
// decreases from a non-negative value, given the invariants at the calls. Candidates are
// enumerated and each is checked with Z3. Not responsible for loops inside procedures
// (ranking_synthesis) or for the independent re-check.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "ir/termination_evidence.h"
#include "transform/cutpoints.h"
#include "support/deadline.h"

namespace verdict::engines::termination {

/// Per procedure on a recursive cycle: its ranking function; nullopt (with `reason`) if
/// some cycle has none of the enumerated shapes. Empty when nothing recurses.
std::optional<std::map<std::uint32_t, ir::LinearFunction>> rank_recursion(
    const ir::Program& program, const transform::CutPointSystem& system,
    const std::map<ir::LocId, ir::Term>& invariants, const support::Deadline& deadline, std::string& reason);

}  // namespace verdict::engines::termination
