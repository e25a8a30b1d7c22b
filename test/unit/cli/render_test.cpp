// Unit tests of the CLI's renderers: the JSON and text spelling of answers that scripts
// and people depend on (the enums of the public API become the documented strings).
#include "cli/render.h"

#include <gtest/gtest.h>

#include "cli/cmd_policy.h"

namespace verdict::cli {

namespace {

Answer proved_answer() {
  Answer a;
  a.verdict = Verdict::Yes;
  a.question = "unreach-call";
  a.file = "t.c";
  a.entry = "main";
  a.engine = "k-induction";
  a.evidence.proof = Proof{"k-induction (k = 1)", {{"invariant", {"t.c", 2, 3}, "(0 <= i) && (i <= 10)"}},
                           {"cvc5 re-checked 3 proof obligations"}};
  a.evidence.properties = {{"unreach-call", "assertion i == 10", {"t.c", 3, 1}, PropertyState::Safe},
                           {"unreach-call", "assertion dead", {"t.c", 4, 1}, PropertyState::Unreachable}};
  a.assumptions = {"C11"};
  a.tried = {"bmc: bounded model checking to depth 3 (limit: 10000 steps)"};
  return a;
}

}  // namespace

TEST(Render, JsonOfAProof) {
  const nlohmann::json j = answer_to_json(proved_answer());
  EXPECT_EQ(j["answer"], "yes");
  EXPECT_EQ(j["engine"], "k-induction");
  EXPECT_EQ(j["evidence"]["proof"]["method"], "k-induction (k = 1)");
  EXPECT_EQ(j["evidence"]["proof"]["items"][0]["text"], "(0 <= i) && (i <= 10)");
  EXPECT_EQ(j["evidence"]["proof"]["items"][0]["location"]["line"], 2);
  EXPECT_EQ(j["evidence"]["properties"][0]["status"], "safe");
  EXPECT_EQ(j["evidence"]["properties"][1]["status"], "unreachable");
  EXPECT_EQ(j["tried"][0], "bmc: bounded model checking to depth 3 (limit: 10000 steps)");
  EXPECT_FALSE(j["evidence"].contains("counterexample"));
}

TEST(Render, TextOfAProof) {
  const std::string text = answer_to_text(proved_answer());
  EXPECT_NE(text.find("proof: k-induction (k = 1)\n  invariant at t.c:2:3: (0 <= i) && (i <= 10)\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("  [safe] assertion i == 10 at t.c:3:1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  [unreachable] assertion dead at t.c:4:1\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("tried:"), std::string::npos) << "what was tried is shown for don't know only";
  EXPECT_NE(text.find("answer: YES (no property can fail)\n"), std::string::npos) << text;
}

TEST(Render, DontKnowShowsTheReasonAndWhatWasTried) {
  Answer a = proved_answer();
  a.verdict = Verdict::DontKnow;
  a.engine.clear();
  a.evidence.proof.reset();
  a.evidence.properties = {{"no-overflow", "signed overflow in x + 1", {"t.c", 5, 7}, PropertyState::Unknown}};
  a.reason = "time limit reached";
  const nlohmann::json j = answer_to_json(a);
  EXPECT_EQ(j["answer"], "dont_know");
  EXPECT_EQ(j["reason"], "time limit reached");
  EXPECT_EQ(j["evidence"]["properties"][0]["status"], "unknown");
  const std::string text = answer_to_text(a);
  EXPECT_NE(text.find("reason: time limit reached\n  tried: bmc: bounded model checking"), std::string::npos) << text;
  EXPECT_NE(text.find("  [unknown] signed overflow in x + 1"), std::string::npos) << text;
  EXPECT_NE(text.find("answer: DON'T KNOW\n"), std::string::npos) << text;
}

TEST(Render, CounterexampleAndViolatedStatus) {
  Answer a;
  a.verdict = Verdict::No;
  a.question = "all";
  a.entry = "check_f";
  a.file = "f.c";
  Counterexample c;
  c.property = "unreach-call";
  c.violation = "assertion f(x) fails";
  c.violation_loc = {"f.c", 7, 32};
  c.inputs = {{"parameter x", "x", "4294967295", {"f.c", 7, 0}}};
  c.confirmations = {"replayed by the IR interpreter"};
  a.evidence.counterexample = c;
  a.evidence.properties = {{"unreach-call", "assertion f(x) fails", {"f.c", 7, 32}, PropertyState::Violated}};
  const nlohmann::json j = answer_to_json(a);
  EXPECT_EQ(j["answer"], "no");
  EXPECT_EQ(j["evidence"]["counterexample"]["inputs"][0]["value"], "4294967295");
  EXPECT_EQ(j["evidence"]["properties"][0]["status"], "violated");
  const std::string text = answer_to_text(a);
  EXPECT_NE(text.find("question: can any property fail in check_f (f.c)?\n"), std::string::npos) << text;
  EXPECT_NE(text.find("counterexample: assertion f(x) fails at f.c:7:32\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    x = 4294967295   (parameter x, f.c:7)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  [violated] assertion f(x) fails"), std::string::npos) << text;
  EXPECT_NE(text.find("answer: NO (a property can fail; counterexample above)\n"), std::string::npos) << text;
}

TEST(Render, ErrorJson) {
  const nlohmann::json j = error_to_json("bad input", 2);
  EXPECT_TRUE(j["answer"].is_null());
  EXPECT_EQ(j["error"], "bad input");
  EXPECT_EQ(j["exit_code"], 2);
}

TEST(Render, PolicyWitnessRolesKeepTheirSpelling) {
  PolicyAnswer a;
  a.verdict = Verdict::No;
  a.question = "compare";
  a.relation = "a_more_permissive";
  for (WitnessRole role : {WitnessRole::ANotB, WitnessRole::BNotA, WitnessRole::AllowedRequest,
                           WitnessRole::OutsiderFixedValue, WitnessRole::Request}) {
    PolicyWitness w;
    w.role = role;
    w.request.principal = "anonymous";
    a.witnesses.push_back(w);
  }
  const nlohmann::json j = policy_answer_to_json(a);
  const auto& requests = j["evidence"]["requests"];
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_EQ(requests[0]["role"], "a_not_b");
  EXPECT_EQ(requests[1]["role"], "b_not_a");
  EXPECT_EQ(requests[2]["role"], "allowed request");
  EXPECT_EQ(requests[3]["role"], "outsider request holding a fixed value");
  EXPECT_EQ(requests[4]["role"], "request");
  EXPECT_EQ(j["relation"], "a_more_permissive");
  const std::string text = policy_answer_to_text(a);
  EXPECT_NE(text.find("policy compare: NO (a_more_permissive)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  request [a_not_b]\n    principal: anonymous\n"), std::string::npos) << text;
}

}  // namespace verdict::cli
