#include "evidence/c_expr.h"

#include <gtest/gtest.h>

#include "transform/loop_programs.h"

namespace verdict::evidence {

TEST(CExpr, SignedBoundsReadLikeC) {
  ir::Program p = testing::counter_to_ten();
  const ir::Term i = p.var_term(0);
  const ir::Term t = ir::mk_and(ir::mk_binary(ir::Op::Sle, testing::c32(0), i),
                                ir::mk_binary(ir::Op::Sle, i, testing::c32(10)));
  EXPECT_EQ(print_c_expr(t, p), "(0 <= i) && (i <= 10)");
}

TEST(CExpr, CastsWhenTheComparisonDiffersFromTheType) {
  ir::Program p = testing::counter_to_ten();
  const ir::Term t = ir::mk_binary(ir::Op::Ult, p.var_term(0), testing::c32(5));
  EXPECT_EQ(print_c_expr(t, p), "(unsigned int)i < 5u");
  ir::Program q = testing::twin_counters();
  EXPECT_EQ(print_c_expr(ir::mk_eq(q.var_term(0), q.var_term(1)), q), "x == y");
  EXPECT_EQ(print_c_expr(ir::mk_not(ir::mk_eq(q.var_term(0), testing::c32(0))), q), "x != 0u");
}

}  // namespace verdict::evidence

namespace verdict::evidence {

TEST(CExpr, NegatedComparisonsFlipAndExtensionsCastOnce) {
  ir::Program p = testing::count_to_n();
  const ir::Term i = p.var_term(0), n = p.var_term(1);
  EXPECT_EQ(print_c_expr(ir::mk_not(ir::mk_binary(ir::Op::Sle, n, testing::c32(0))), p), "0 < n");
  EXPECT_EQ(print_c_expr(ir::mk_not(ir::mk_eq(i, n)), p), "i != n");
  const ir::Term sum = ir::mk_binary(ir::Op::Add, ir::mk_sext(32, i), ir::mk_sext(32, n));
  EXPECT_EQ(print_c_expr(ir::mk_binary(ir::Op::Sle, sum, ir::mk_sext(32, n)), p),
            "((long long)i + (long long)n) <= (long long)n");
}

}  // namespace verdict::evidence

namespace verdict::evidence {

TEST(CExpr, BitTestsShiftTheirBitDown) {
  ir::Program p = testing::counter_to_ten();
  const ir::Term i = p.var_term(0);
  EXPECT_EQ(print_c_expr(ir::mk_eq(ir::mk_extract(31, 31, i), ir::mk_bv(1, 1)), p), "(__uint1)(i >> 31) == 1u");
  EXPECT_EQ(print_c_expr(ir::mk_eq(ir::mk_extract(7, 0, i), ir::mk_bv(8, 3)), p), "(unsigned char)i == 3u");
}

}  // namespace verdict::evidence

namespace verdict::evidence {

TEST(CExpr, ExactOnlyWhenCReadsTheSameFormula) {
  ir::Program p = testing::count_to_n();  // i, n: signed int
  const ir::Term i = p.var_term(0), n = p.var_term(1);
  using ir::Op;
  // Signed bounds, casts of a variable, 64-bit sums of sign-extended ints: C means the same.
  EXPECT_EQ(print_exact_c_expr(ir::mk_binary(Op::Slt, i, n), p), "i < n");
  EXPECT_EQ(print_exact_c_expr(ir::mk_binary(Op::Ult, i, testing::c32(5)), p), "(unsigned int)i < 5u");
  const ir::Term sum = ir::mk_binary(Op::Add, ir::mk_sext(32, i), ir::mk_sext(32, n));
  EXPECT_TRUE(print_exact_c_expr(ir::mk_binary(Op::Sle, sum, ir::mk_sext(32, n)), p));
  // An unsigned comparison of a signed sum: C would compare signed (the printer casts only variables).
  EXPECT_FALSE(print_exact_c_expr(ir::mk_binary(Op::Ult, ir::mk_binary(Op::Add, i, n), testing::c32(5)), p));
  // Unsigned division of signed variables: C's i / n would divide signed.
  EXPECT_FALSE(print_exact_c_expr(ir::mk_eq(ir::mk_binary(Op::UDiv, i, n), testing::c32(1)), p));
  // Zero extension of a signed int: C's (unsigned long long)i sign-extends.
  EXPECT_FALSE(print_exact_c_expr(ir::mk_binary(Op::Ult, ir::mk_zext(32, i), ir::mk_bv(64, 7)), p));
  // A 1-bit extract has no C type; 8-bit arithmetic is widened by C's promotions.
  EXPECT_FALSE(print_exact_c_expr(ir::mk_eq(ir::mk_extract(31, 31, i), ir::mk_bv(1, 1)), p));
  const ir::Term low = ir::mk_extract(7, 0, i);
  EXPECT_TRUE(print_exact_c_expr(ir::mk_eq(low, ir::mk_bv(8, 3)), p));
  EXPECT_FALSE(print_exact_c_expr(ir::mk_eq(ir::mk_binary(Op::Add, low, low), ir::mk_bv(8, 3)), p));
}

}  // namespace verdict::evidence
