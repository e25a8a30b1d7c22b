// The invariant checker's own derivation of proof obligations from the IR, written to be
// independent of the engines' cut-point summaries (transform/cutpoints): one bug there
// must not fool both an engine and its checker. Deliberately simple: the annotated
// locations (every location with a given invariant, the initial location, and every
// target of a back edge of a depth-first search from each location, annotated with
// `true` if it has no invariant) split the program into loop-free blocks; each block is
// executed symbolically statement by statement, states meeting at a location merged by
// if-then-else, with no liveness or slicing optimisation. Only the IR (terms, statements,
// their semantics) is shared with the engines. Not responsible for discharging the
// obligations (cvc5_prove) or for programs with procedures or k-induction. Also derives
// the obligations of bounded certificates (every execution ends within a bound).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ir/program.h"

namespace verdict::evidence {

struct Obligation {
  std::string name;  ///< "consecution loop (line 4) -> exit"
  ir::Term formula;  ///< proved when unsatisfiable
  /// What it is about, as data: the block's start and end (initiation: init, init), and
  /// for a safety obligation the Check's property.
  ir::LocId from = 0;
  ir::LocId to = 0;
  std::optional<ir::PropId> prop = {};
};

struct BlockObligations {
  std::vector<Obligation> initiation_and_consecution;
  std::vector<Obligation> safety;  ///< one per Check statement: it cannot fail
  /// Non-empty when the program is outside what this derivation covers (calls).
  std::string unsupported;
};

/// The obligations that make a bounded certificate valid: no execution of `program` from
/// init takes more than `bound` edges (initiation_and_consecution holds that one), and no
/// Check fails within them (safety, one obligation over all depths). The program is
/// unrolled edge by edge from init, the states meeting at a location and depth merged as
/// in blocks.
BlockObligations bounded_obligations(const ir::Program& program, unsigned bound);

/// The obligations that make `invariants` (location -> boolean term over the program's
/// variables; `true` where absent) an inductive invariant of `program` that excludes every
/// Check's violation.
BlockObligations block_obligations(const ir::Program& program, const std::map<ir::LocId, ir::Term>& invariants);

}  // namespace verdict::evidence
