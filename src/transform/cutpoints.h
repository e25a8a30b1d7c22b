// Cut-point summaries: chooses locations that cut every cycle of a program's CFA (init,
// the loop heads, DFS back-edge targets) and summarises, for each cut point A, all
// loop-free paths to the next cut points as IR terms: a guard and the post-state of every
// variable (paths merged at join points with ite), plus a violation formula per Check met
// on the way. Havoc statements become fresh auxiliary variables. This is the one
// definition of a program's step semantics shared by the proof engines and the
// certificate checker. Not responsible for solving or for choosing invariants.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "ir/program.h"

namespace verdict::transform {

/// All loop-free paths from cut point `from` to cut point `to`.
/// Pre-state variables are the program's own VarIds; auxiliary (havoc) variables have
/// VarIds >= program.vars.size().
struct Segment {
  ir::LocId from = 0;
  ir::LocId to = 0;
  ir::Term guard;               ///< some path from `from` to `to` is enabled
  std::vector<ir::Term> post;   ///< value of each program variable on arrival at `to`
};

/// The paths from cut point `from` that reach Check `prop` (at `loc`) and violate it.
struct ViolationPath {
  ir::LocId from = 0;
  ir::PropId prop = 0;
  SourceLocation loc;
  ir::Term condition;  ///< over pre-state and auxiliary variables
};

/// A Call edge of a modular program; its source and target are cut points of the caller.
struct CallSegment {
  ir::LocId from = 0;
  ir::LocId to = 0;
  std::uint32_t callee = 0;
  std::vector<ir::Term> args;    ///< over the caller's state at `from`
  std::vector<ir::VarId> outs;   ///< caller variables set from the callee's results
  SourceLocation loc;
  /// The callee's other variables that are live at its entry or exit (its results among
  /// them), as auxiliary variables of this call: its invariants there are instantiated at
  /// this call with params := args and these in place of the callee's own variables.
  std::map<ir::VarId, ir::VarId> frame;

  /// The callee's variable `v` at this call: its argument for a parameter, its frame copy
  /// for another variable; an invalid Term for a variable without a value here.
  [[nodiscard]] ir::Term at_call(const ir::Program& program, ir::VarId v) const;
};

struct CutPointStats {
  std::size_t cut_points = 0;
  std::size_t added_beyond_loop_heads = 0;
  std::size_t segments = 0;
  std::size_t violation_paths = 0;
};

/// The program as a transition system over its cut points.
struct CutPointSystem {
  std::size_t num_program_vars = 0;
  std::vector<ir::LocId> cut_points;       ///< sorted; includes program.init
  std::vector<bool> is_cut;                ///< per location
  std::vector<ir::Variable> aux_vars;      ///< VarId num_program_vars + i
  std::vector<Segment> segments;
  std::vector<CallSegment> calls;
  std::vector<ViolationPath> violations;
  /// Per cut point: the variables that may be read before written from there, and in a
  /// procedure also its parameters (and at its exit its results), so that predicates
  /// there can relate the state to the call's arguments (empty vectors elsewhere).
  std::vector<std::vector<bool>> live;
  CutPointStats stats;

  [[nodiscard]] std::size_t num_vars() const { return num_program_vars + aux_vars.size(); }
  [[nodiscard]] ir::Sort sort_of(ir::VarId v, const ir::Program& p) const {
    return v < num_program_vars ? p.vars.at(v).sort : aux_vars.at(v - num_program_vars).sort;
  }
  /// The live program variables at `loc`, in increasing order.
  [[nodiscard]] std::vector<ir::VarId> live_vars(ir::LocId loc) const;
};

/// Which locations become cut points.
enum class CutPointChoice {
  LoopHeads,          ///< init, loop heads, back-edge targets (the fewest segments)
  /// Also every location on a cycle of the CFA: each segment is then one path, so that
  /// arguments can distinguish the paths through a loop body (termination proofs).
  EveryLoopLocation,
};

/// Locations that cut every cycle reachable from init: init, the loop heads, and the
/// targets of DFS back edges (added when the loop-head marks miss a cycle); in a modular
/// program also every procedure's entry and exit and both ends of every call edge.
std::vector<ir::LocId> choose_cut_points(const ir::Program& program, std::size_t* added = nullptr,
                                        CutPointChoice choice = CutPointChoice::LoopHeads);

/// Builds the summaries. Throws nothing; a program without cycles gets one cut point.
CutPointSystem build_cut_point_system(const ir::Program& program,
                                      CutPointChoice choice = CutPointChoice::LoopHeads);

/// One segment per call of a modular program, from its source to its target, for
/// arguments about the caller's own steps (loops around calls): the callee returns, the
/// call's outputs take the callee's results (its frame variables, unconstrained), and
/// every other variable keeps its value. Termination arguments add these to `segments`;
/// that the callee returns at all is argued separately (recursion).
std::vector<Segment> call_return_segments(const ir::Program& program, const CutPointSystem& system);

/// Live variables per location (backward data flow over all edges); only the locations
/// marked in `wanted` get their set (all when `wanted` is empty).
std::vector<std::vector<bool>> live_variables(const ir::Program& program, const std::vector<bool>& wanted = {});

}  // namespace verdict::transform
