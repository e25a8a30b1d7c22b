// Unit tests of the SARIF 2.1.0 log (tools/verdict/sarif): the properties the SARIF 2.1.0
// schema requires (no copy of the schema is available offline, so each required property
// is asserted here), and what a code-scanning reader needs: the refuted founding example's
// error with its code flow and values, a proof as notes, don't know as a warning.
#include "cli/sarif.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "cli/sha256.h"
#include "verdict/check.h"

namespace verdict::cli {

namespace {

using nlohmann::json;

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void expect_physical_location(const json& l) {
  ASSERT_TRUE(l.contains("physicalLocation"));
  const json& p = l["physicalLocation"];
  ASSERT_TRUE(p["artifactLocation"]["uri"].is_string());
  if (p.contains("region")) {
    EXPECT_GE(p["region"]["startLine"].get<int>(), 1);
    if (p["region"].contains("startColumn")) {
      EXPECT_GE(p["region"]["startColumn"].get<int>(), 1);
    }
  }
}

/// What SARIF 2.1.0's schema requires of a log, and its rule references.
void expect_valid_sarif(const json& log) {
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_TRUE(log["$schema"].is_string());
  ASSERT_TRUE(log["runs"].is_array());
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "verdict");
  const json& rules = driver["rules"];
  for (const json& rule : rules) EXPECT_TRUE(rule["id"].is_string());
  ASSERT_TRUE(run["results"].is_array());
  for (const json& r : run["results"]) {
    EXPECT_FALSE(r["message"]["text"].get<std::string>().empty());
    const std::string level = r["level"];
    EXPECT_TRUE(level == "none" || level == "note" || level == "warning" || level == "error") << level;
    const std::size_t index = r["ruleIndex"];
    ASSERT_LT(index, rules.size());
    EXPECT_EQ(rules[index]["id"], r["ruleId"]);
    ASSERT_FALSE(r["locations"].empty());
    for (const json& l : r["locations"]) expect_physical_location(l);
    if (!r.contains("codeFlows")) continue;
    for (const json& flow : r["codeFlows"]) {
      ASSERT_FALSE(flow["threadFlows"].empty());  // minItems 1
      for (const json& thread : flow["threadFlows"]) {
        ASSERT_FALSE(thread["locations"].empty());  // minItems 1
        for (const json& step : thread["locations"]) {
          expect_physical_location(step["location"]);
          if (!step.contains("state")) continue;
          for (const auto& [name, value] : step["state"].items()) {
            EXPECT_TRUE(value["text"].is_string()) << name;
          }
        }
      }
    }
  }
  for (const json& artifact : run["artifacts"]) {
    EXPECT_TRUE(artifact["location"]["uri"].is_string());
    EXPECT_TRUE(std::regex_match(artifact["hashes"]["sha-256"].get<std::string>(), std::regex("[0-9a-f]{64}")));
  }
}

Answer check_entry(const std::string& file, const std::string& entry) {
  Options o;
  o.entry = entry;
  o.timeout_s = 60;
  o.replay_native = false;
  return check(file, o);
}

}  // namespace

TEST(Sarif, RefutedFoundingExampleIsAnErrorWithItsCodeFlow) {
  const std::string file = std::string(VERDICT_SOURCE_DIR) + "/examples/f_wraps.c";
  const Answer a = check_entry(file, "check_f");
  ASSERT_EQ(a.verdict, Verdict::No) << a.reason;
  const json log = answer_to_sarif(a, read(file));
  expect_valid_sarif(log);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["artifacts"][0]["hashes"]["sha-256"], sha256_hex(read(file)));
  ASSERT_GE(run["results"].size(), 1u);
  const json& r = run["results"][0];
  EXPECT_EQ(r["level"], "error");
  EXPECT_EQ(r["ruleId"], "unreach-call");
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["region"]["startLine"], 7);  // assert(f(x))
  const json& steps = r["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_GE(steps.size(), 2u);
  EXPECT_EQ(steps[0]["state"]["x"]["text"], "4294967295");
  EXPECT_NE(steps.back()["location"]["message"]["text"].get<std::string>().find("violation"), std::string::npos);
}

TEST(Sarif, ProofIsANoteWithTheInvariantAndDontKnowAWarning) {
  Answer a;
  a.verdict = Verdict::Yes;
  a.question = "unreach-call";
  a.file = "t.c";
  a.entry = "main";
  a.evidence.proof = Proof{"k-induction (k = 1)", {{"invariant", {"t.c", 2, 3}, "(0 <= i) && (i <= 10)"}}, {}};
  a.evidence.properties = {{"unreach-call", "assertion i == 10", {"t.c", 3, 1}, PropertyState::Safe}};
  json log = answer_to_sarif(a, "int main(void) { return 0; }\n");
  expect_valid_sarif(log);
  const json& note = log["runs"][0]["results"][0];
  EXPECT_EQ(note["level"], "note");
  EXPECT_NE(note["message"]["text"].get<std::string>().find("(0 <= i) && (i <= 10)"), std::string::npos);

  a.verdict = Verdict::DontKnow;
  a.evidence = Evidence{};
  a.reason = "time limit of 5 s reached";
  log = answer_to_sarif(a, "");
  expect_valid_sarif(log);
  const json& warning = log["runs"][0]["results"][0];
  EXPECT_EQ(warning["level"], "warning");
  EXPECT_NE(warning["message"]["text"].get<std::string>().find("time limit of 5 s reached"), std::string::npos);
}

}  // namespace verdict::cli
