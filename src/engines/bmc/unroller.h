// The unrolling of a program into a DAG of nodes (location, depth) for BMC: executes
// edges symbolically from each node, merges the states that meet at a node, and records
// every Check instance with its reach and violation formulas. Definitions of the fresh
// symbols it creates are asserted into the given solver. Not responsible for deciding
// what to query or for building results (see bmc_engine.cpp).
#pragma once

#include <cstddef>
#include <map>
#include <utility>
#include <vector>

#include "engines/bmc/symbolic_state.h"
#include "ir/program.h"
#include "smt/solver.h"
#include "support/deadline.h"

namespace verdict::engines::bmc {

/// One node: a location reached after exactly `depth` edges.
struct Node {
  ir::LocId loc = 0;
  unsigned depth = 0;
  ir::Term reach;                    ///< true iff an execution is at this node
  SymbolicState state;
  std::vector<std::size_t> incoming;  ///< indices of steps
};

/// One symbolic execution of an edge from a node.
struct Step {
  std::size_t from = 0;  ///< node
  std::size_t edge = 0;
  std::size_t to = 0;    ///< node (set when the step completes the edge)
  ir::Term pc_end;       ///< the execution takes this whole edge from `from`
  SymbolicState state_end;
  std::vector<std::pair<std::size_t, ir::Term>> havocs;  ///< (statement index, symbol)
};

/// One Check statement executed at one step.
struct CheckInstance {
  ir::PropId prop = 0;
  std::size_t step = 0;
  std::size_t stmt = 0;
  unsigned depth = 0;   ///< the depth of the step (1 for edges leaving init)
  ir::Term reach;       ///< the execution reaches the Check
  ir::Term violation;   ///< ... and its condition is false
};

class Unroller {
 public:
  Unroller(const ir::Program& program, smt::Solver& solver);

  /// Builds the nodes of the next depth from the open nodes, appending the new Check
  /// instances to instances(). False if `deadline` expired on the way: the unrolling is
  /// then incomplete and must not be used further.
  bool expand(const support::Deadline& deadline);
  /// Nodes at the deepest level that still have outgoing edges.
  [[nodiscard]] const std::vector<std::size_t>& open() const { return open_; }
  [[nodiscard]] unsigned depth() const { return depth_; }
  [[nodiscard]] const std::vector<Node>& nodes() const { return nodes_; }
  [[nodiscard]] const std::vector<Step>& steps() const { return steps_; }
  [[nodiscard]] const std::vector<CheckInstance>& instances() const { return instances_; }
  /// Symbols for the variables' initial values (arbitrary at init).
  [[nodiscard]] const std::vector<ir::Term>& initial_symbols() const { return initial_; }
  [[nodiscard]] ir::Term fresh(const ir::Sort& sort) { return ir::mk_var(next_symbol_++, sort); }

 private:
  void execute_edges(std::size_t node, std::map<ir::LocId, std::vector<std::size_t>>& arrivals);
  bool execute(std::size_t step, const ir::Term& guard);
  std::size_t make_node(ir::LocId loc, const std::vector<std::size_t>& arrivals);
  SymbolicState merge(const std::vector<std::size_t>& arrivals);
  bool deterministic(const std::vector<std::size_t>& out) const;

  const ir::Program& p_;
  smt::Solver& solver_;
  ir::VarId next_symbol_ = 0;
  unsigned depth_ = 0;
  std::vector<ir::Term> initial_;
  std::vector<Node> nodes_;
  std::vector<Step> steps_;
  std::vector<CheckInstance> instances_;
  std::vector<std::size_t> open_;
};

}  // namespace verdict::engines::bmc
