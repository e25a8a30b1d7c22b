// The termination engine on small C functions written for these tests, each answer
// re-checked the way the driver does (cvc5 for proofs, the IR interpreter for witnesses).
#include "engines/termination/termination_engine.h"

#include <gtest/gtest.h>

#include "temp_source.h"
#include "engines/termination/ranking_synthesis.h"
#include "evidence/termination_check.h"
#include "frontend/c/c_frontend.h"
#include "ir/validator.h"
#include "transform/integer_reading.h"
#include "transform/signedness.h"
#include "transform/split_parallel_edges.h"
#include "transform/termination_view.h"

namespace verdict::engines::termination {

namespace {

using Status = TerminationResult::Status;

struct Views {
  ir::Program proof, witness;
};

Views views_of(const std::string& code, const std::string& entry = "f") {
  frontend::c::CFrontendOptions options;
  options.entry = entry;
  ir::Program p = frontend::c::translate_file(testing::write_temp_source(code), options);
  transform::mark_signed_temporaries(p);
  Views v{p, p};
  transform::make_termination_view(v.proof, transform::TerminationView::Proof);
  transform::split_parallel_edges(v.proof);
  transform::make_termination_view(v.witness, transform::TerminationView::Witness);
  EXPECT_TRUE(ir::validate(v.proof).empty());
  return v;
}

TerminationResult prove(const ir::Program& p) {
  Options o;
  return prove_termination(p, EngineContext{o, support::Deadline(30)});
}

TerminationResult refute(const ir::Program& p, double seconds = 20) {
  Options o;
  return find_nontermination(p, EngineContext{o, support::Deadline(seconds)});
}

/// A proof the independent checker accepts; returns it.
ir::RankingCertificate expect_checked_proof(const ir::Program& p) {
  const TerminationResult r = prove(p);
  EXPECT_EQ(r.status, Status::Terminates) << r.reason;
  if (!r.ranking) return {};
  const evidence::TerminationCheck check = evidence::check_ranking(p, *r.ranking, support::Deadline(30));
  EXPECT_TRUE(check.valid) << check.message;
  return *r.ranking;
}

const char* kFoundingG = "void g(int x, int y) { if (y > 0) while (x > y) x = x - y; }";
const char* kFoundingG2 = "void g2(int x, int y) { while (x > y) x = x - y; }";

}  // namespace

TEST(Termination, FoundingGHasACheckedRankingFunction) {
  const ir::RankingCertificate cert = expect_checked_proof(views_of(kFoundingG, "g").proof);
  ASSERT_EQ(cert.levels.size(), 1u);
  EXPECT_FALSE(cert.levels[0].decreasing.empty());
}

TEST(Termination, FoundingG2RepeatsItsState) {
  const Views v = views_of(kFoundingG2, "g2");
  const TerminationResult r = refute(v.witness);
  ASSERT_EQ(r.status, Status::NonTerminating) << r.reason;
  ASSERT_TRUE(r.lasso.has_value());
  const evidence::TerminationCheck check = evidence::check_lasso(v.witness, *r.lasso);
  ASSERT_TRUE(check.valid) << check.message;
  // The repeating state has y == 0 (and x > 0): the only way x - y leaves x unchanged.
  bool saw_y = false;
  for (ir::VarId i = 0; i < v.witness.vars.size(); ++i) {
    if (v.witness.vars[i].source_name != "y") continue;
    saw_y = true;
    EXPECT_EQ(check.repeated[i].bits, 0u);
  }
  EXPECT_TRUE(saw_y);
  EXPECT_NE(prove(v.proof).status, Status::Terminates);
}

TEST(Termination, LexicographicNeedsTwoLevels) {
  const char* code =
      "void f(int i, int j, int n) {\n"
      "  if (n < 0 || n > 1000 || j < 0 || j > 1000) return;\n"
      "  i = n;\n"
      "  while (i > 0) { if (j > 0) j--; else { j = n; i--; } }\n"
      "}\n";
  const ir::RankingCertificate cert = expect_checked_proof(views_of(code).proof);
  EXPECT_GE(cert.levels.size(), 2u);
}

TEST(Termination, NestedLoops) {
  const char* code = "void f(int n) { if (n > 1000) return; for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) ; }";
  const ir::RankingCertificate cert = expect_checked_proof(views_of(code).proof);
  EXPECT_GE(cert.levels.size(), 2u);
}

TEST(Termination, SupportingInvariantIsNeeded) {
  // x decreases only because y >= 1 holds at the loop: no ranking function without that fact.
  const char* code = "void f(int x, int y) { if (y < 1 || y > 10 || x > 1000) return; while (x > 0) x = x - y; }";
  const Views v = views_of(code);
  const ir::RankingCertificate cert = expect_checked_proof(v.proof);
  EXPECT_FALSE(cert.invariants.empty());
  const transform::CutPointSystem sys = transform::build_cut_point_system(
      v.proof, cert.every_loop_location ? transform::CutPointChoice::EveryLoopLocation : transform::CutPointChoice::LoopHeads);
  const RankingSearch without = synthesize_ranking(v.proof, sys, {}, support::Deadline(20));
  EXPECT_FALSE(without.found);
}

TEST(Termination, WrongRankingFunctionIsRejected) {
  const Views v = views_of(kFoundingG, "g");
  ir::RankingCertificate cert = expect_checked_proof(v.proof);
  ASSERT_FALSE(cert.levels.empty());
  // y never changes in the loop: it cannot decrease.
  for (auto& [loc, f] : cert.levels[0].functions) {
    f.terms.clear();
    for (ir::VarId i = 0; i < v.proof.vars.size(); ++i)
      if (v.proof.vars[i].source_name == "y") f.terms.push_back({i, 1});
  }
  const evidence::TerminationCheck check = evidence::check_ranking(v.proof, cert, support::Deadline(30));
  EXPECT_FALSE(check.valid);
  EXPECT_NE(check.message.find("not proved"), std::string::npos) << check.message;
  // Dropping every level leaves the loop's cycle unranked.
  cert.levels.clear();
  EXPECT_FALSE(evidence::check_ranking(v.proof, cert, support::Deadline(30)).valid);
}

TEST(Termination, AckermannStyleRecursionHasALexicographicPairAndTheSwappedPairIsRejected) {
  // Each call decreases m, or keeps m and decreases n: no single linear function does.
  frontend::c::CFrontendOptions options;
  options.entry = "f";
  options.modular = true;
  ir::Program p = frontend::c::translate_file(
      testing::write_temp_source("int a(int m, int n) { if (m <= 0) return 0; if (n <= 0) return a(m - 1, 1);\n"
                                 "  return a(m - 1, a(m, n - 1)); }\n"
                                 "void f(int m, int n) { a(m, n); }\n"),
      options);
  transform::mark_signed_temporaries(p);
  transform::make_termination_view(p, transform::TerminationView::Proof);
  ASSERT_FALSE(p.procedures.empty());
  ir::RankingCertificate cert = expect_checked_proof(p);
  ASSERT_EQ(cert.recursion.size(), 1u);
  ASSERT_EQ(cert.recursion_next.size(), 1u);
  const auto name = [&](const ir::LinearFunction& f) {
    return f.terms.size() == 1 ? p.vars[f.terms[0].first].source_name : std::string("?");
  };
  EXPECT_EQ(name(cert.recursion.begin()->second), "m");
  EXPECT_EQ(name(cert.recursion_next.begin()->second), "n");
  // n first: the call a(m - 1, 1) can raise n.
  std::swap(cert.recursion, cert.recursion_next);
  EXPECT_FALSE(evidence::check_ranking(p, cert, support::Deadline(30)).valid);
  // The first alone does not decrease on the inner call a(m, n - 1).
  std::swap(cert.recursion, cert.recursion_next);
  cert.recursion_next.clear();
  EXPECT_FALSE(evidence::check_ranking(p, cert, support::Deadline(30)).valid);
}

TEST(Termination, TwoPhaseLevelIsCheckedAndAWrongPhaseRejected) {
  // x grows while y > 0 and shrinks after: no linear ranking function, a two-phase one
  // (y + 1, then x). Over the integer reading: no overflow to exclude.
  const Views v = views_of("void f(int x, int y) { while (x >= 0) { x = x + y; y = y - 1; } }");
  const std::optional<ir::Program> integer = transform::integer_reading(v.proof);
  ASSERT_TRUE(integer.has_value());
  ir::RankingCertificate cert = expect_checked_proof(*integer);
  ASSERT_EQ(cert.levels.size(), 1u);
  ASSERT_FALSE(cert.levels[0].phase.empty());
  // Without its first phase the level is a plain one, and x does not decrease.
  for (auto& [loc, f] : cert.levels[0].phase) f = ir::LinearFunction{};
  const evidence::TerminationCheck check = evidence::check_ranking(*integer, cert, support::Deadline(30));
  EXPECT_FALSE(check.valid);
  EXPECT_NE(check.message.find("two-phase decrease"), std::string::npos) << check.message;
}

TEST(Termination, UnsignedCountdownNeverEnds) {
  const Views v = views_of("void f(unsigned n) { for (unsigned i = n; i >= 0; i--) ; }");
  const TerminationResult r = refute(v.witness);
  ASSERT_EQ(r.status, Status::NonTerminating) << r.reason;
  ASSERT_TRUE(r.recurrent_set.has_value());
  const evidence::TerminationCheck check = evidence::check_recurrent_set(v.witness, *r.recurrent_set,
                                                                         support::Deadline(30));
  EXPECT_TRUE(check.valid) << check.message;
}

TEST(Termination, OddUnsignedCounterNeverReachesZero) {
  const Views v = views_of("void f(unsigned x) { if (x % 2 == 0) return; while (x != 0) x = x + 2; }");
  const TerminationResult r = refute(v.witness);
  ASSERT_EQ(r.status, Status::NonTerminating) << r.reason;
  ASSERT_TRUE(r.recurrent_set.has_value());
  EXPECT_TRUE(evidence::check_recurrent_set(v.witness, *r.recurrent_set, support::Deadline(30)).valid);
  // Its even variant terminates: the counter reaches 0 within 2^31 steps, but no linear
  // ranking function over the wrapping counter exists, so no proof either.
  const Views even = views_of("void f(unsigned x) { if (x % 2 == 1) return; while (x != 0) x = x + 2; }");
  EXPECT_NE(refute(even.witness, 5).status, Status::NonTerminating);
}

TEST(Termination, CycleOfTwoStates) {
  const Views v = views_of("void f(int x) { if (x < 0 || x > 10) return; while (x != 5) x = (x == 3) ? 4 : 3; }");
  const TerminationResult r = refute(v.witness);
  ASSERT_EQ(r.status, Status::NonTerminating) << r.reason;
  ASSERT_TRUE(r.lasso.has_value());
  EXPECT_TRUE(evidence::check_lasso(v.witness, *r.lasso).valid);
}

TEST(Termination, NondeterministicChoiceNamedByTheWitness) {
  const char* code =
      "extern int __VERIFIER_nondet_int(void);\n"
      "void f(void) { int x = 1; while (x > 0) x = __VERIFIER_nondet_int(); }\n";
  const Views v = views_of(code);
  const TerminationResult r = refute(v.witness);
  ASSERT_EQ(r.status, Status::NonTerminating) << r.reason;
  ASSERT_TRUE(r.lasso.has_value());
  ASSERT_EQ(r.lasso->loop_inputs.size(), 1u);  // the choice that keeps x positive
  EXPECT_TRUE(evidence::check_lasso(v.witness, *r.lasso).valid);
}

TEST(Termination, SignedOverflowIsNoWitnessAndNoProof) {
  // x only grows: every execution without undefined behaviour ends in the overflow, so
  // there is no infinite one; but the overflow is reachable, so no yes either.
  const Views v = views_of("void f(int x) { while (x > 0) x = x + 1; }");
  EXPECT_EQ(prove(v.proof).status, Status::Unknown);
  EXPECT_NE(refute(v.witness, 5).status, Status::NonTerminating);
}

TEST(Termination, FailingAssertionEndsTheExecution) {
  // Without the assertion the loop would run forever from every x; with it, only from x < 0.
  const char* code = "#include <assert.h>\nvoid f(int x) { while (1) { assert(x < 0); } }\n";
  const Views v = views_of(code);
  const TerminationResult r = refute(v.witness);
  ASSERT_EQ(r.status, Status::NonTerminating) << r.reason;
  const evidence::TerminationCheck check = evidence::check_lasso(v.witness, *r.lasso);
  ASSERT_TRUE(check.valid) << check.message;
  for (ir::VarId i = 0; i < v.witness.vars.size(); ++i)
    if (v.witness.vars[i].source_name == "x") {
      EXPECT_GE(check.repeated[i].bits, 0x80000000u);
    }
}

TEST(Termination, ProgramWithoutInputsIsRunToItsEnd) {
  const char* code = "int main(void) { int s = 0; for (int a = 0; a < 6; ++a) for (int b = 0; b < 6; ++b) s += a; return s; }";
  const Views v = views_of(code, "main");
  const TerminationResult r = prove(v.proof);
  ASSERT_EQ(r.status, Status::Terminates) << r.reason;
  ASSERT_TRUE(r.complete_run.has_value());
  EXPECT_TRUE(evidence::check_complete_run(v.proof, *r.complete_run).valid);
  // The same shape with an input is not a single run.
  const Views with_input = views_of("void f(int n) { int s = 0; for (int a = 0; a < n; ++a) s += 1; }");
  EXPECT_FALSE(evidence::check_complete_run(with_input.proof, ir::CompleteRun{1000000}).valid);
  // A run that does not end within the limit proves nothing.
  const Views forever = views_of("int main(void) { int i = 0; while (i < 10) { } return 0; }", "main");
  EXPECT_FALSE(evidence::check_complete_run(forever.proof, ir::CompleteRun{100000}).valid);
}

TEST(Termination, LoopFreeProgramTerminates) {
  const ir::RankingCertificate cert = expect_checked_proof(views_of("int f(int x) { return x > 0 ? 1 : 2; }").proof);
  EXPECT_TRUE(cert.levels.empty());
}

}  // namespace verdict::engines::termination
