// Bounded model checking: unrolls the program breadth-first into a DAG of
// (location, depth) nodes with merged states, and asks Z3 at each new depth whether a
// property can fail there, so the shortest counterexample is found first. When every
// path ends within the bound the search is exhaustive and proves the properties.
// Not responsible for confirming its counterexamples (evidence/replay does that).
#pragma once

#include <string>

#include "engines/engine.h"

namespace verdict::engines::bmc {

struct BmcOptions {
  /// Query the reachability of the open nodes at depths 1, 2, 4, ... and every this many
  /// steps, to detect that all remaining paths are infeasible (exhaustive early).
  unsigned frontier_check_period = 64;
  /// For programs over bit-vectors and booleans only, use Z3's QF_BV solver
  /// (incremental bit-blasting to SAT) instead of its general SMT core.
  bool use_qf_bv_solver = true;
  /// Write every solver query to `<dump_prefix><n>.smt2` when non-empty.
  std::string dump_prefix;
};

class BmcEngine final : public Engine {
 public:
  explicit BmcEngine(BmcOptions options = {}) : options_(std::move(options)) {}
  [[nodiscard]] std::string name() const override { return "bmc"; }
  EngineResult run(const ir::Program& program, const EngineContext& context) override;

 private:
  BmcOptions options_;
};

}  // namespace verdict::engines::bmc
