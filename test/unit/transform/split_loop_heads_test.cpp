// Unit tests of the control-flow refinement for ranking arguments: which condition a loop
// is split by, and that the split program has exactly the original's executions.
#include "transform/split_loop_heads.h"

#include <gtest/gtest.h>

#include "frontend/c/c_frontend.h"
#include "ir/interpreter.h"
#include "temp_source.h"

namespace verdict::transform {

namespace {

ir::Program translate(const std::string& code) {
  frontend::c::CFrontendOptions options;
  options.entry = "f";
  return frontend::c::translate_file(testing::write_temp_source(code), options);
}

std::size_t loop_heads(const ir::Program& p) {
  std::size_t n = 0;
  for (const ir::Location& l : p.locs) n += l.loop_head;
  return n;
}

}  // namespace

TEST(SplitLoopHeads, SplitsByTheBodysBranchNotByTheLoopCondition) {
  // The loop condition's short-circuit branches both stay in the loop too; the split is
  // by the body's `q < p` (line 4), the condition the piecewise argument needs.
  const ir::Program p = translate(
      "int nd(void);\n"
      "void f(int q, int p) {\n"
      "  while (q > 0 && p > 0) {\n"
      "    if (q < p) { q = q - 1; p = nd(); }\n"
      "    else if (p < q) { p = p - 1; q = nd(); }\n"
      "    else break;\n"
      "  }\n"
      "}\n");
  const std::vector<LoopSplit> splits = choose_loop_splits(p);
  ASSERT_EQ(splits.size(), 1u);
  EXPECT_EQ(splits[0].where.line, 4u);
  EXPECT_NE(describe_splits(p, splits).find("split by the condition at line 4"), std::string::npos);
}

TEST(SplitLoopHeads, LoopsWithoutABranchOnFixedValuesAreNotSplit) {
  // `x > 0` tests a value the body has just changed: no split.
  EXPECT_TRUE(choose_loop_splits(translate("void f(int n) { int x = n; while (n > 0) { x = x - 1; if (x > 0) n--; else n -= 2; } }"))
                  .empty());
  EXPECT_TRUE(choose_loop_splits(translate("void f(int n) { while (n > 0) n--; }")).empty());
}

TEST(SplitLoopHeads, TheSplitProgramHasTheSameExecutions) {
  // |x - k| decreases; with a step of 2 the loop can also run forever (x - k odd), which
  // the interpreter sees as running out of steps in both programs alike.
  const ir::Program before = translate(
      "void f(signed char x, signed char k) {\n"
      "  int steps = 0;\n"
      "  while (x != k) {\n"
      "    if (x > k) x = x - 2; else x = x + 2;\n"
      "    steps = steps + 1;\n"
      "  }\n"
      "}\n");
  const std::vector<LoopSplit> splits = choose_loop_splits(before);
  ASSERT_EQ(splits.size(), 1u);
  ir::Program after = before;
  const std::vector<ir::LocId> copies = split_loop_heads(after, splits);
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_TRUE(after.locs.at(copies[0]).loop_head);
  EXPECT_EQ(loop_heads(after), loop_heads(before) + 1);
  ir::RunLimits limits;
  limits.max_steps = 3000;  // the longest ending run takes about 130 iterations
  std::size_t exited = 0, endless = 0;
  for (int x = -128; x < 128; x += 7) {
    for (int k = -128; k < 128; k += 11) {
      const std::vector<ir::Value> in{ir::Value::of_bv(8, static_cast<std::uint8_t>(x)),
                                      ir::Value::of_bv(8, static_cast<std::uint8_t>(k))};
      const ir::Execution a = ir::run(before, in, limits), b = ir::run(after, in, limits);
      ASSERT_EQ(a.outcome, b.outcome) << "x=" << x << " k=" << k;
      if (a.outcome != ir::Execution::Outcome::Exited) {
        ++endless;
        continue;
      }
      ++exited;
      for (ir::VarId v = 0; v < before.vars.size(); ++v)
        ASSERT_EQ(a.final_state[v].bits, b.final_state[v].bits) << before.vars[v].name << " x=" << x << " k=" << k;
    }
  }
  EXPECT_GT(exited, 0u);
  EXPECT_GT(endless, 0u);
}

}  // namespace verdict::transform
