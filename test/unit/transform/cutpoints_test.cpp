#include "transform/cutpoints.h"

#include <gtest/gtest.h>

#include "ir/interpreter.h"
#include "transform/loop_programs.h"
#include "transform/term_rewrite.h"

namespace verdict::transform {

TEST(CutPoints, InitAndLoopHead) {
  ir::Program p = testing::counter_to_ten();
  EXPECT_EQ(choose_cut_points(p), (std::vector<ir::LocId>{0, 1}));
}

TEST(CutPoints, AddsBackEdgeTargetsWhenLoopHeadsAreUnmarked) {
  ir::Program p = testing::twin_counters();
  p.locs[1].loop_head = false;
  std::size_t added = 0;
  auto cuts = choose_cut_points(p, &added);
  EXPECT_EQ(added, 1u);
  EXPECT_EQ(cuts.size(), 2u);
}

TEST(CutPoints, SegmentsOfCounter) {
  ir::Program p = testing::counter_to_ten();
  CutPointSystem sys = build_cut_point_system(p);
  ASSERT_EQ(sys.segments.size(), 2u);  // entry -> head, head -> head
  ASSERT_EQ(sys.violations.size(), 1u);
  EXPECT_EQ(sys.violations[0].from, 1u);
  const Segment& loop = sys.segments[1];
  EXPECT_EQ(loop.from, 1u);
  EXPECT_EQ(loop.to, 1u);
  // From i = 3 the loop segment is enabled and gives i = 4.
  ir::State s{ir::Value::of_bv(32, 3)};
  EXPECT_TRUE(ir::evaluate(loop.guard, s).as_bool());
  EXPECT_EQ(ir::evaluate(loop.post[0], s).bits, 4u);
  // The violation needs i >= 10 and i != 10.
  EXPECT_FALSE(ir::evaluate(sys.violations[0].condition, ir::State{ir::Value::of_bv(32, 10)}).as_bool());
  EXPECT_TRUE(ir::evaluate(sys.violations[0].condition, ir::State{ir::Value::of_bv(32, 11)}).as_bool());
}

TEST(CutPoints, HavocsBecomeAuxiliaryVariables) {
  ir::Program p = testing::twin_counters();
  CutPointSystem sys = build_cut_point_system(p);
  ASSERT_EQ(sys.aux_vars.size(), 1u);
  EXPECT_TRUE(sys.aux_vars[0].sort.is_bool());
  // head -> head goes through `body`; merged with head -> (violation) paths.
  bool found = false;
  for (const Segment& s : sys.segments) {
    if (s.from != 1 || s.to != 1) continue;
    found = true;
    std::set<ir::VarId> vars;
    collect_vars(s.guard, vars);
    EXPECT_TRUE(vars.count(3));  // the havoc copy of c
  }
  EXPECT_TRUE(found);
}

TEST(CutPoints, LivenessIgnoresDeadTemporaries) {
  ir::Program p = testing::twin_counters();
  auto live = live_variables(p);
  EXPECT_TRUE(live[1][0]);
  EXPECT_TRUE(live[1][1]);
  EXPECT_FALSE(live[1][2]);  // c is havocked before it is read
}

}  // namespace verdict::transform
