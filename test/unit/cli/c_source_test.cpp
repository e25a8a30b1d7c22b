// Unit tests of the C token positions that witnesses point at (tools/verdict/c_source).
#include "cli/c_source.h"

#include <gtest/gtest.h>

namespace verdict::cli {

namespace {

const char* kSource =
    "#include <stdio.h>\n"                                                     // 1
    "/* while (x) in a comment */\n"                                           // 2
    "void __VERIFIER_assert(int c) { if (!(c)) { ERROR: {reach_error();} } }\n"  // 3
    "int main(void) {\n"                                                       // 4
    "  int n = __VERIFIER_nondet_int();\n"                                     // 5
    "  const char* s = \"for (;;)\";\n"                                        // 6
    "  for (int i = 0; i < n + 1; i++) x = x + 1;\n"                           // 7
    "  do { n--; } while (n > 0);\n"                                           // 8
    "  while (f(n) > 0)\n"                                                     // 9
    "    n = n - 1;\n"                                                         // 10
    "  if (n) L: n = 2 * n;\n"                                                 // 11
    "  return 0;\n"                                                            // 12
    "}\n";                                                                     // 13

}  // namespace

TEST(CSource, CommentsStringsAndDirectivesAreNotTokens) {
  const CSource src(kSource);
  for (const CToken& t : src.tokens()) {
    EXPECT_NE(t.line, 1u) << t.text;
    EXPECT_NE(t.line, 2u) << t.text;
  }
  EXPECT_FALSE(src.loop_keyword(6, 20));  // `for` inside a string literal
}

TEST(CSource, LoopKeywordFromTheKeywordOrItsHeader) {
  const CSource src(kSource);
  auto at_for = src.loop_keyword(7, 3);
  ASSERT_TRUE(at_for);
  EXPECT_EQ(at_for->text, "for");
  EXPECT_EQ(at_for->column, 3u);
  auto from_condition = src.loop_keyword(7, 23);  // the `<` of i < n + 1
  ASSERT_TRUE(from_condition);
  EXPECT_EQ(from_condition->column, 3u);
  auto from_call_argument = src.loop_keyword(9, 12);  // the n of f(n)
  ASSERT_TRUE(from_call_argument);
  EXPECT_EQ(from_call_argument->text, "while");
  EXPECT_EQ(from_call_argument->line, 9u);
  EXPECT_FALSE(src.loop_keyword(7, 37));  // the body x = x + 1, not the header
  EXPECT_FALSE(src.loop_keyword(8, 15));  // a do-while's `while` is not where its head is
  EXPECT_FALSE(src.loop_keyword(10, 5));
}

TEST(CSource, StatementStartOfAPosition) {
  const CSource src(kSource);
  auto call = src.statement_start(3, 54);  // reach_error(), after a label and a brace
  ASSERT_TRUE(call);
  EXPECT_EQ(call->text, "reach_error");
  auto condition = src.statement_start(7, 25);  // the + of n + 1: the for's condition
  ASSERT_TRUE(condition);
  EXPECT_EQ(condition->text, "i");
  EXPECT_EQ(condition->column, 19u);
  auto body = src.statement_start(7, 41);  // the + of x + 1: the statement after the header
  ASSERT_TRUE(body);
  EXPECT_EQ(body->column, 35u);
  auto labelled = src.statement_start(11, 19);  // 2 * n, behind `if (n) L:`
  ASSERT_TRUE(labelled);
  EXPECT_EQ(labelled->text, "n");
  EXPECT_EQ(labelled->column, 13u);
  auto ret = src.statement_start(12, 10);
  ASSERT_TRUE(ret);
  EXPECT_EQ(ret->text, "return");
}

TEST(CSource, CallsAndFunctions) {
  const CSource src(kSource);
  auto close = src.call_close_paren(5, 11);
  ASSERT_TRUE(close);
  EXPECT_EQ(close->text, ")");
  EXPECT_EQ(close->line, 5u);
  EXPECT_EQ(close->column, 33u);
  EXPECT_FALSE(src.call_close_paren(5, 7));  // `n` is not a callee
  auto first = src.first_statement_of("main");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->line, 5u);
  EXPECT_EQ(first->text, "int");
  EXPECT_FALSE(src.first_statement_of("nowhere"));
  EXPECT_EQ(src.function_at(3, 54), "__VERIFIER_assert");
  EXPECT_EQ(src.function_at(10, 5), "main");
  EXPECT_FALSE(src.function_at(1, 1));
}

}  // namespace verdict::cli
