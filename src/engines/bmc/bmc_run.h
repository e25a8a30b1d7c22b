// One run of the BMC engine on one program: the deepening loop, the solver queries and
// the construction of results. Private to engines/bmc. Not responsible for the
// unrolling itself (unroller.h).
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engines/bmc/bmc_engine.h"
#include "engines/bmc/unroller.h"

namespace verdict::engines::bmc {

/// True for Unsupported and BoundReached checks (reaching them means don't know).
bool is_incomplete(const ir::Program& p, ir::PropId prop);
/// The zero value of a sort as a term.
ir::Term zero_of(const ir::Sort& s);

/// One run of the BMC engine on one program.
class BmcRun {
 public:
  BmcRun(const ir::Program& p, const EngineContext& ctx, const BmcOptions& o)
      : p_(p), ctx_(ctx), options_(o), solver_(make_solver(p, o)), unroller_(p, *solver_) {}

  EngineResult run();

 private:
  enum class Found { Yes, No, GaveUp };

  static std::unique_ptr<smt::Solver> make_solver(const ir::Program& p, const BmcOptions& o) {
    smt::SolverOptions so;
    bool bit_vectors_only = true;
    for (const ir::Variable& v : p.vars) bit_vectors_only = bit_vectors_only && (v.sort.is_bv() || v.sort.is_bool());
    if (bit_vectors_only && o.use_qf_bv_solver) so.logic = "QF_BV";
    auto s = smt::make_z3_solver(so);
    if (!o.dump_prefix.empty()) s = smt::make_logging_solver(std::move(s), o.dump_prefix);
    return s;
  }
  unsigned depth() const { return unroller_.depth(); }
  Found query_real(std::size_t from, std::size_t to);
  void query_incomplete(std::size_t from, std::size_t to);
  bool frontier_infeasible();
  smt::SatResult check_any(const std::vector<ir::Term>& formulas, const ir::Term& extra = {});
  std::optional<RawCounterexample> extract(const CheckInstance& inst);
  bool prefer_zero_initial_values();
  EngineResult violation(const CheckInstance& inst);
  EngineResult exhaustive();
  EngineResult unknown(std::string reason);
  /// Unknown after a solver query that did not finish.
  EngineResult gave_up();
  /// "time limit reached after exploring N steps" (or "cancelled ..." by the portfolio).
  std::string stopped_reason() const;
  /// True if the program's control-flow automaton has no cycle.
  bool acyclic() const;
  std::vector<PropertyStatus> statuses();
  std::string incomplete_reason() const;
  void add_stats(EngineResult& r) const;

  const ir::Program& p_;
  const EngineContext& ctx_;
  const BmcOptions& options_;
  std::unique_ptr<smt::Solver> solver_;
  Unroller unroller_;
  ir::Term active_;                               ///< the literal of the last check_any
  std::optional<std::size_t> found_;          ///< violated instance
  std::vector<std::size_t> incomplete_;       ///< incomplete instances that may be reached
  std::set<ir::PropId> incomplete_props_;
};

}  // namespace verdict::engines::bmc
