// The question's deadline: a compare the string solver cannot finish stops at its time limit
// and says so (don't know), instead of running each solver call to its own limit.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "verdict/policy.h"

namespace verdict {
namespace {

PolicyDocument slow(const char* name) {
  const std::string path = std::string(VERDICT_SOURCE_DIR) + "/test/policy/slow_pair/" + name;
  return load_policy_document(path);
}

TEST(PolicyDeadline, SlowPairStopsAtTheLimit) {
  PolicyOptions o;
  o.timeout_s = 0.8;
  const auto start = std::chrono::steady_clock::now();
  const PolicyAnswer a = policy_compare(slow("a.json"), slow("b.json"), o);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(s, 1.5);
  // Right or don't know; when don't know, the reason names the limit (the solver was stopped).
  if (a.verdict == Verdict::DontKnow) {
    EXPECT_NE(a.reason.find("b_not_a"), std::string::npos) << a.reason;
    EXPECT_TRUE(a.reason.find("interrupted") != std::string::npos ||
                a.reason.find("time limit") != std::string::npos || a.reason.find("timeout") != std::string::npos)
        << a.reason;
    ASSERT_EQ(a.witnesses.size(), 1u);  // the cheap A-not-B witness was still found and re-checked
    EXPECT_TRUE(a.witnesses[0].rechecked);
  } else {
    EXPECT_EQ(a.relation, "a_more_permissive");
  }
}

TEST(PolicyDeadline, ExpiredDeadlineAnswersDontKnowAtOnce) {
  PolicyOptions o;
  o.timeout_s = 0.001;
  const auto start = std::chrono::steady_clock::now();
  const PolicyAnswer a = policy_compare(slow("a.json"), slow("b.json"), o);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(s, 0.5);
  EXPECT_EQ(a.verdict, Verdict::DontKnow);
}

}  // namespace
}  // namespace verdict
