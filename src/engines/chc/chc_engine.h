// The CHC engine: writes the program's cut-point transition system as constrained Horn
// clauses (one predicate per cut point over its live variables, bit-precise sorts) and
// asks Z3's Spacer for a solution; the solution's interpretations are the inductive
// invariants of a Safe result's certificate. A reachable query gives Unknown (BMC finds
// and replays counterexamples). Not responsible for checking its certificate.
#pragma once

#include <string>

#include "engines/engine.h"
#include "smt/chc.h"
#include "transform/cutpoints.h"

namespace verdict::engines::chc {

/// The Horn clauses of a cut-point system: predicate i belongs to system.cut_points[i].
smt::HornSystem horn_clauses(const ir::Program& program, const transform::CutPointSystem& system);

class ChcEngine final : public Engine {
 public:
  [[nodiscard]] std::string name() const override { return "chc"; }
  EngineResult run(const ir::Program& program, const EngineContext& context) override;
};

}  // namespace verdict::engines::chc
