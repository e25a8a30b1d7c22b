#include "ir/graph.h"

#include <gtest/gtest.h>

namespace verdict::ir {

namespace {

/// init -> a -> b -> exit, with an optional edge b -> a closing a loop.
Program chain(bool with_loop) {
  Program p;
  p.init = p.add_loc("init");
  const LocId a = p.add_loc("a");
  const LocId b = p.add_loc("b");
  p.exit = p.add_loc("exit");
  p.add_edge(p.init, a, {});
  p.add_edge(a, b, {});
  p.add_edge(b, p.exit, {});
  if (with_loop) p.add_edge(b, a, {});
  return p;
}

}  // namespace

TEST(Graph, AcyclicProgramHasNoBackEdges) { EXPECT_TRUE(back_edge_targets(chain(false)).empty()); }

TEST(Graph, LoopHeadIsTheBackEdgeTarget) {
  const auto targets = back_edge_targets(chain(true));
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(*targets.begin(), 1u);  // a
}

TEST(Graph, SkippingTheLoopHeadRemovesTheCycle) {
  EXPECT_TRUE(back_edge_targets(chain(true), [](LocId l) { return l == 1; }).empty());
}

TEST(Graph, PostorderListsSuccessorsFirstAndHonoursStop) {
  const Program p = chain(false);
  EXPECT_EQ(dfs_postorder(p, p.init), (std::vector<LocId>{3, 2, 1, 0}));
  EXPECT_EQ(dfs_postorder(p, p.init, [](LocId l) { return l == 2; }), (std::vector<LocId>{1, 0}));
}

}  // namespace verdict::ir
