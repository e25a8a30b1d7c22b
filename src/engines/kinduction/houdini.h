// Houdini-style filtering of candidate invariants: splits each cut point's candidate into
// conjuncts and drops, until a fixpoint, every conjunct that is not preserved by some
// segment given the remaining ones (checked with the SMT solver). What remains is
// 1-inductive. Not responsible for producing candidates.
#pragma once

#include <map>

#include "ir/program.h"
#include "support/deadline.h"
#include "transform/cutpoints.h"

namespace verdict::engines::kinduction {

/// The inductive subset of `candidates`; on deadline expiry, an empty map (trivially true).
std::map<ir::LocId, ir::Term> inductive_subset(const ir::Program& program, const transform::CutPointSystem& system,
                                               const std::map<ir::LocId, ir::Term>& candidates,
                                               const support::Deadline& deadline);

}  // namespace verdict::engines::kinduction
