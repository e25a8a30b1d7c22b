// Unit tests of the select_properties pass: which checks a question keeps, removes or
// demotes to incomplete checks.
#include "transform/select_properties.h"

#include <gtest/gtest.h>

#include "transform/loop_programs.h"

namespace verdict::transform {

namespace {

using ir::PropertyKind;
using testing::bv_var;
using testing::c32;

/// One edge with one check of each property kind, in this order.
ir::Program one_check_of_each_kind() {
  ir::Program p;
  const ir::VarId x = p.add_var(bv_var("x", 32, true));
  const ir::LocId l0 = p.add_loc("entry"), l1 = p.add_loc("exit");
  std::vector<ir::Stmt> body{ir::Stmt::havoc(x, "parameter x")};
  for (PropertyKind k : {PropertyKind::Assertion, PropertyKind::SignedOverflow, PropertyKind::DivisionByZero,
                         PropertyKind::InvalidShift, PropertyKind::Unsupported, PropertyKind::BoundReached}) {
    const ir::PropId id = p.add_prop(k, "check", SourceLocation{"t.c", 1, 1});
    body.push_back(ir::Stmt::check(id, ir::mk_not(ir::mk_eq(p.var_term(x), c32(id)))));
  }
  p.add_edge(l0, l1, body);
  p.init = l0;
  p.exit = l1;
  return p;
}

/// The property kinds of the checks left on the program's edge, in order.
std::vector<PropertyKind> checked_kinds(const ir::Program& p) {
  std::vector<PropertyKind> out;
  for (const ir::Stmt& s : p.edges.at(0).body)
    if (s.kind == ir::Stmt::Kind::Check) out.push_back(p.props.at(s.prop).kind);
  return out;
}

}  // namespace

TEST(SelectProperties, AllKeepsEveryCheck) {
  ir::Program p = one_check_of_each_kind();
  const SelectPropertiesStats stats = select_properties(p, PropertySet::all());
  EXPECT_EQ(stats.kept, 6u);
  EXPECT_EQ(stats.removed, 0u);
  EXPECT_EQ(stats.demoted, 0u);
  EXPECT_EQ(checked_kinds(p).size(), 6u);
}

TEST(SelectProperties, UnreachCallRemovesOverflowAndDemotesOtherUndefinedArithmetic) {
  ir::Program p = one_check_of_each_kind();
  const SelectPropertiesStats stats = select_properties(p, PropertySet::only_unreach_call());
  EXPECT_EQ(stats.kept, 3u);     // assertion, unsupported, bound
  EXPECT_EQ(stats.removed, 1u);  // signed overflow (wraps around)
  EXPECT_EQ(stats.demoted, 2u);  // division by zero, shift: reaching one is don't know
  const std::vector<PropertyKind> expected{PropertyKind::Assertion, PropertyKind::Unsupported,
                                           PropertyKind::Unsupported, PropertyKind::Unsupported,
                                           PropertyKind::BoundReached};
  EXPECT_EQ(checked_kinds(p), expected);
  EXPECT_EQ(p.props.at(2).description.rfind("undefined behaviour not covered by the question", 0), 0u);
}

TEST(SelectProperties, NoOverflowRemovesAssertions) {
  ir::Program p = one_check_of_each_kind();
  const SelectPropertiesStats stats = select_properties(p, PropertySet::only_no_overflow());
  EXPECT_EQ(stats.removed, 1u);
  EXPECT_EQ(stats.demoted, 0u);
  EXPECT_EQ(checked_kinds(p).front(), PropertyKind::SignedOverflow);
}

TEST(SelectProperties, SvcompNoOverflowDemotesDivisionAndShift) {
  ir::Program p = one_check_of_each_kind();
  const SelectPropertiesStats stats = select_properties(p, PropertySet::svcomp_no_overflow());
  EXPECT_EQ(stats.removed, 1u);
  EXPECT_EQ(stats.demoted, 2u);
  EXPECT_EQ(p.props.at(1).kind, PropertyKind::SignedOverflow);
  EXPECT_EQ(p.props.at(2).kind, PropertyKind::Unsupported);
  EXPECT_EQ(p.props.at(3).kind, PropertyKind::Unsupported);
}

}  // namespace verdict::transform
