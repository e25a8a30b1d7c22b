// Unit tests of the driver: the portfolio's decision rule (first vetted decisive result
// wins; two engines that disagree give don't know) and the vetting of evidence (a
// counterexample must replay, a proof's certificate must pass cvc5).
#include "driver/portfolio.h"

#include <gtest/gtest.h>

#include "driver/evidence_check.h"
#include "transform/loop_programs.h"

namespace verdict::driver {

namespace {

using Status = engines::EngineResult::Status;

/// An engine that returns a fixed result.
class FixedEngine final : public engines::Engine {
 public:
  FixedEngine(std::string name, engines::EngineResult result) : name_(std::move(name)), result_(std::move(result)) {}
  [[nodiscard]] std::string name() const override { return name_; }
  engines::EngineResult run(const ir::Program&, const engines::EngineContext&) override { return result_; }

 private:
  std::string name_;
  engines::EngineResult result_;
};

engines::EngineResult with_status(Status s, std::string reason = "") {
  engines::EngineResult r;
  r.status = s;
  r.reason = std::move(reason);
  return r;
}

PortfolioOutcome run_fixed(const ir::Program& p, std::vector<engines::EngineResult> results, const Vetting& vet = {}) {
  std::vector<EngineTask> tasks;
  for (std::size_t i = 0; i < results.size(); ++i)
    tasks.push_back({std::make_unique<FixedEngine>("e" + std::to_string(i), results[i]), &p, ""});
  Options options;
  engines::EngineContext context{options, support::Deadline(30)};
  return run_portfolio(tasks, context, vet);
}

/// counter_to_ten's loop-head invariant 0 <= i <= 10 (head is location 1, i is variable 0).
ir::Term counter_invariant(const ir::Program& p) {
  const ir::Term i = p.var_term(0);
  return ir::mk_and(ir::mk_binary(ir::Op::Sle, testing::c32(0), i), ir::mk_binary(ir::Op::Sle, i, testing::c32(10)));
}

}  // namespace

TEST(Portfolio, EnginesThatDisagreeGiveDontKnow) {
  const ir::Program p = testing::counter_to_ten();
  const PortfolioOutcome out = run_fixed(p, {with_status(Status::Safe), with_status(Status::Violation)});
  EXPECT_EQ(out.result.status, Status::Unknown);
  EXPECT_TRUE(out.engine.empty());
  EXPECT_NE(out.result.reason.find("disagree"), std::string::npos) << out.result.reason;
}

TEST(Portfolio, AgreeingEnginesDecide) {
  const ir::Program p = testing::counter_to_ten();
  const PortfolioOutcome out =
      run_fixed(p, {with_status(Status::Unknown, "gave up"), with_status(Status::Safe), with_status(Status::Safe)});
  EXPECT_EQ(out.result.status, Status::Safe);
  EXPECT_EQ(out.engine, "e1");
  EXPECT_EQ(out.program, &p);
}

TEST(Portfolio, NobodyDecidingMergesTheReasons) {
  const ir::Program p = testing::counter_to_ten();
  const PortfolioOutcome out = run_fixed(p, {with_status(Status::Unknown, "a"), with_status(Status::Unknown, "b")});
  EXPECT_EQ(out.result.status, Status::Unknown);
  EXPECT_EQ(out.result.reason, "a; b");
  EXPECT_EQ(out.tried.size(), 2u);
}

TEST(Portfolio, VettingDowngradesBadEvidenceAndTheOtherEngineWins) {
  const ir::Program p = testing::counter_to_ten();
  engines::EngineResult good = with_status(Status::Safe);
  good.certificate = engines::Certificate{{{1, counter_invariant(p)}}, 1};
  // e0 claims a violation without a counterexample: vetting turns it into Unknown, so it
  // neither wins nor counts as a disagreement with e1.
  const PortfolioOutcome out =
      run_fixed(p, {with_status(Status::Violation), good}, [](engines::EngineResult& r, const std::string& e,
                                                            const ir::Program& prog) {
        vet_result(r, e, prog, support::Deadline(30));
      });
  EXPECT_EQ(out.result.status, Status::Safe) << out.result.reason;
  EXPECT_EQ(out.engine, "e1");
}

TEST(Vetting, ACounterexampleThatDoesNotReplayIsRejected) {
  const ir::Program p = testing::counter_to_ten();
  engines::EngineResult r = with_status(Status::Violation);
  r.counterexample = engines::RawCounterexample{{0}, {}, 0};  // stops after one edge: no violation
  vet_result(r, "fake", p, support::Deadline(30));
  EXPECT_EQ(r.status, Status::Unknown);
  EXPECT_NE(r.reason.find("did not replay"), std::string::npos) << r.reason;
}

TEST(Vetting, AProofWithoutCertificateIsRejected) {
  const ir::Program p = testing::counter_to_ten();
  engines::EngineResult r = with_status(Status::Safe);
  vet_result(r, "fake", p, support::Deadline(30));
  EXPECT_EQ(r.status, Status::Unknown);
  EXPECT_NE(r.reason.find("without an independently checkable certificate"), std::string::npos) << r.reason;
}

TEST(Vetting, AWrongCertificateIsRejected) {
  const ir::Program p = testing::counter_to_ten();
  engines::EngineResult r = with_status(Status::Safe);
  // i <= 5 is not inductive (and not true): cvc5 must refuse it.
  r.certificate = engines::Certificate{{{1, ir::mk_binary(ir::Op::Sle, p.var_term(0), testing::c32(5))}}, 1};
  vet_result(r, "fake", p, support::Deadline(30));
  EXPECT_EQ(r.status, Status::Unknown);
  EXPECT_NE(r.reason.find("failed the cvc5 check"), std::string::npos) << r.reason;
}

TEST(Vetting, ACheckedCertificateBecomesTheProofsItems) {
  const ir::Program p = testing::counter_to_ten();
  engines::EngineResult r = with_status(Status::Safe);
  r.proof = Proof{"fake method", {}, {}};
  r.certificate = engines::Certificate{{{1, counter_invariant(p)}}, 1};
  vet_result(r, "fake", p, support::Deadline(30));
  ASSERT_EQ(r.status, Status::Safe) << r.reason;
  EXPECT_EQ(r.proof->method, "fake method");
  ASSERT_EQ(r.proof->items.size(), 1u);
  EXPECT_EQ(r.proof->items[0].text, "(0 <= i) && (i <= 10)");
  EXPECT_EQ(r.proof->items[0].loc.line, 2u);
  ASSERT_EQ(r.proof->checked_by.size(), 1u);
  EXPECT_EQ(r.proof->checked_by[0].rfind("cvc5 re-checked", 0), 0u);
}

}  // namespace verdict::driver
