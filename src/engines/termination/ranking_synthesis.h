// Synthesis of lexicographic linear ranking functions over a program's cut-point graph,
// by counterexample-guided search: coefficients are solved for (linear integer
// arithmetic, Z3; over integers the simplest solution, fewest and smallest
// coefficients) on sampled transitions, then each candidate is checked on the exact
// segments (bit-vectors, or integers for the integer reading) under the supporting
// invariants (Z3), and every failure adds a sample (over integers also a large one, which
// ends a series of candidates each refuted barely). Each level strictly decreases some segments of every remaining cycle (and
// never increases on the others); levels repeat until no cycle remains (Bradley-Manna-
// Sipma / Ben-Amram-Genaim style lexicographic ranking). A component without such a level
// gets a two-phase (nested, Leike-Heizmann) level instead, searched the same way. Not responsible for the supporting invariants
// or for the independent re-check (evidence/termination_check).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ir/termination_evidence.h"
#include "ir/program.h"
#include "support/deadline.h"
#include "transform/cutpoints.h"

namespace verdict::engines::termination {

struct RankingOptions {
  unsigned max_levels = 8;           ///< lexicographic components at most
  unsigned max_rounds = 40;          ///< counterexample rounds per component
  std::int64_t max_constant = std::int64_t{1} << 40;
  /// Largest coefficient magnitude tried (a larger one usually stands for a lexicographic
  /// argument, found as separate levels, and makes the bit-vector checks slow).
  std::int64_t max_coefficient = 16;
  double coefficient_timeout_s = 1.0;  ///< per coefficient problem; harder ones count as unsolvable
  double check_timeout_s = 2.0;        ///< per candidate check; a slower one rejects the candidate
  /// Where a component has no plain level, also search two-phase ones (RankingLevel::phase).
  bool two_phase = true;
  double two_phase_share = 1.0;  ///< of the time left when the two-phase search starts
};

struct RankingSearch {
  bool found = false;
  std::vector<ir::RankingLevel> levels;
  std::string reason;                 ///< why not found
  ir::LocId failed_at = 0;            ///< a cut point of the cycle left without a ranking function
  unsigned rounds = 0;                ///< counterexample rounds in total
};

/// Ranking levels proving that no execution of `program` stays forever in a cycle of its
/// cut-point graph, given `invariants` (assumed to hold: they are checked separately).
RankingSearch synthesize_ranking(const ir::Program& program, const transform::CutPointSystem& system,
                                 const std::map<ir::LocId, ir::Term>& invariants, const support::Deadline& deadline,
                                 const RankingOptions& options = {});

}  // namespace verdict::engines::termination
