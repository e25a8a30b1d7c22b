// Searches for concrete non-terminating executions with bounded model checking on an
// instrumented copy of the program (the witness view): a monitor may take a snapshot of
// the live state at a loop head, and a check fails when the loop head is reached again in
// the same state — a lasso. Also finds stems: executions that reach a given loop head.
// Not responsible for checking the witnesses (evidence/termination_check does).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engines/engine.h"
#include "ir/termination_evidence.h"
#include "ir/program.h"

namespace verdict::engines::termination {

struct LassoSearch {
  std::optional<ir::LassoWitness> witness;
  std::string reason;  ///< why none was found
};

/// Looks for a lasso through any of `heads` (cut points on cycles of `program`).
LassoSearch find_lasso(const ir::Program& program, const std::vector<ir::LocId>& heads,
                       const EngineContext& context);

/// A concrete execution from init to `head`: its edges and the inputs it consumes.
struct Stem {
  std::vector<std::size_t> edges;
  std::vector<ir::Value> inputs;
};

/// Looks for an execution that reaches `head` in a state where `avoid` (over the
/// program's variables) is false.
std::optional<Stem> find_stem(const ir::Program& program, ir::LocId head, const EngineContext& context,
                              const ir::Term& avoid = ir::mk_false());

}  // namespace verdict::engines::termination
