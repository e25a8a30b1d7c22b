#include "engines/invariants/interval_analysis.h"

#include <gtest/gtest.h>

#include "engines/invariants/interval_domain.h"
#include "evidence/certificate_check.h"
#include "ir/printer.h"
#include "transform/cutpoints.h"
#include "transform/loop_programs.h"

namespace verdict::engines::invariants {

namespace {

IntervalResult analyse(const ir::Program& p) {
  auto sys = transform::build_cut_point_system(p);
  return interval_invariants(p, sys.cut_points, sys.live, support::Deadline(10));
}

bool certified(const ir::Program& p, const IntervalResult& r) {
  ir::Certificate c;
  c.invariants = r.invariants;
  return evidence::check_certificate(p, c, support::Deadline(20)).valid;
}

}  // namespace

TEST(IntervalDomain, AdditionThatMayWrapGoesToTheWrappedRangeOrTop) {
  auto a = *BvRange::from_unsigned(8, 250, 255);
  auto r = abstract_binary(ir::Op::Add, a, BvRange::constant(8, 1));
  EXPECT_EQ(r.ulo, 0);  // 251..256 straddles 256: unsigned view is top
  EXPECT_EQ(r.uhi, 255);
  auto s = abstract_binary(ir::Op::Add, *BvRange::from_signed(8, 0, 10), BvRange::constant(8, 1));
  EXPECT_EQ(s.slo, 1);
  EXPECT_EQ(s.shi, 11);
  EXPECT_EQ(s.ulo, 1);
  EXPECT_EQ(s.uhi, 11);
}

TEST(IntervalDomain, SignedAndUnsignedViewsReduce) {
  auto r = *BvRange::from_signed(8, -1, -1);
  EXPECT_EQ(r.ulo, 255);
  EXPECT_EQ(r.uhi, 255);
}

TEST(IntervalAnalysis, CounterToTenIsBounded) {
  ir::Program p = testing::counter_to_ten();
  IntervalResult r = analyse(p);
  ASSERT_TRUE(r.completed);
  ASSERT_TRUE(r.invariants.count(1));
  EXPECT_EQ(ir::print_term(r.invariants[1], &p), ir::print_term(
      ir::mk_and(ir::mk_binary(ir::Op::Sle, testing::c32(0), p.var_term(0)),
                 ir::mk_binary(ir::Op::Sle, p.var_term(0), testing::c32(10))), &p));
  EXPECT_TRUE(certified(p, r));  // strong enough: the loop exits with i == 10
}

TEST(IntervalAnalysis, NestedLoopsKeepTheirBoundsThanksToThresholds) {
  ir::Program p = testing::nested_counters();
  IntervalResult r = analyse(p);
  ASSERT_TRUE(r.completed);
  // Outer head: 0 <= a <= 6 and b == 6; strong enough to prove the assertion.
  EXPECT_TRUE(certified(p, r)) << ir::print_term(r.invariants[1], &p);
}

TEST(IntervalAnalysis, WrappingCounterGetsNoWrongBound) {
  ir::Program p = testing::wrapping_counter();
  IntervalResult r = analyse(p);
  ASSERT_TRUE(r.completed);
  // x starts at 1 and is incremented modulo 256: every value is possible.
  EXPECT_FALSE(r.invariants.count(1)) << ir::print_term(r.invariants[1], &p);
}

TEST(IntervalAnalysis, InvariantsAreInductive) {
  for (ir::Program p : {testing::twin_counters(), testing::count_to_n(), testing::wrapping_counter()}) {
    IntervalResult r = analyse(p);
    ir::Certificate c;
    c.invariants = r.invariants;
    // Inductive (initiation + consecution) even if not strong enough for safety.
    auto check = evidence::check_certificate(p, c, support::Deadline(20));
    EXPECT_TRUE(check.valid || check.message.find("safety") != std::string::npos) << check.message;
  }
}

}  // namespace verdict::engines::invariants
