#include "ir/term.h"

#include <gtest/gtest.h>

namespace verdict::ir {

TEST(Term, FoldsBitVectorArithmeticModuloWidth) {
  Term t = mk_binary(Op::Add, mk_bv(32, 0xFFFFFFFFu), mk_bv(32, 1));
  ASSERT_EQ(t.op(), Op::BvConst);
  EXPECT_EQ(t.bits(), 0u);
}

TEST(Term, SignedComparisonFolds) {
  EXPECT_TRUE(mk_binary(Op::Slt, mk_bv(8, 0xFF), mk_bv(8, 0)).is_true());
  EXPECT_TRUE(mk_binary(Op::Ult, mk_bv(8, 0xFF), mk_bv(8, 0)).is_false());
}

TEST(Term, ExtendAndExtract) {
  EXPECT_EQ(mk_sext(24, mk_bv(8, 0x80)).bits(), 0xFFFFFF80u);
  EXPECT_EQ(mk_zext(24, mk_bv(8, 0x80)).bits(), 0x80u);
  EXPECT_EQ(mk_extract(15, 8, mk_bv(32, 0x1234)).bits(), 0x12u);
}

TEST(Term, BooleanSimplification) {
  Term x = mk_var(0, Sort::boolean());
  EXPECT_TRUE(mk_and(x, mk_true()).same(x));
  EXPECT_TRUE(mk_or(x, mk_true()).is_true());
  EXPECT_TRUE(mk_not(mk_not(x)).same(x));
}

TEST(Term, VariablesKeepTheirSort) {
  Term v = mk_var(3, Sort::bitvec(16));
  EXPECT_EQ(v.var(), 3u);
  EXPECT_EQ(v.sort(), Sort::bitvec(16));
  Term sum = mk_binary(Op::Add, v, mk_bv(16, 1));
  EXPECT_EQ(sum.op(), Op::Add);
  EXPECT_EQ(sum.sort().width(), 16u);
}

}  // namespace verdict::ir
