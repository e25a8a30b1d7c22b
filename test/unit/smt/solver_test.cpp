#include "smt/solver.h"

#include <gtest/gtest.h>

#include <random>

#include "ir/semantics.h"

namespace verdict::smt {

using namespace verdict::ir;

namespace {
const support::Deadline kNoLimit;
Term bv(VarId id, unsigned w = 32) { return mk_var(id, Sort::bitvec(w)); }
}  // namespace

TEST(Solver, CommutativityOfAdditionIsValid) {
  auto s = make_z3_solver();
  const Term x = bv(0), y = bv(1);
  s->add(mk_not(mk_eq(mk_binary(Op::Add, x, y), mk_binary(Op::Add, y, x))));
  EXPECT_EQ(s->check({}, kNoLimit), SatResult::Unsat);
}

TEST(Solver, FindsTheWrapAroundModel) {
  auto s = make_z3_solver();
  const Term x = bv(0);
  s->add(mk_not(mk_binary(Op::Ult, x, mk_binary(Op::Add, x, mk_bv(32, 1)))));
  ASSERT_EQ(s->check({}, kNoLimit), SatResult::Sat);
  auto value = s->model_value(x);
  ASSERT_TRUE(value);
  EXPECT_EQ(value->bits, 0xFFFFFFFFu);
}

TEST(Solver, AgreesWithTheConcreteSemantics) {
  const Op ops[] = {Op::Add, Op::Sub, Op::Mul, Op::UDiv, Op::URem, Op::SDiv, Op::SRem, Op::Shl,
                    Op::LShr, Op::AShr, Op::BvAnd, Op::BvOr, Op::BvXor, Op::Ult, Op::Ule, Op::Slt, Op::Sle};
  std::mt19937_64 rng(7);
  const std::uint64_t specials[] = {0, 1, 0x7F, 0x80, 0xFF, 3, 8, 9};
  auto s = make_z3_solver();
  const Term a = bv(0, 8), b = bv(1, 8);
  for (int round = 0; round < 24; ++round) {
    const std::uint64_t va = round < 8 ? specials[round] : rng() & 0xFF;
    const std::uint64_t vb = round < 8 ? specials[7 - round] : (round % 3 == 0 ? 0 : rng() & 0xFF);
    s->push();
    s->add(mk_eq(a, mk_bv(8, va)));
    s->add(mk_eq(b, mk_bv(8, vb)));
    ASSERT_EQ(s->check({}, kNoLimit), SatResult::Sat);
    for (Op op : ops) {
      auto got = s->model_value(mk_binary(op, a, b));
      ASSERT_TRUE(got);
      const std::uint64_t want = *eval_bv_binary(op, va, vb, 8);
      EXPECT_EQ(got->sort.is_bool() ? std::uint64_t{got->as_bool()} : got->bits, want)
          << op_name(op) << " " << va << " " << vb;
    }
    s->pop();
  }
}

TEST(Solver, IntegerFloorDivisionMatchesPython) {
  auto s = make_z3_solver();
  const Term x = mk_var(0, Sort::integer()), y = mk_var(1, Sort::integer());
  s->add(mk_eq(x, mk_int(-7)));
  s->add(mk_eq(y, mk_int(2)));
  ASSERT_EQ(s->check({}, kNoLimit), SatResult::Sat);
  EXPECT_EQ(s->model_value(mk_binary(Op::IntFloorDiv, x, y))->ivalue, -4);
  EXPECT_EQ(s->model_value(mk_binary(Op::IntFloorMod, x, y))->ivalue, 1);
  EXPECT_EQ(s->model_value(mk_binary(Op::IntFloorDiv, mk_int(7), mk_unary(Op::Neg, y)))->ivalue, -4);
  EXPECT_EQ(s->model_value(mk_binary(Op::IntFloorMod, mk_int(7), mk_unary(Op::Neg, y)))->ivalue, -1);
}

TEST(Solver, ReadsArrayModels) {
  auto s = make_z3_solver();
  const Sort mem = Sort::array(Sort::bitvec(64), Sort::bitvec(8));
  const Term m = mk_var(0, mem);
  s->add(mk_eq(mk_select(m, mk_bv(64, 5)), mk_bv(8, 7)));
  s->add(mk_eq(mk_select(m, mk_bv(64, 6)), mk_bv(8, 9)));
  ASSERT_EQ(s->check({}, kNoLimit), SatResult::Sat);
  auto value = s->model_value(m);
  ASSERT_TRUE(value);
  ASSERT_TRUE(value->array);
  auto read = [&](std::uint64_t k) {
    auto it = value->array->entries.find(k);
    return it == value->array->entries.end() ? value->array->default_bits : it->second;
  };
  EXPECT_EQ(read(5), 7u);
  EXPECT_EQ(read(6), 9u);
}

TEST(Solver, AssumptionsAndPushPop) {
  auto s = make_z3_solver();
  const Term p = mk_var(0, Sort::boolean()), x = bv(1);
  s->add(mk_implies(p, mk_eq(x, mk_bv(32, 3))));
  EXPECT_EQ(s->check({p, mk_not(mk_eq(x, mk_bv(32, 3)))}, kNoLimit), SatResult::Unsat);
  EXPECT_EQ(s->check({p}, kNoLimit), SatResult::Sat);
  s->push();
  s->add(mk_false());
  EXPECT_EQ(s->check({}, kNoLimit), SatResult::Unsat);
  s->pop();
  EXPECT_EQ(s->check({}, kNoLimit), SatResult::Sat);
}

TEST(Solver, CancelledDeadlineGivesUnknown) {
  auto s = make_z3_solver();
  support::Deadline d;
  d.cancel();
  s->add(mk_eq(bv(0), mk_bv(32, 1)));
  EXPECT_EQ(s->check({}, d), SatResult::Unknown);
  EXPECT_EQ(s->reason_unknown(), "canceled");
}

TEST(Solver, HardQueryRespectsTimeout) {
  // Factoring a 64-bit semiprime: far beyond 200 ms.
  auto s = make_z3_solver();
  const Term a = bv(0, 64), b = bv(1, 64);
  s->add(mk_eq(mk_binary(Op::Mul, a, b), mk_bv(64, 0xC5B1D4B1F6A92B2Dull)));
  s->add(mk_binary(Op::Ult, mk_bv(64, 1), a));
  s->add(mk_binary(Op::Ult, mk_bv(64, 1), b));
  s->add(mk_binary(Op::Ult, a, mk_bv(64, 0xFFFFFFFFull)));
  s->add(mk_binary(Op::Ult, b, mk_bv(64, 0xFFFFFFFFull)));
  const auto start = std::chrono::steady_clock::now();
  const SatResult r = s->check({}, support::Deadline(0.2));
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // The limit is 0.2 s; the bound is generous so that a loaded machine does not fail the
  // test, yet far below the hours the search itself would take.
  EXPECT_LT(secs, 30.0);
  EXPECT_NE(r, SatResult::Unsat);  // the semiprime has factors
  if (r == SatResult::Sat) {
    auto va = s->model_value(a), vb = s->model_value(b);
    EXPECT_EQ(va->bits * vb->bits, 0xC5B1D4B1F6A92B2Dull);
  }
}

}  // namespace verdict::smt

