// Unit tests of the path-splitting passes: conditional assignments inside loops become
// two guarded edges with the same executions; parallel edges get their own endpoints.
#include "transform/split_parallel_edges.h"

#include <gtest/gtest.h>

#include "ir/interpreter.h"
#include "transform/loop_programs.h"

namespace verdict::transform {

namespace {

/// `int x = *, y = *, flag = 1; while (flag != 0) { flag = x < y ? 1 : 0; x = x + 1; }`
/// with the loop at location 1; a conditional assignment before the loop too.
ir::Program flag_loop() {
  ir::Program p;
  const ir::VarId x = p.add_var(testing::bv_var("x", 32, true));
  const ir::VarId y = p.add_var(testing::bv_var("y", 32, true));
  const ir::VarId flag = p.add_var(testing::bv_var("flag", 32, true));
  const ir::Term xv = p.var_term(x), yv = p.var_term(y), fv = p.var_term(flag);
  const ir::LocId l0 = p.add_loc("entry"), head = p.add_loc("head"), done = p.add_loc("exit");
  p.locs[head].loop_head = true;
  const ir::Term less = ir::mk_binary(ir::Op::Slt, xv, yv);
  p.add_edge(l0, head, {ir::Stmt::havoc(x, "x"), ir::Stmt::havoc(y, "y"),
                        ir::Stmt::assign(flag, ir::mk_ite(less, testing::c32(1), testing::c32(1)))});
  p.add_edge(head, head, {ir::Stmt::assume(ir::mk_not(ir::mk_eq(fv, testing::c32(0)))),
                          ir::Stmt::assign(flag, ir::mk_ite(less, testing::c32(1), testing::c32(0))),
                          ir::Stmt::assign(x, ir::mk_binary(ir::Op::Add, xv, testing::c32(1)))});
  p.add_edge(head, done, {ir::Stmt::assume(ir::mk_eq(fv, testing::c32(0)))});
  p.init = l0;
  p.exit = done;
  return p;
}

}  // namespace

TEST(SplitConditionalAssignments, SplitsOnlyInsideLoopsAndKeepsTheExecutions) {
  const ir::Program before = flag_loop();
  ir::Program after = before;
  EXPECT_EQ(split_conditional_assignments(after), 1u);  // the loop's assignment, not the entry's
  EXPECT_EQ(after.edges.size(), before.edges.size() + 1);
  std::size_t self_loops = 0;
  for (const ir::Edge& e : after.edges) self_loops += e.from == 1 && e.to == 1;
  EXPECT_EQ(self_loops, 2u);
  // The same final state from the same inputs, for a few of them (the interpreter picks
  // the one enabled edge of the two).
  for (const auto& [x, y] : std::vector<std::pair<int, int>>{{0, 5}, {7, 3}, {-4, -1}, {9, 9}}) {
    const std::vector<ir::Value> in{ir::Value::of_bv(32, static_cast<std::uint32_t>(x)),
                                    ir::Value::of_bv(32, static_cast<std::uint32_t>(y))};
    const ir::Execution a = ir::run(before, in), b = ir::run(after, in);
    ASSERT_EQ(a.outcome, ir::Execution::Outcome::Exited) << a.message;
    ASSERT_EQ(b.outcome, ir::Execution::Outcome::Exited) << b.message;
    for (ir::VarId v = 0; v < before.vars.size(); ++v) EXPECT_EQ(a.final_state[v].bits, b.final_state[v].bits);
  }
  EXPECT_EQ(split_parallel_edges(after), 1u);
}

}  // namespace verdict::transform
