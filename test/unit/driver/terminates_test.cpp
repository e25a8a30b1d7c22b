// verdict::terminates end to end (frontend, both searches, checks, the answer), on small
// programs written for these tests.
#include "verdict/terminates.h"

#include <gtest/gtest.h>

#include "temp_source.h"

namespace verdict {

namespace {

Answer ask(const std::string& code, const std::string& entry, double timeout_s = 30) {
  Options o;
  o.entry = entry;
  o.timeout_s = timeout_s;
  return terminates(testing::write_temp_source(code), o);
}

bool has_item(const Answer& a, const std::string& kind_prefix) {
  if (!a.evidence.proof) return false;
  for (const ProofItem& item : a.evidence.proof->items)
    if (item.kind.rfind(kind_prefix, 0) == 0) return true;
  return false;
}

}  // namespace

TEST(Terminates, YesCarriesACheckedRankingFunction) {
  const Answer a = ask("void g(int x, int y) { if (y > 0) while (x > y) x = x - y; }", "g");
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  EXPECT_EQ(a.question, "termination");
  EXPECT_TRUE(has_item(a, "ranking function"));
  ASSERT_FALSE(a.evidence.proof->checked_by.empty());
  EXPECT_NE(a.evidence.proof->checked_by[0].find("cvc5"), std::string::npos);
}

TEST(Terminates, NoCarriesAReplayedWitness) {
  const Answer a = ask("void g2(int x, int y) { while (x > y) x = x - y; }", "g2");
  ASSERT_EQ(a.verdict, Verdict::No) << a.reason;
  ASSERT_TRUE(a.evidence.counterexample.has_value());
  EXPECT_EQ(a.evidence.counterexample->property, "termination");
  ASSERT_FALSE(a.evidence.counterexample->confirmations.empty());
  EXPECT_NE(a.evidence.counterexample->confirmations[0].find("replayed by the IR interpreter"), std::string::npos);
  bool y_zero = false;
  for (const InputValue& in : a.evidence.counterexample->inputs) y_zero = y_zero || (in.name == "y" && in.value == "0");
  EXPECT_TRUE(y_zero);
}

TEST(Terminates, RecursionDeeperThanInliningIsRankedOverItsParameters) {
  const char* code =
      "int down(int n) { if (n <= 0) return 0; return down(n - 1); }\n"
      "void f(int n) { if (n > 100000) return; down(n); }\n";
  const Answer a = ask(code, "f");
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  EXPECT_TRUE(has_item(a, "ranking function for the recursion of down"));
}

TEST(Terminates, RecursionThatSkipsItsBaseCaseIsNeverYes) {
  // down(3) calls down(1), down(-1), ...: the base case n == 0 is never met.
  const char* code =
      "int down(int n) { if (n == 0) return 0; return down(n - 2); }\n"
      "void f(int n) { if (n < 0 || n > 100000) return; down(n); }\n";
  EXPECT_NE(ask(code, "f", 10).verdict, Verdict::Yes);
}

TEST(Terminates, RecursionRankedWithAnInvariantOfTheReachableCalls) {
  // walk(n) counts n towards 0 from either side: |n| is not linear, but only n >= 0 is ever
  // passed, so n ranks the calls that happen and the call for n < 0 is unreachable.
  const char* code =
      "int walk(int n) { if (n == 0) return 0; if (n > 0) return walk(n - 1); return walk(n + 1); }\n"
      "void f(int n) { if (n < 0 || n > 100000) return; walk(n); }\n";
  const Answer a = ask(code, "f");
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  EXPECT_TRUE(has_item(a, "ranking function for the recursion of walk"));
  ASSERT_FALSE(a.evidence.proof->checked_by.empty());
  EXPECT_NE(a.evidence.proof->checked_by[0].find("cvc5"), std::string::npos);
}

TEST(Terminates, NestedRecursionRankedWithItsSummaryAndABoundFromTheProgram) {
  // McCarthy's 91 function with other constants: the outer call's argument exceeds x by the
  // summary (result > x - 6), and 50 - x is non-negative wherever a call is made.
  const char* code =
      "int g(int x) { if (x > 50) return x - 5; return g(g(x + 6)); }\n"
      "void f(int x) { g(x); }\n";
  const Answer a = ask(code, "f");
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  EXPECT_TRUE(has_item(a, "ranking function for the recursion of g"));
}

TEST(Terminates, AckermannsFunctionIsRankedLexicographically) {
  // n + 1 can overflow for large n: the yes holds for the executions without it.
  const char* code =
      "int ack(int m, int n) { if (m <= 0) return n + 1; if (n <= 0) return ack(m - 1, 1);\n"
      "  return ack(m - 1, ack(m, n - 1)); }\n"
      "void f(int m, int n) { if (m >= 0 && n >= 0) ack(m, n); }\n";
  const Answer a = ask(code, "f");
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  EXPECT_TRUE(has_item(a, "ranking function for the recursion of ack (level 1)"));
  EXPECT_TRUE(has_item(a, "ranking function for the recursion of ack (level 2)"));
}

TEST(Terminates, RecursionWhoseOtherBranchIsReachedIsNeverYes) {
  // From an odd n the walk by two passes 0 and swings between 1 and -1 for ever: the
  // candidate n does not decrease on a call that happens, so no invariant supports it.
  const char* code =
      "int swing(int n) { if (n == 0) return 0; if (n > 0) return swing(n - 2); return swing(n + 2); }\n"
      "void f(int n) { if (n < 0 || n > 100) return; swing(n); }\n";
  EXPECT_NE(ask(code, "f", 10).verdict, Verdict::Yes);
}

TEST(Terminates, LoopThatEndsOnlyByOverflowIsDontKnow) {
  // Every execution without undefined behaviour ends (x + 1 overflows first), but over
  // unbounded integers x = 1 runs forever: the answer depends on the reading of overflow.
  EXPECT_EQ(ask("void f(int x) { while (x > 0) x = x + 1; }", "f", 8).verdict, Verdict::DontKnow);
  EXPECT_EQ(ask("void f(int x) { while (x > 1) x = 2 * x; }", "f", 8).verdict, Verdict::DontKnow);
}

TEST(Terminates, YesWithReachableOverflowSaysWhere) {
  // s + i overflows for large n, and that does not matter for termination: the loop ends
  // in C (without undefined behaviour) and over unbounded integers alike.
  const Answer a = ask("void f(int n) { int s = 0; for (int i = 0; i < n; i++) s = s + i; }", "f", 20);
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  bool where = false;
  for (const std::string& s : a.assumptions)
    where = where || (s.find("not shown unreachable") != std::string::npos && s.find("s + i") != std::string::npos);
  EXPECT_TRUE(where);
  ASSERT_TRUE(a.evidence.proof.has_value());
  ASSERT_FALSE(a.evidence.proof->checked_by.empty());
  EXPECT_NE(a.evidence.proof->checked_by[0].find("over unbounded integers"), std::string::npos);
}

TEST(Terminates, ConditionalAssignmentIsAPathOfItsOwn) {
  // flag = (x++ < y) hides a branch: the lexicographic argument (y - x, then flag) needs it.
  const Answer a = ask("void f(int x, int y) { int flag = 1; while (flag) flag = (x++ < y); }", "f", 60);
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  EXPECT_TRUE(has_item(a, "ranking function (level 2)"));
}

TEST(Terminates, UnsignedWrapIsNotReadAsUnbounded) {
  // The integer reading keeps unsigned wrap-around: i-- from 0 gives UINT_MAX, never < 0.
  EXPECT_EQ(ask("void f(unsigned n) { for (unsigned i = n; i >= 0; i--) ; }", "f", 10).verdict, Verdict::No);
  EXPECT_EQ(ask("void f(unsigned n) { for (unsigned i = n; i > 0; i--) ; }", "f", 10).verdict, Verdict::Yes);
}

TEST(Terminates, PiecewiseArgumentsSplitTheLoop) {
  // |x - k| is no linear function; split by the body's `x > k`, each copy has one.
  const Answer a = ask("void f(int x, int k) { while (x != k) { if (x > k) x = x - 1; else x = x + 1; } }", "f", 60);
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  ASSERT_TRUE(a.evidence.proof.has_value());
  EXPECT_NE(a.evidence.proof->method.find("split by the condition"), std::string::npos) << a.evidence.proof->method;
  bool copy = false;
  for (const ProofItem& item : a.evidence.proof->items)
    copy = copy || item.kind.find("entered where the condition at line 1 does not hold") != std::string::npos;
  EXPECT_TRUE(copy);
}

TEST(Terminates, SplittingTheLoopDoesNotHideAnEndlessOne) {
  // Steps of 2 jump over k when x - k is odd: x - k = 1, -1, 1, ... forever.
  const Answer a = ask("void f(unsigned char x, unsigned char k) {\n"
                       "  while (x != k) { if (x > k) x = x - 2; else x = x + 2; }\n}\n",
                       "f", 30);
  EXPECT_EQ(a.verdict, Verdict::No) << a.reason;
}

TEST(Terminates, DecreaseAfterAFirstPhaseHasATwoPhaseFunction) {
  const Answer a = ask("void f(int x, int y) { while (x >= 0) { x = x + y; y = y - 1; } }", "f", 60);
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  EXPECT_TRUE(has_item(a, "ranking function for the loop at line 1, first phase"));
  EXPECT_TRUE(has_item(a, "ranking function for the loop at line 1, second phase"));
}

TEST(Terminates, AssumptionsAreListed) {
  const Answer a = ask("void f(void) { }", "f");
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  bool ub = false;
  for (const std::string& s : a.assumptions) ub = ub || s.find("without undefined behaviour") != std::string::npos;
  EXPECT_TRUE(ub);
}

}  // namespace verdict
