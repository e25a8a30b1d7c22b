#include "evidence/certificate_check.h"

#include <gtest/gtest.h>

#include "transform/loop_programs.h"

namespace verdict::evidence {

namespace {

ir::Term sle(const ir::Term& a, const ir::Term& b) { return ir::mk_binary(ir::Op::Sle, a, b); }

CertificateCheck check(const ir::Program& p, std::map<ir::LocId, ir::Term> inv, unsigned k = 1) {
  ir::Certificate c;
  c.invariants = std::move(inv);
  c.k = k;
  return check_certificate(p, c, support::Deadline(20));
}

}  // namespace

TEST(CertificateCheck, AcceptsCounterInvariant) {
  ir::Program p = testing::counter_to_ten();
  const ir::Term i = p.var_term(0);
  auto r = check(p, {{1, ir::mk_and(sle(testing::c32(0), i), sle(i, testing::c32(10)))}});
  EXPECT_TRUE(r.valid) << r.message;
  EXPECT_GE(r.obligations_checked.size(), 3u);
}

TEST(CertificateCheck, RejectsNonInductiveInvariant) {
  ir::Program p = testing::counter_to_ten();
  auto r = check(p, {{1, sle(p.var_term(0), testing::c32(9))}});
  EXPECT_FALSE(r.valid);
  EXPECT_FALSE(r.undecided);  // refuted: the certificate is wrong
  EXPECT_NE(r.message.find("consecution"), std::string::npos) << r.message;
}

TEST(CertificateCheck, RejectsTooWeakInvariant) {
  ir::Program p = testing::counter_to_ten();
  auto r = check(p, {});
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.message.find("safety"), std::string::npos) << r.message;
}

TEST(CertificateCheck, InvariantsMayStandAtAnyLocationAndAreCheckedThere) {
  ir::Program p = testing::counter_to_ten();
  const ir::Term i = p.var_term(0);
  const ir::Term bounds = ir::mk_and(sle(testing::c32(0), i), sle(i, testing::c32(10)));
  // Location 2 ("after") is no loop head: an invariant there is one more obligation.
  auto right = check(p, {{1, bounds}, {2, ir::mk_eq(i, testing::c32(10))}});
  EXPECT_TRUE(right.valid) << right.message;
  auto wrong = check(p, {{1, bounds}, {2, ir::mk_eq(i, testing::c32(9))}});
  EXPECT_FALSE(wrong.valid);
  EXPECT_NE(wrong.message.find("consecution head (line 2) -> after"), std::string::npos) << wrong.message;
}

// x := 0; then either x := 1 or x := 2 (both branches always possible); assert(x != 2).
ir::Program overlapping_branches() {
  ir::Program p;
  const ir::VarId x = p.add_var(ir::Variable{"x", ir::Sort::bitvec(32), "x", "int", true, {}});
  const ir::LocId l0 = p.add_loc("entry"), a = p.add_loc("a"), join = p.add_loc("join"), done = p.add_loc("exit");
  const ir::PropId prop = p.add_prop(ir::PropertyKind::Assertion, "assertion x != 2", SourceLocation{"t.c", 4, 1});
  p.add_edge(l0, a, {ir::Stmt::assign(x, testing::c32(0))});
  p.add_edge(a, join, {ir::Stmt::assume(ir::mk_true()), ir::Stmt::assign(x, testing::c32(1))});
  p.add_edge(a, join, {ir::Stmt::assume(ir::mk_true()), ir::Stmt::assign(x, testing::c32(2))});
  p.add_edge(join, done, {ir::Stmt::check(prop, ir::mk_not(ir::mk_eq(p.var_term(x), testing::c32(2))))});
  p.init = l0;
  p.exit = done;
  return p;
}

TEST(CertificateCheck, PathsThatMeetKeepEveryExecution) {
  // Merging the two branches by their (overlapping) conditions alone would keep only one
  // of them and "prove" the assertion; the second branch violates it.
  ir::Program p = overlapping_branches();
  auto r = check(p, {});
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.message.find("safety of 'assertion x != 2'"), std::string::npos) << r.message;
}

TEST(CertificateCheck, AcceptsRelationalInvariant) {
  ir::Program p = testing::twin_counters();
  auto r = check(p, {{1, ir::mk_eq(p.var_term(0), p.var_term(1))}});
  EXPECT_TRUE(r.valid) << r.message;
}

TEST(CertificateCheck, RejectsIntegerInvariantThatWraps) {
  ir::Program p = testing::wrapping_counter();
  auto r = check(p, {{1, ir::mk_binary(ir::Op::Ule, ir::mk_bv(8, 1), p.var_term(0))}});
  EXPECT_FALSE(r.valid);
}

TEST(CertificateCheck, AcyclicProgramWithEmptyCertificate) {
  EXPECT_TRUE(check(testing::straight_line(false), {}).valid);
  EXPECT_FALSE(check(testing::straight_line(true), {}).valid);
}

