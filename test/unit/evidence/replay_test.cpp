#include "evidence/replay.h"

#include <gtest/gtest.h>

#include "engines/bmc/programs.h"

namespace verdict::evidence {

using namespace verdict::testprog;

namespace {
Program wrap_program() {
  return two_inputs_assertion([](const Term& x, const Term&) { return ult(x, add(x, c32(1))); });
}
}  // namespace

TEST(Replay, ConfirmsAValidCounterexample) {
  Program p = wrap_program();
  ReplayResult r = replay(p, {0, 1}, {Value::of_bv(32, 0xFFFFFFFFu), Value::of_bv(32, 0)}, 0);
  ASSERT_TRUE(r.confirmed) << r.message;
  const Counterexample& cex = *r.counterexample;
  EXPECT_EQ(cex.property, "unreach-call");
  EXPECT_EQ(cex.violation, "assertion f(x, y)");
  EXPECT_EQ(cex.violation_loc.line, 4u);
  ASSERT_EQ(cex.inputs.size(), 2u);
  EXPECT_EQ(cex.inputs[0].name, "x");
  EXPECT_EQ(cex.inputs[0].origin, "parameter x");
  EXPECT_EQ(cex.inputs[0].value, "4294967295");
  ASSERT_EQ(cex.confirmations.size(), 1u);
  EXPECT_EQ(cex.confirmations[0], "replayed by the IR interpreter: reaches assertion f(x, y) at test.c:4");
  ASSERT_FALSE(cex.trace.empty());
  EXPECT_EQ(cex.trace.back().action, "violation: assertion f(x, y)");
}

TEST(Replay, RejectsATamperedCounterexample) {
  Program p = wrap_program();
  ReplayResult r = replay(p, {0, 1}, {Value::of_bv(32, 41), Value::of_bv(32, 0)}, 0);
  EXPECT_FALSE(r.confirmed);
  EXPECT_FALSE(r.counterexample);
  EXPECT_NE(r.message.find("did not reach"), std::string::npos) << r.message;
  EXPECT_FALSE(replay(p, {0, 1}, {Value::of_bv(32, 0xFFFFFFFFu)}, 0).confirmed);  // too few inputs
  EXPECT_FALSE(replay(p, {1}, {Value::of_bv(32, 0xFFFFFFFFu), Value::of_bv(32, 0)}, 0).confirmed);  // bad path
}

TEST(Replay, PrintsSignedValuesAsSigned) {
  Program p = make_program();
  const VarId x = bv_var(p, "x", 32, true);
  const LocId l0 = p.add_loc("init"), l1 = p.add_loc("exit");
  p.init = l0;
  p.exit = l1;
  const PropId a = p.add_prop(PropertyKind::Assertion, "assertion x >= 0", {"test.c", 2, 0});
  p.add_edge(l0, l1, {Stmt::havoc(x, "__VERIFIER_nondet_int()", {"test.c", 1, 0}),
                      Stmt::check(a, mk_not(slt(v(p, x), c32(0))), {"test.c", 2, 0})});
  ReplayResult r = replay(p, {0}, {Value::of_bv(32, 0xFFFFFFFFu)}, a);
  ASSERT_TRUE(r.confirmed) << r.message;
  EXPECT_EQ(r.counterexample->inputs[0].value, "-1");
  EXPECT_EQ(r.counterexample->inputs[0].origin, "__VERIFIER_nondet_int()");
}

}  // namespace verdict::evidence
