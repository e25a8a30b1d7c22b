// Unit tests of the signedness analysis: temporaries take the signedness of what is
// assigned to them; source variables keep their C type's.
#include "transform/signedness.h"

#include <gtest/gtest.h>

#include "transform/loop_programs.h"

namespace verdict::transform {

namespace {

ir::Variable temporary(const std::string& name) { return ir::Variable{name, ir::Sort::bitvec(32), "", "", false, {}}; }

}  // namespace

TEST(Signedness, TemporariesFollowWhatIsAssignedToThem) {
  ir::Program p;
  const ir::VarId s = p.add_var(testing::bv_var("s", 32, true));   // int s
  const ir::VarId u = p.add_var(testing::bv_var("u", 32, false));  // unsigned u
  const ir::VarId t1 = p.add_var(temporary("t1"));                 // t1 := s + 1
  const ir::VarId t2 = p.add_var(temporary("t2"));                 // t2 := u + 1
  const ir::VarId t3 = p.add_var(temporary("t3"));                 // t3 := t1 (a copy, later)
  const ir::VarId t4 = p.add_var(temporary("t4"));                 // t4 := sext(u[15:0])
  const ir::LocId l0 = p.add_loc("entry"), l1 = p.add_loc("mid"), l2 = p.add_loc("exit");
  // t3 is assigned before t1 on the path: only the fixpoint sees that t1 is signed.
  p.add_edge(l0, l1, {ir::Stmt::assign(t3, p.var_term(t1))});
  p.add_edge(l1, l2, {ir::Stmt::assign(t1, ir::mk_binary(ir::Op::Add, p.var_term(s), testing::c32(1))),
                      ir::Stmt::assign(t2, ir::mk_binary(ir::Op::Add, p.var_term(u), testing::c32(1))),
                      ir::Stmt::assign(t4, ir::mk_sext(16, ir::mk_extract(15, 0, p.var_term(u))))});
  p.init = l0;
  p.exit = l2;
  mark_signed_temporaries(p);
  EXPECT_TRUE(p.vars[s].is_signed);
  EXPECT_FALSE(p.vars[u].is_signed);  // a source variable keeps its type's signedness
  EXPECT_TRUE(p.vars[t1].is_signed);
  EXPECT_FALSE(p.vars[t2].is_signed);
  EXPECT_TRUE(p.vars[t3].is_signed);
  EXPECT_TRUE(p.vars[t4].is_signed);
}

TEST(Signedness, SourceVariablesAreNeverChanged) {
  ir::Program p;
  const ir::VarId s = p.add_var(testing::bv_var("s", 32, true));
  const ir::VarId u = p.add_var(testing::bv_var("u", 32, false));
  const ir::LocId l0 = p.add_loc("entry"), l1 = p.add_loc("exit");
  p.add_edge(l0, l1, {ir::Stmt::assign(u, p.var_term(s))});  // an unsigned variable holding a signed value
  p.init = l0;
  p.exit = l1;
  mark_signed_temporaries(p);
  EXPECT_FALSE(p.vars[u].is_signed);
}

}  // namespace verdict::transform
