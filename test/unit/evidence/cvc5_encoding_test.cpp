// The independent checker's cvc5 encoding agrees with the IR's concrete semantics (the
// kind table's evaluation and ir/semantics), operator by operator, on sample values.
#include <gtest/gtest.h>

#include <random>

#include "evidence/cvc5_prove.h"
#include "ir/op_info.h"
#include "ir/semantics.h"

namespace verdict::evidence {

using ir::Op;
using ir::Term;

namespace {

/// Whether cvc5 proves that op(a, b) evaluates to `want` when a = va and b = vb.
bool proves(const Term& applied, const Term& a, const Term& b, const Term& va, const Term& vb, const Term& want) {
  const Term formula = ir::mk_and({ir::mk_eq(a, va), ir::mk_eq(b, vb), ir::mk_not(ir::mk_eq(applied, want))});
  return prove_unsat_cvc5(formula, support::Deadline(20)).empty();
}

}  // namespace

TEST(Cvc5Encoding, AgreesWithTheConcreteBitVectorSemantics) {
  std::mt19937_64 rng(11);
  const std::uint64_t specials[][2] = {{0x80, 0xFF}, {0x7F, 0}, {5, 9}, {0xFF, 7}};
  const Term a = ir::mk_var(0, ir::Sort::bitvec(8)), b = ir::mk_var(1, ir::Sort::bitvec(8));
  for (std::size_t i = 0; i < ir::op_count(); ++i) {
    const ir::OpInfo& info = ir::op_info(static_cast<Op>(i));
    if (info.eval_bv == nullptr) continue;
    // Built from variables so that nothing is folded before cvc5 sees it.
    const Term applied = ir::mk_binary(info.op, a, b);
    for (int round = 0; round < 6; ++round) {
      const std::uint64_t va = round < 4 ? specials[round][0] : rng() & 0xFF;
      const std::uint64_t vb = round < 4 ? specials[round][1] : rng() & 0xFF;
      const std::uint64_t want = *ir::eval_bv_binary(info.op, va, vb, 8);
      const bool to_bool = applied.sort().is_bool();
      const Term w = to_bool ? ir::mk_bool(want != 0) : ir::mk_bv(8, want);
      const Term other = to_bool ? ir::mk_bool(want == 0) : ir::mk_bv(8, want ^ 1);
      EXPECT_TRUE(proves(applied, a, b, ir::mk_bv(8, va), ir::mk_bv(8, vb), w)) << info.name << " " << va << " " << vb;
      EXPECT_FALSE(proves(applied, a, b, ir::mk_bv(8, va), ir::mk_bv(8, vb), other)) << info.name << " " << va << " " << vb;
    }
  }
}

TEST(Cvc5Encoding, IntegerFloorDivisionAndModuloRoundTowardMinusInfinity) {
  const Term a = ir::mk_var(0, ir::Sort::integer()), b = ir::mk_var(1, ir::Sort::integer());
  const std::int64_t pairs[][2] = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {6, 3}, {-6, 3}, {0, -5}};
  for (const auto& [va, vb] : pairs) {
    EXPECT_TRUE(proves(ir::mk_binary(Op::IntFloorDiv, a, b), a, b, ir::mk_int(va), ir::mk_int(vb),
                       ir::mk_int(ir::floor_div(va, vb))))
        << va << " // " << vb;
    EXPECT_TRUE(proves(ir::mk_binary(Op::IntFloorMod, a, b), a, b, ir::mk_int(va), ir::mk_int(vb),
                       ir::mk_int(ir::floor_mod(va, vb))))
        << va << " % " << vb;
  }
}

}  // namespace verdict::evidence
