// Runs every labelled case of test/unit/policy/data/cases.jsonl (a copy of the development
// set's ../shared/policies/cases.jsonl) through the public API and requires zero wrong
// answers and no don't know.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "verdict/policy.h"

namespace {

using nlohmann::json;

const char* kCases = VERDICT_SOURCE_DIR "/test/unit/policy/data/cases.jsonl";

verdict::PolicyDocument doc(const json& j, const std::string& name) { return {name, j.dump()}; }

// The answer as the label spells it: "yes"/"no" (public, allows) or the relation (compare).
std::string answer_label(const json& c) {
  const std::string q = c["question"];
  const std::string id = c["id"];
  if (q == "public") {
    auto a = verdict::policy_public(doc(c["policy"], id));
    return a.verdict == verdict::Verdict::DontKnow ? "dont_know" : verdict::to_string(a.verdict);
  }
  if (q == "allows") {
    auto r = verdict::parse_policy_request(c["request"].dump(), id);
    auto a = verdict::policy_allows(doc(c["policy"], id), r);
    return a.verdict == verdict::Verdict::DontKnow ? "dont_know" : verdict::to_string(a.verdict);
  }
  auto a = verdict::policy_compare(doc(c["policy_a"], id + ":A"), doc(c["policy_b"], id + ":B"));
  return a.verdict == verdict::Verdict::DontKnow ? "dont_know" : a.relation;
}

TEST(PolicyCases, AllLabelledCasesHaveNoWrongAnswer) {
  std::ifstream in(kCases);
  ASSERT_TRUE(in) << "cannot read " << kCases;
  std::map<std::string, std::map<std::string, int>> tally;  // question -> correct/wrong/dont_know
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json c = json::parse(line);
    const std::string got = answer_label(c);
    const std::string q = c["question"];
    if (got == "dont_know") {
      ++tally[q]["dont_know"];
      ADD_FAILURE() << c["id"] << ": don't know (expected " << c["expected"] << ")";
    } else if (got == c["expected"]) {
      ++tally[q]["correct"];
    } else {
      ++tally[q]["wrong"];
      ADD_FAILURE() << c["id"] << ": WRONG answer " << got << ", expected " << c["expected"];
    }
  }
  for (auto& [q, t] : tally)
    std::printf("%-8s correct %d, wrong %d, don't know %d\n", q.c_str(), t["correct"], t["wrong"], t["dont_know"]);
  for (auto& [q, t] : tally) EXPECT_EQ(t["wrong"], 0) << q;
  int cases = 0;
  for (auto& [q, t] : tally) cases += t["correct"] + t["wrong"] + t["dont_know"];
  EXPECT_GE(cases, 60) << "the case file is incomplete";
}

}  // namespace
