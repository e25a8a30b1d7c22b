// The labelled multi-policy cases (test/policy/multi_cases.jsonl): each request asked through the
// public API with its identity, resource, boundary, SCP, RCP and session policies; the answer
// must be the label, decided by the concrete evaluation and agreed by the solver encoding.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "verdict/policy.h"

namespace verdict {
namespace {

std::vector<nlohmann::json> load_cases() {
  std::ifstream in(std::string(VERDICT_SOURCE_DIR) + "/test/policy/multi_cases.jsonl");
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

std::vector<PolicyDocument> docs(const nlohmann::json& c, const char* type) {
  std::vector<PolicyDocument> out;
  if (!c["policies"].contains(type)) return out;
  int n = 0;
  for (const auto& p : c["policies"][type])
    out.push_back({c["id"].get<std::string>() + "/" + type + std::to_string(n++), p.dump()});
  return out;
}

TEST(PolicyMultiCases, EveryLabelIsAnsweredAndRechecked) {
  const auto cases = load_cases();
  ASSERT_GE(cases.size(), 30u);
  int yes = 0;
  for (const auto& c : cases) {
    PolicyOptions o;
    o.account = c["account"];
    o.context = {docs(c, "identity"), docs(c, "resource"), docs(c, "boundary"),
                 docs(c, "scp"),      docs(c, "rcp"),      docs(c, "session")};
    const PolicyRequest r = parse_policy_request(c["request"].dump(), c["id"]);
    const PolicyAnswer a = policy_allows_in_context(r, o);
    const Verdict want = c["expected"] == "yes" ? Verdict::Yes : Verdict::No;
    yes += want == Verdict::Yes;
    EXPECT_EQ(a.verdict, want) << c["id"] << ": " << a.reason << " (" << c["why"] << ")";
    ASSERT_EQ(a.witnesses.size(), 1u);
    EXPECT_TRUE(a.witnesses[0].rechecked) << c["id"] << ": the solver did not confirm the evaluation";
  }
  EXPECT_GT(yes, 10);  // both answers are represented
}

}  // namespace
}  // namespace verdict
