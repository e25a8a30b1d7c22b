#include "ir/term.h"

#include <string>

#include "ir/op_info.h"

#include <gtest/gtest.h>

#include <thread>
#include <unordered_set>
#include <vector>

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

namespace verdict::ir {

// ---- hash-consing ----

Term sample(VarId x, unsigned k) {
  Term v = mk_var(x, Sort::bitvec(32));
  return mk_ite(mk_binary(Op::Ult, v, mk_bv(32, k)), mk_binary(Op::Add, v, mk_bv(32, k)),
                mk_zext(16, mk_extract(15, 0, mk_binary(Op::BvXor, v, mk_bv(32, k)))));
}

TEST(TermTable, StructurallyEqualTermsAreOneNode) {
  Term a = sample(3, 7);
  Term b = sample(3, 7);
  EXPECT_TRUE(a.same(b));
  EXPECT_EQ(a.id(), b.id());
  EXPECT_EQ(a.hash(), b.hash());
  EXPECT_FALSE(a.same(sample(3, 8)));
  EXPECT_FALSE(a.same(sample(4, 7)));
  // Same operator and arguments but another sort or parameter: different nodes.
  EXPECT_FALSE(mk_var(1, Sort::bitvec(8)).same(mk_var(1, Sort::bitvec(16))));
  Term w = mk_var(1, Sort::bitvec(32));
  EXPECT_FALSE(mk_extract(7, 0, w).same(mk_extract(8, 1, w)));
  EXPECT_FALSE(mk_zext(8, w).same(mk_sext(8, w)));
  EXPECT_FALSE(mk_int(5).same(mk_bv(64, 5)));
}

TEST(TermTable, IdsAreNeverReused) {
  TermId first = 0;
  {
    Term t = mk_binary(Op::Mul, mk_var(900001, Sort::bitvec(32)), mk_var(900002, Sort::bitvec(32)));
    first = t.id();
  }
  // The node above is gone; an equal term built now is a new node with a new id.
  Term again = mk_binary(Op::Mul, mk_var(900001, Sort::bitvec(32)), mk_var(900002, Sort::bitvec(32)));
  EXPECT_NE(again.id(), first);
}

TEST(TermTable, NodesAreFreedWhenTheLastHandleGoes) {
  const std::size_t before = Term::live_nodes();
  {
    Term x = mk_var(910000, Sort::bitvec(32));
    Term s = x;
    for (unsigned i = 0; i < 1000; ++i) s = mk_binary(Op::Add, mk_binary(Op::Mul, s, x), mk_bv(32, 1000 + i));
    EXPECT_GE(Term::live_nodes(), before + 2000);
  }
  EXPECT_EQ(Term::live_nodes(), before);
}

TEST(TermTable, DestroyingADeepTermDoesNotRecurse) {
  // A million levels would overflow the stack if each level's destructor called the next.
  Term x = mk_var(920000, Sort::bitvec(8));
  Term s = x;
  for (unsigned i = 0; i < 1000000; ++i) s = mk_binary(Op::BvXor, s, x);
  EXPECT_EQ(s.op(), Op::BvXor);
  s = Term();
  SUCCEED();
}

TEST(TermTable, ThreadsBuildingEqualTermsGetOneNode) {
  constexpr unsigned kThreads = 4, kTerms = 2000;
  std::vector<std::vector<Term>> built(kThreads);
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < kThreads; ++t)
    threads.emplace_back([&built, t] {
      for (unsigned i = 0; i < kTerms; ++i) {
        built[t].push_back(sample(930000 + i % 50, i));
        if (i % 3 == 0) built[t].pop_back();  // also let nodes die while others build
      }
    });
  for (std::thread& th : threads) th.join();
  for (unsigned t = 1; t < kThreads; ++t) {
    ASSERT_EQ(built[t].size(), built[0].size());
    for (std::size_t i = 0; i < built[0].size(); ++i) EXPECT_TRUE(built[t][i].same(built[0][i]));
  }
}

TEST(TermTable, HashIsStructuralAndEqualityIsIdentity) {
  std::unordered_set<Term> set;
  for (unsigned i = 0; i < 100; ++i) set.insert(sample(940000, i % 10));
  EXPECT_EQ(set.size(), 10u);
}

}  // namespace verdict::ir

namespace verdict::ir {

TEST(OpTable, OneRowPerOperatorWithUniqueNames) {
  std::unordered_set<std::string> names;
  for (std::size_t i = 0; i < op_count(); ++i) {
    const OpInfo& info = op_info(static_cast<Op>(i));
    EXPECT_EQ(static_cast<std::size_t>(info.op), i);
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_EQ(info.arity == 0, info.notation == Notation::Leaf) << info.name;
    // Concrete bit-vector semantics exactly for the binary operators on bit-vectors.
    const bool bv_binary = info.arity == 2 && (info.operands == Operands::BitVec || info.operands == Operands::Numeric);
    EXPECT_EQ(info.eval_bv != nullptr, bv_binary) << info.name;
  }
}

TEST(OpTable, SortRulesAreEnforcedByTheConstructors) {
  Term i = mk_var(950000, Sort::integer());
  Term b = mk_var(950001, Sort::bitvec(8));
  EXPECT_EQ(mk_binary(Op::Lt, i, i).sort(), Sort::boolean());
  EXPECT_EQ(mk_binary(Op::Add, i, i).sort(), Sort::integer());
  EXPECT_EQ(mk_binary(Op::Ult, b, b).sort(), Sort::boolean());
  EXPECT_DEATH(mk_binary(Op::Ult, i, i), "needs bit-vectors");
  EXPECT_DEATH(mk_binary(Op::Lt, b, b), "needs integers");
  EXPECT_DEATH(mk_binary(Op::And, mk_true(), mk_false()), "is not a binary");
  EXPECT_EQ(mk_binary(Op::SDiv, mk_bv(8, 0x80), mk_bv(8, 0xFF)).bits(), 0x80u);  // folded by the table
}

}  // namespace verdict::ir
