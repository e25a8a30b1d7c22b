#include "support/scc.h"

#include <gtest/gtest.h>

namespace verdict::support {

TEST(Scc, CyclesAndChains) {
  // 0 -> 1 -> 2 -> 0 is one component; 3 -> 4 is a chain; 5 has a self loop.
  const std::vector<std::vector<std::size_t>> succ = {{1}, {2}, {0, 3}, {4}, {}, {5}};
  const SccResult r = strongly_connected_components(succ);
  EXPECT_EQ(r.count, 4u);
  EXPECT_EQ(r.component[0], r.component[1]);
  EXPECT_EQ(r.component[1], r.component[2]);
  EXPECT_NE(r.component[2], r.component[3]);
  EXPECT_NE(r.component[3], r.component[4]);
  EXPECT_NE(r.component[5], r.component[0]);
}

TEST(Scc, DeepChainDoesNotRecurse) {
  std::vector<std::vector<std::size_t>> succ(200000);
  for (std::size_t i = 0; i + 1 < succ.size(); ++i) succ[i].push_back(i + 1);
  succ.back().push_back(0);
  const SccResult r = strongly_connected_components(succ);
  EXPECT_EQ(r.count, 1u);
}

}  // namespace verdict::support