namespace verdict::smt {

TEST(Solver, QfBvLogicSolverIsIncrementalWithModels) {
  SolverOptions options;
  options.logic = "QF_BV";
  auto s = make_z3_solver(options);
  const Term x = mk_var(0, Sort::bitvec(32)), p = mk_var(1, Sort::boolean());
  s->add(mk_implies(p, mk_not(mk_binary(Op::Ult, x, mk_binary(Op::Add, x, mk_bv(32, 1))))));
  ASSERT_EQ(s->check({p}, support::Deadline()), SatResult::Sat);
  EXPECT_EQ(s->model_value(x)->bits, 0xFFFFFFFFu);
  s->add(mk_not(mk_eq(x, mk_bv(32, 0xFFFFFFFFu))));
  EXPECT_EQ(s->check({p}, support::Deadline()), SatResult::Unsat);
  EXPECT_EQ(s->check({}, support::Deadline()), SatResult::Sat);
}

TEST(Solver, QfBvLogicSolverNeverAnswersWronglyOutsideItsLogic) {
  SolverOptions options;
  options.logic = "QF_BV";
  auto s = make_z3_solver(options);
  const Sort mem = Sort::array(Sort::bitvec(64), Sort::bitvec(8));
  const Term m = mk_var(0, mem);
  s->add(mk_eq(mk_select(m, mk_bv(64, 5)), mk_bv(8, 7)));
  EXPECT_NE(s->check({}, support::Deadline()), SatResult::Unsat);
}

}  // namespace verdict::smt
