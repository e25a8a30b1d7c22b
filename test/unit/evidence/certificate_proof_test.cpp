// Unit tests of the proof items built from certificates: integer bounds that another bound
// of the same conjunction implies are not shown (the shown formula is equivalent).
#include "evidence/certificate_proof.h"

#include <gtest/gtest.h>

namespace verdict::evidence {
namespace {

using ir::Op;

TEST(CertificateProof, ImpliedIntegerBoundsAreNotShown) {
  ir::Program p;
  p.language = "Python";
  p.add_var(ir::Variable{"f.x", ir::Sort::integer(), "x", "int", true, {}});
  p.add_var(ir::Variable{"f.y", ir::Sort::integer(), "y", "int", true, {}});
  const ir::LocId head = p.add_loc("head", SourceLocation{"f.py", 3, 5});
  const ir::Term x = p.var_term(0), y = p.var_term(1);
  const ir::Term inv = ir::mk_and({ir::mk_binary(Op::Le, ir::mk_int(0), y), ir::mk_binary(Op::Lt, ir::mk_int(0), y),
                                   ir::mk_binary(Op::Le, x, ir::mk_int(7)), ir::mk_binary(Op::Lt, x, ir::mk_int(9)),
                                   ir::mk_binary(Op::Le, x, y)});
  const std::vector<ProofItem> items = invariant_items(p, {{head, inv}});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, "0 < y and x <= 7 and x <= y");
  // x < 9 is not implied by x <= 7 the other way round: both kept when they differ in variable
  const ir::Term two = ir::mk_and(ir::mk_binary(Op::Lt, x, ir::mk_int(9)), ir::mk_binary(Op::Lt, y, ir::mk_int(9)));
  EXPECT_EQ(invariant_items(p, {{head, two}})[0].text, "x < 9 and y < 9");
}

}  // namespace
}  // namespace verdict::evidence
