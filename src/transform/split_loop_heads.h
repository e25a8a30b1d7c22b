// Control-flow refinement for ranking arguments (as partial evaluation refines loops in
// iRankFinder, Domenech, Gallagher and Genaim, 2019): a loop whose body branches on a
// condition of the values its head holds is duplicated, one copy entered when the
// condition holds at the head and one when it does not. A ranking function is linear per
// location; on the copies it can differ with the condition, which makes piecewise
// arguments linear (|x - k| as k - x below k and x - k above it; "q while q < p, else p").
// The copies are identical sub-automata and every edge into the head goes to exactly one
// of them, so the executions of the split program and of the original correspond one to
// one: semantics unchanged. Not responsible for finding ranking functions.
#pragma once

#include <string>
#include <vector>

#include "ir/program.h"

namespace verdict::transform {

/// One loop to split: its head and the condition (over variables that the loop assigns
/// only on the edges back to its head, so it has the same value anywhere in the body).
struct LoopSplit {
  ir::LocId head = 0;
  ir::Term condition;
  SourceLocation where;  ///< the branch that tests the condition
};

/// The loops worth splitting: innermost loops of an inlined program whose body branches
/// on such a condition with both outcomes staying in the loop (the first such condition
/// of each). Empty for a modular program.
std::vector<LoopSplit> choose_loop_splits(const ir::Program& program);

/// Applies `splits` (chosen on this program or on one with the same locations and
/// variables, e.g. another termination view of it). Returns, per split, the head of the
/// copy entered when the condition is false (the original head is the other copy's).
std::vector<ir::LocId> split_loop_heads(ir::Program& program, const std::vector<LoopSplit>& splits);

/// "the loop at line 4 split by the condition at line 5", one phrase per split.
std::string describe_splits(const ir::Program& program, const std::vector<LoopSplit>& splits);

}  // namespace verdict::transform
