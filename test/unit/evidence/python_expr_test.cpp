// Unit tests of printing IR terms as Python expressions (invariants, recurrent sets).
#include "evidence/python_expr.h"

#include <gtest/gtest.h>

namespace verdict::evidence {
namespace {

using ir::Op;

ir::Program python_program() {
  ir::Program p;
  p.language = "Python";
  p.add_var(ir::Variable{"f.x", ir::Sort::integer(), "x", "int", true, {}});
  p.add_var(ir::Variable{"f.y", ir::Sort::integer(), "y", "int", true, {}});
  return p;
}

TEST(PythonExpr, ComparisonsConnectivesAndFloorOperators) {
  const ir::Program p = python_program();
  const ir::Term x = p.var_term(0), y = p.var_term(1);
  EXPECT_EQ(print_python_expr(ir::mk_and(ir::mk_binary(Op::Lt, y, x), ir::mk_binary(Op::Le, ir::mk_int(0), y)), p),
            "y < x and 0 <= y");
  EXPECT_EQ(print_python_expr(ir::mk_not(ir::mk_eq(ir::mk_binary(Op::IntFloorMod, x, ir::mk_int(2)), ir::mk_int(0))), p),
            "x % 2 != 0");
  EXPECT_EQ(print_python_expr(ir::mk_not(ir::mk_binary(Op::Lt, x, y)), p), "x >= y");
  EXPECT_EQ(print_python_expr(ir::mk_or(ir::mk_true(), ir::mk_not(ir::mk_binary(Op::Le, x, ir::mk_int(1)))), p),
            "True");
  // precedence: a - (b - c), a chain's operands, or inside and
  EXPECT_EQ(print_python_expr(ir::mk_binary(Op::Sub, x, ir::mk_binary(Op::Sub, y, ir::mk_int(1))), p), "x - (y - 1)");
  EXPECT_EQ(print_python_expr(ir::mk_and(ir::mk_or(ir::mk_binary(Op::Lt, x, y), ir::mk_eq(x, y)), ir::mk_eq(y, ir::mk_int(-1))), p),
            "(x < y or x == y) and y == -1");
  EXPECT_EQ(print_python_expr(ir::mk_ite(ir::mk_binary(Op::Lt, x, y), ir::mk_binary(Op::IntFloorDiv, x, ir::mk_int(2)),
                                         ir::mk_unary(Op::Neg, y)),
                              p),
            "x // 2 if x < y else -y");
}

TEST(PythonExpr, SourceLanguageChoosesThePrinter) {
  ir::Program p = python_program();
  const ir::Term t = ir::mk_and(ir::mk_binary(Op::Lt, p.var_term(0), p.var_term(1)), ir::mk_binary(Op::Lt, p.var_term(1), p.var_term(0)));
  EXPECT_EQ(print_source_expr(t, p), "x < y and y < x");
  p.language = "C";
  EXPECT_EQ(print_source_expr(t, p), "(x < y) && (y < x)");
}

}  // namespace
}  // namespace verdict::evidence
