// The policy solver adapter: what it declines to give Z3.
#include "smt/policy_solver.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verdict::smt {
namespace {

// A glob with thousands of `*` made Z3 4.8 spend 45 s freeing its context after a 0.5 s
// question (found by the policy fuzz target); such a query is answered unknown at once.
TEST(PolicySolver, DeclinesPatternsWithThousandsOfWildcards) {
  const auto wide =
      solve_policy(f_glob("resource", std::vector<std::string>(3001, "a")), {}, 10000);
  EXPECT_EQ(wide.status, PolicySat::Unknown);
  EXPECT_NE(wide.reason.find("3000 wildcards"), std::string::npos) << wide.reason;

  const auto narrow =
      solve_policy(f_glob("resource", std::vector<std::string>(11, "a")), {}, 10000);
  EXPECT_EQ(narrow.status, PolicySat::Sat) << narrow.reason;
  const auto regex = solve_policy(
      f_in_regex("action", re_concat(std::vector<RegexRef>(300, re_any_char()))), {}, 10000);
  EXPECT_EQ(regex.status, PolicySat::Unknown);
}

}  // namespace
}  // namespace verdict::smt
