// The k-step unrolling of a cut-point system as IR formulas: state copies per step, the
// cut point each step is at, the transition between consecutive steps, the violation of
// some Check at a step, and the invariants at a step. Shared by k-induction and the
// certificate checker so that both reason about the same formulas. Not responsible for
// solving them or for choosing k.
#pragma once

#include <map>

#include "transform/cutpoints.h"

namespace verdict::transform {

class CutPointUnrolling {
 public:
  CutPointUnrolling(const ir::Program& program, const CutPointSystem& system);

  /// Variable `v` (program or auxiliary) at `step`; step 0 uses the original VarIds.
  [[nodiscard]] ir::Term var(unsigned step, ir::VarId v) const;
  /// `t` (over program and auxiliary variables) with every variable taken at `step`.
  [[nodiscard]] ir::Term at_step(unsigned step, const ir::Term& t) const;
  /// Step `step` is at cut point `loc`.
  [[nodiscard]] ir::Term at(unsigned step, ir::LocId loc) const;
  /// The step's cut-point counter holds a valid cut point.
  [[nodiscard]] ir::Term pc_valid(unsigned step) const;
  /// Some segment leads from the state at `step` to the state at `step + 1`. Variables
  /// that are dead at the target are left unconstrained (an over-approximation that is
  /// exact on everything an execution can observe).
  [[nodiscard]] ir::Term transition(unsigned step) const;
  /// Some Check can be violated on a path leaving the state at `step`.
  [[nodiscard]] ir::Term violation(unsigned step) const;
  /// The invariant of the cut point the state at `step` is at.
  [[nodiscard]] ir::Term invariant(unsigned step, const std::map<ir::LocId, ir::Term>& invariants) const;

 private:
  const ir::Program& program_;
  const CutPointSystem& system_;
  std::map<ir::LocId, unsigned> index_;
  unsigned pc_width_ = 1;
};

}  // namespace verdict::transform
