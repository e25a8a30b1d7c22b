// The k-induction engine: over the program's cut-point transition system, it increases k
// and checks the base case (no violation within the first k - 1 steps from init) and the
// step case (k consecutive states satisfying the strengthening invariants, the first
// k - 1 without violation, cannot be followed by a violation). Strengthening invariants
// come from the interval analysis, filtered to an inductive subset. Its limits are
// Options::limits (max_k, and those of the invariant generators). Returns Safe with a
// certificate {invariants, k}; leaves counterexamples to BMC (a failing base case gives
// Unknown). Not responsible for checking its certificate (the driver does, with cvc5).
#pragma once

#include <string>

#include "engines/engine.h"

namespace verdict::engines::kinduction {

class KInductionEngine final : public Engine {
 public:
  [[nodiscard]] std::string name() const override { return "k-induction"; }
  EngineResult run(const ir::Program& program, const EngineContext& context) override;
};

}  // namespace verdict::engines::kinduction
