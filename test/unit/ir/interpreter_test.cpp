#include "ir/interpreter.h"

#include <gtest/gtest.h>

#include "engines/bmc/programs.h"

namespace verdict::ir {

using namespace verdict::testprog;

TEST(Interpreter, EvaluatesBitVectorArithmetic) {
  State s{Value::of_bv(32, 0xFFFFFFFFu), Value::of_bv(32, 0)};
  const Term x = mk_var(0, Sort::bitvec(32)), zero = mk_var(1, Sort::bitvec(32));
  EXPECT_EQ(evaluate(add(x, c32(1)), s).bits, 0u);
  EXPECT_EQ(evaluate(mk_binary(Op::UDiv, x, zero), s).bits, 0xFFFFFFFFu);  // SMT-LIB: x / 0 = ~0
  EXPECT_EQ(evaluate(mk_binary(Op::SDiv, x, zero), s).bits, 1u);           // -1 / 0 = 1
  EXPECT_EQ(evaluate(mk_binary(Op::Shl, x, mk_binary(Op::Add, zero, c32(40))), s).bits, 0u);
  EXPECT_TRUE(evaluate(mk_binary(Op::Slt, x, zero), s).as_bool());
  EXPECT_EQ(evaluate(mk_extract(7, 0, x), s).bits, 0xFFu);
  EXPECT_EQ(evaluate(mk_sext(32, x), s).bits, ~std::uint64_t{0});
}

TEST(Interpreter, IntegerOverflowAndDivisionByZeroAreErrors) {
  State s{Value::of_int(INT64_MAX), Value::of_int(0)};
  const Term a = mk_var(0, Sort::integer()), z = mk_var(1, Sort::integer());
  EXPECT_THROW(evaluate(mk_binary(Op::Add, a, mk_int(1)), s), EvalError);
  EXPECT_THROW(evaluate(mk_binary(Op::IntFloorDiv, a, z), s), EvalError);
  EXPECT_EQ(evaluate(mk_binary(Op::IntFloorDiv, mk_binary(Op::Sub, z, mk_int(7)), mk_int(2)), s).ivalue, -4);
  EXPECT_EQ(evaluate(mk_binary(Op::IntFloorMod, mk_binary(Op::Sub, z, mk_int(7)), mk_int(2)), s).ivalue, 1);
}

TEST(Interpreter, ArraysStoreAndSelect) {
  const Sort mem = Sort::array(Sort::bitvec(64), Sort::bitvec(8));
  State s{zero_value(mem)};
  const Term m = mk_var(0, mem);
  const Term stored = mk_store(m, mk_bv(64, 5), mk_bv(8, 7));
  EXPECT_EQ(evaluate(mk_select(stored, mk_bv(64, 5)), s).bits, 7u);
  EXPECT_EQ(evaluate(mk_select(stored, mk_bv(64, 6)), s).bits, 0u);
  EXPECT_TRUE(evaluate(mk_eq(mk_store(m, mk_bv(64, 1), mk_bv(8, 0)), m), s).as_bool());
}

TEST(Interpreter, RunsToViolationConsumingInputs) {
  Program p = two_inputs_assertion([](const Term& x, const Term&) { return ult(x, add(x, c32(1))); });
  Execution ok = run(p, {Value::of_bv(32, 3), Value::of_bv(32, 4)});
  EXPECT_EQ(ok.outcome, Execution::Outcome::Exited);
  EXPECT_EQ(ok.inputs_used, 2u);
  Execution bad = run(p, {Value::of_bv(32, 0xFFFFFFFFu), Value::of_bv(32, 0)});
  ASSERT_EQ(bad.outcome, Execution::Outcome::Violated);
  EXPECT_EQ(bad.prop, 0u);
  EXPECT_EQ(bad.loc.line, 4u);
  EXPECT_EQ(bad.edges.size(), 2u);
  Execution starved = run(p, {Value::of_bv(32, 1)});
  EXPECT_EQ(starved.outcome, Execution::Outcome::OutOfInputs);
}

TEST(Interpreter, FollowsBranchesAndLoops) {
  Program p = counting_loop(10, [](const Term& i) { return mk_eq(i, c32(10)); });
  Execution ex = run(p, {});
  EXPECT_EQ(ex.outcome, Execution::Outcome::Exited);
  EXPECT_EQ(ex.final_state[0].bits, 10u);
  EXPECT_EQ(ex.edges.size(), 1u + 2 * 10 + 2);
  RunLimits limits;
  limits.max_steps = 5;
  EXPECT_EQ(run(p, {}, limits).outcome, Execution::Outcome::StepLimit);
}

TEST(Interpreter, ReportsNondeterminismUnlessForced) {
  Program p = make_program();
  const VarId x = bv_var(p, "x");
  const LocId l0 = p.add_loc("init"), l1 = p.add_loc("exit");
  p.init = l0;
  p.exit = l1;
  p.add_edge(l0, l1, {Stmt::assign(x, c32(1))});
  p.add_edge(l0, l1, {Stmt::assign(x, c32(2))});
  EXPECT_EQ(run(p, {}).outcome, Execution::Outcome::Nondeterministic);
  RunLimits forced;
  forced.forced_edges = {1};
  Execution ex = run(p, {}, forced);
  EXPECT_EQ(ex.outcome, Execution::Outcome::Exited);
  EXPECT_EQ(ex.final_state[x].bits, 2u);
}

TEST(Interpreter, BlocksOnFailedAssumption) {
  Program p = make_program();
  const VarId x = bv_var(p, "x");
  const LocId l0 = p.add_loc("init"), l1 = p.add_loc("exit");
  p.init = l0;
  p.exit = l1;
  p.add_edge(l0, l1, {Stmt::havoc(x, "x"), Stmt::assume(ult(v(p, x), c32(5)))});
  EXPECT_EQ(run(p, {Value::of_bv(32, 9)}).outcome, Execution::Outcome::Blocked);
  EXPECT_EQ(run(p, {Value::of_bv(32, 2)}).outcome, Execution::Outcome::Exited);
}

}  // namespace verdict::ir
