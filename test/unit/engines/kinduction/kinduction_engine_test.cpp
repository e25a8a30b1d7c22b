#include "engines/kinduction/kinduction_engine.h"

#include <gtest/gtest.h>

#include "engines/certified.h"
#include "evidence/certificate_check.h"
#include "transform/loop_programs.h"

namespace verdict::engines::kinduction {

namespace {

EngineResult run(const ir::Program& p) {
  KInductionEngine engine;
  return test_support::run_engine(engine, p);
}

using test_support::expect_certified_safe;

}  // namespace

TEST(KInduction, CounterToTen) {
  ir::Program p = testing::counter_to_ten();
  EngineResult r = run(p);
  expect_certified_safe(p, r);
  ASSERT_TRUE(r.proof.has_value());
  EXPECT_EQ(r.proof->method, "k-induction (k = 1) with interval and relational invariants");
  ASSERT_EQ(r.proof->items.size(), 1u);
  EXPECT_EQ(r.proof->items[0].text, "(0 <= i) && (i <= 10)");
  EXPECT_EQ(r.proof->items[0].loc.line, 2u);
}

TEST(KInduction, WhileILessThanN) {
  ir::Program p = testing::count_to_n();
  EngineResult r = run(p);
  expect_certified_safe(p, r);
  EXPECT_GE(r.certificate->k, 1u);  // k = 1 with the relational invariant i <= n, else k = 2
}

TEST(KInduction, StraightLine) {
  ir::Program p = testing::straight_line(false);
  expect_certified_safe(p, run(p));
  EXPECT_EQ(run(testing::straight_line(true)).status, EngineResult::Status::Unknown);
}

TEST(KInduction, NeverProvesTheWrappingCounter) {
  // The violation needs 255 steps, beyond every base case; the step case must fail for
  // every k up to the limit (not a time-out, which would pass without showing anything).
  KInductionEngine engine;
  const EngineResult r = test_support::run_engine(engine, testing::wrapping_counter(), 120);
  EXPECT_EQ(r.status, EngineResult::Status::Unknown);
  EXPECT_EQ(r.reason, "not k-inductive for k <= " + std::to_string(EngineLimits{}.max_k));
}

}  // namespace verdict::engines::kinduction
