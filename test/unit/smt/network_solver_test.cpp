// The packet-formula layer: constant folding, satisfiability over bit-vector ranges, models and
// readable-packet preferences.
#include <gtest/gtest.h>

#include "smt/network_formula.h"

namespace {

using namespace verdict::smt;

TEST(NetworkFormula, FoldsConstants) {
  EXPECT_TRUE(net_is_true(net_in_range("p", 8, 0, 255)));  // the whole range
  EXPECT_TRUE(net_is_false(net_in_range("p", 8, 5, 4)));   // empty
  EXPECT_TRUE(net_is_false(net_in_range("p", 8, 300, 300)));  // beyond the width: never (not 300 mod 256)
  const NetRef x = net_in_range("p", 8, 6, 6);
  EXPECT_TRUE(net_is_false(net_and({x, net_false()})));
  EXPECT_TRUE(net_is_true(net_or({x, net_true()})));
  EXPECT_EQ(net_and({net_true(), x}), x);
  EXPECT_EQ(net_not(net_not(x)), x);
}

TEST(NetworkSolver, DecidesRangesAndReadsModels) {
  NetSolver solver(5000);
  const NetRef dport = net_in_range("dport", 16, 1024, 65535);
  const NetRef not_high = net_not(net_in_range("dport", 16, 2000, 65535));
  const NetSolveResult r = solver.check(net_and({dport, not_high}));
  ASSERT_EQ(r.status, NetSat::Sat);
  EXPECT_GE(r.model.at("dport"), 1024u);
  EXPECT_LT(r.model.at("dport"), 2000u);
  EXPECT_EQ(solver.check(net_and({net_in_range("dport", 16, 22, 22), net_in_range("dport", 16, 80, 443)})).status,
            NetSat::Unsat);
  // 32-bit addresses: the top of the range is representable.
  const NetSolveResult top = solver.check(net_in_range("src", 32, 0xffffffffu, 0xffffffffu));
  ASSERT_EQ(top.status, NetSat::Sat);
  EXPECT_EQ(top.model.at("src"), 0xffffffffu);
}

TEST(NetworkSolver, PreferencesAreKeptOnlyWhenSatisfiable) {
  NetSolver solver(5000);
  const NetRef f = net_in_range("sport", 16, 1024, 65535);
  const NetSolveResult r = solver.check(f, {net_in_range("sport", 16, 80, 80), net_in_range("sport", 16, 50000, 50000)});
  ASSERT_EQ(r.status, NetSat::Sat);
  EXPECT_EQ(r.model.at("sport"), 50000u);  // the first preference contradicts f and is dropped
  // The solver is reusable: the preference scopes were popped.
  EXPECT_EQ(solver.check(net_in_range("sport", 16, 80, 80)).status, NetSat::Sat);
}

}  // namespace
