// Candidate relational invariants per cut point: equalities and orderings between pairs
// of live bit-vector variables of one width (x == y, x <=s y, x <=u y, ...) and, for few
// variables, sums x + y == z. Candidates are guesses: a Houdini filter keeps the
// inductive ones. Not responsible for checking them.
#pragma once

#include <map>
#include <vector>

#include "ir/program.h"

namespace verdict::engines::invariants {

struct CandidateOptions {
  std::size_t max_pair_vars = 16;   ///< no pairs at cut points with more live variables
  std::size_t max_triple_vars = 6;  ///< no sums at cut points with more live variables
};

/// Conjunction of candidates per cut point (init excluded: every state is possible there).
std::map<ir::LocId, ir::Term> relational_candidates(const ir::Program& program, const std::vector<ir::LocId>& cut_points,
                                                    const std::vector<std::vector<bool>>& live,
                                                    const CandidateOptions& options = {});

}  // namespace verdict::engines::invariants