TEST(CertificateCheck, KInductiveCertificate) {
  ir::Program p = testing::count_to_n();
  EXPECT_FALSE(check(p, {}, 1).valid);
  auto r = check(p, {}, 2);
  EXPECT_TRUE(r.valid) << r.message;
}

// recursive_countdown: locations init 0, main.call 1, main.after 2, exit 3, down.entry 4,
// down.return 5, down.call 6, down.after 7; variables x 0, y 1, n 2, result 3, m 4, c 5.
std::map<ir::LocId, ir::Term> countdown_summary(const ir::Program& p) {
  return {{5, ir::mk_eq(p.var_term(3), testing::c32(0))},
          {7, ir::mk_eq(p.var_term(5), testing::c32(0))},
          {2, ir::mk_eq(p.var_term(1), testing::c32(0))}};
}

TEST(CertificateCheck, AcceptsProcedureSummary) {
  ir::Program p = testing::recursive_countdown(0);
  auto r = check(p, countdown_summary(p));
  EXPECT_TRUE(r.valid) << r.message;
  bool precondition = false, ret = false;
  for (const std::string& o : r.obligations_checked) {
    precondition = precondition || o.find("precondition of the call of down") != std::string::npos;
    ret = ret || o.find("return from the call of down") != std::string::npos;
  }
  EXPECT_TRUE(precondition && ret);
}

TEST(CertificateCheck, RejectsSummaryTheBodyDoesNotEstablish) {
  ir::Program p = testing::recursive_countdown(0);
  auto inv = countdown_summary(p);
  inv.erase(7);  // after the recursive call nothing is known: result == 0 does not follow
  auto r = check(p, inv);
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.message.find("consecution"), std::string::npos) << r.message;
}

TEST(CertificateCheck, RejectsPreconditionACallerViolates) {
  ir::Program p = testing::recursive_countdown(0);
  auto inv = countdown_summary(p);
  inv[4] = sle(testing::c32(5), p.var_term(2));  // main calls down(x) with x = 0 too
  auto r = check(p, inv);
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.message.find("precondition of the call of down"), std::string::npos) << r.message;
}

TEST(CertificateCheck, RejectsWrongSummaryForTheAssertion) {
  ir::Program p = testing::recursive_countdown(1);
  auto r = check(p, countdown_summary(p));  // y == 0 holds, so the assertion y == 1 fails
  EXPECT_FALSE(r.valid);
}

TEST(CertificateCheck, RejectsKInductionOnModularPrograms) {
  ir::Program p = testing::recursive_countdown(0);
  EXPECT_FALSE(check(p, countdown_summary(p), 2).valid);
}

TEST(CertificateCheck, RejectsSummariesWhenAParameterIsAssigned) {
  ir::Program p = testing::recursive_countdown(0);
  p.edges.back().body.push_back(ir::Stmt::assign(2, testing::c32(7)));  // n := 7 before returning
  auto r = check(p, countdown_summary(p));
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.message.find("parameter n"), std::string::npos) << r.message;
}

}  // namespace verdict::evidence

namespace verdict::evidence {

CertificateCheck check_bounded(const ir::Program& p, unsigned bound) {
  ir::Certificate c;
  c.bound = bound;
  return check_certificate(p, c, support::Deadline(20));
}

TEST(CertificateCheck, BoundedCertificateHoldsExactlyFromTheLongestPath) {
  // entry -> head, ten rounds of head -> head, head -> after, after -> exit: 13 edges.
  ir::Program p = testing::counter_to_ten();
  auto exact = check_bounded(p, 13);
  EXPECT_TRUE(exact.valid) << exact.message;
  auto short_by_one = check_bounded(p, 12);
  EXPECT_FALSE(short_by_one.valid);
  EXPECT_NE(short_by_one.message.find("every execution ends within 12 steps"), std::string::npos)
      << short_by_one.message;
}

TEST(CertificateCheck, BoundedCertificateExcludesFailingChecks) {
  ir::Program p = overlapping_branches();  // acyclic, 3 edges, the assertion fails on one branch
  auto r = check_bounded(p, 3);
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.message.find("no check fails within 3 steps"), std::string::npos) << r.message;
}

TEST(CertificateCheck, BoundedCertificateOfAnUnboundedLoopIsRejected) {
  ir::Program p = testing::count_to_n();
  EXPECT_FALSE(check_bounded(p, 50).valid);
}

}  // namespace verdict::evidence

namespace verdict::evidence {

TEST(CertificateCheck, AnUnfinishedCheckIsUndecidedNotWrong) {
  ir::Program p = testing::counter_to_ten();
  const ir::Term i = p.var_term(0);
  ir::Certificate c;
  c.invariants = {{1, ir::mk_and(sle(testing::c32(0), i), sle(i, testing::c32(10)))}};
  const support::Deadline stopped(20);
  stopped.cancel();
  auto r = check_certificate(p, c, stopped);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(r.undecided) << r.message;
}

}  // namespace verdict::evidence
