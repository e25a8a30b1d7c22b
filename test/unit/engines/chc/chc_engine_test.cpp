#include "engines/chc/chc_engine.h"
#include "engines/chc/int_encoding.h"

#include <gtest/gtest.h>

#include "engines/certified.h"
#include "evidence/certificate_check.h"
#include "ir/printer.h"
#include "ir/validator.h"
#include "transform/loop_programs.h"

namespace verdict::engines::chc {

namespace {

EngineResult run(const ir::Program& p, double seconds = 20) {
  ChcEngine engine;
  return test_support::run_engine(engine, p, seconds);
}

using test_support::expect_certified_safe;

}  // namespace

TEST(Chc, RelationalInvariantForTwinCounters) {
  ir::Program p = testing::twin_counters();
  EngineResult r = run(p);
  expect_certified_safe(p, r);
  ASSERT_TRUE(r.proof.has_value());
  ASSERT_FALSE(r.proof->items.empty());
  EXPECT_NE(r.proof->items[0].text.find("x"), std::string::npos) << r.proof->items[0].text;
}

TEST(Chc, CounterToTen) {
  ir::Program p = testing::counter_to_ten();
  expect_certified_safe(p, run(p));
}

TEST(Chc, StraightLine) {
  ir::Program p = testing::straight_line(false);
  expect_certified_safe(p, run(p));
  EXPECT_EQ(run(testing::straight_line(true)).status, EngineResult::Status::Unknown);
}

TEST(Chc, NeverProvesTheWrappingCounter) {
  // The assertion fails after 255 increments: Spacer must find the error reachable (not
  // merely run out of time, which would pass without showing anything).
  const EngineResult r = run(testing::wrapping_counter(), 120);
  EXPECT_EQ(r.status, EngineResult::Status::Unknown);
  EXPECT_NE(r.reason.find("Spacer found the error reachable"), std::string::npos) << r.reason;
}

TEST(Chc, ClausesOverLiveVariables) {
  ir::Program p = testing::twin_counters();
  auto sys = transform::build_cut_point_system(p);
  smt::HornSystem h = horn_clauses(p, sys);
  ASSERT_EQ(h.predicates.size(), 2u);
  EXPECT_EQ(h.predicates[1].params.size(), 2u);  // x, y (not the havocked c)
  EXPECT_NE(smt::horn_to_smt2(h).find("inv_1"), std::string::npos);
}

}  // namespace verdict::engines::chc

namespace verdict::engines::chc {

TEST(Chc, IntegerEncodingIsUsedAndTranslatedBack) {
  ir::Program p = testing::twin_counters();
  EngineResult r = run(p);
  ASSERT_EQ(r.status, EngineResult::Status::Safe) << r.reason;
  EXPECT_NE(r.proof->method.find("integer"), std::string::npos) << r.proof->method << " " << r.tried.at(0);
}

TEST(Chc, IntegerEncodingWrapsExplicitly) {
  ir::Program p = testing::wrapping_counter();
  auto sys = transform::build_cut_point_system(p);
  auto hi = integer_horn(horn_clauses(p, sys), [](ir::VarId) { return false; });
  ASSERT_TRUE(hi.has_value());
  // With x + 1 wrapping at 256 the integer clauses are unsatisfiable (the error is reachable).
  // Spacer needs about a second here, but over 20 s under ASan on a loaded machine: the
  // deadline only bounds a hang, it is not what the test is about.
  auto solved = smt::solve_horn(*hi, support::Deadline(120));
  EXPECT_EQ(solved.status, smt::SatResult::Unsat);
}

TEST(Chc, ProcedureSummaryProvesRecursion) {
  ir::Program p = testing::recursive_countdown(0);
  ASSERT_TRUE(ir::validate(p).empty());
  EngineResult r = run(p);
  expect_certified_safe(p, r);
  ASSERT_TRUE(r.proof.has_value());
  bool summary = false;
  for (const ProofItem& item : r.proof->items) summary = summary || item.kind == "summary of down";
  EXPECT_TRUE(summary);
}

TEST(Chc, RecursionWithAWrongExpectationIsNotProved) {
  EXPECT_NE(run(testing::recursive_countdown(1), 5).status, EngineResult::Status::Safe);
}

TEST(Chc, CallClausesAreNonLinear) {
  ir::Program p = testing::recursive_countdown(0);
  auto sys = transform::build_cut_point_system(p);
  ASSERT_EQ(sys.calls.size(), 2u);
  smt::HornSystem h = horn_clauses(p, sys);
  std::size_t with_calls = 0;
  for (const smt::HornClause& c : h.clauses) with_calls += c.calls.empty() ? 0 : 1;
  EXPECT_EQ(with_calls, 2u);  // one return clause per call
}

}  // namespace verdict::engines::chc
