// Runs the labelled network questions (test/network/questions.jsonl, hand-written snapshots in
// test/network/) through the public API: zero wrong answers, every yes and every blocking
// claim re-checked by the concrete evaluator, and don't know only where the label says so.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "verdict/network.h"

namespace {

using nlohmann::json;

const std::string kDir = VERDICT_SOURCE_DIR "/test/network/";

verdict::NetworkAnswer ask(const json& c) {
  const auto snap = verdict::load_network_snapshot(kDir + c["snapshot"].get<std::string>());
  const std::string q = c["question"];
  if (q == "exposed") return verdict::network_exposed(snap, c.value("port", ""));
  if (q == "compare") return verdict::network_compare(snap, verdict::load_network_snapshot(kDir + c["snapshot_b"].get<std::string>()));
  verdict::NetworkQuery query{c["from"], c["to"], c.value("protocol", "all"), c.value("port", "")};
  return verdict::network_reachable(snap, query);
}

// Every flow a yes/no answer shows as evidence was re-checked by the concrete evaluator.
void expect_rechecked(const json& c, const verdict::NetworkAnswer& a) {
  if (a.verdict == verdict::Verdict::DontKnow) return;
  for (const auto& f : a.flows) EXPECT_TRUE(f.rechecked) << c["id"] << ": flow " << f.packet.text << " not re-checked";
  if (a.verdict == verdict::Verdict::Yes && c["question"] != "compare") {
    EXPECT_FALSE(a.flows.empty()) << c["id"];
  }
  if (a.verdict == verdict::Verdict::No && c["question"] == "compare") {
    EXPECT_FALSE(a.flows.empty()) << c["id"];
  }
}

TEST(NetworkQuestions, LabelledSetHasNoWrongAnswer) {
  std::ifstream in(kDir + "questions.jsonl");
  ASSERT_TRUE(in) << "missing questions.jsonl";
  std::map<std::string, int> tally;
  std::set<std::string> snapshots;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json c = json::parse(line);
    snapshots.insert(c["snapshot"]);
    const verdict::NetworkAnswer a = ask(c);
    const std::string got = verdict::to_string(a.verdict);
    if (got == c["expected"]) {
      ++tally["correct"];
    } else if (got == "dont_know") {
      ++tally["dont_know"];
      ADD_FAILURE() << c["id"] << ": don't know (expected " << c["expected"] << "): " << a.reason;
    } else {
      ++tally["wrong"];
      ADD_FAILURE() << c["id"] << ": WRONG answer " << got << ", expected " << c["expected"] << ": " << a.reason;
    }
    expect_rechecked(c, a);
  }
  std::printf("network questions: %d correct, %d wrong, %d don't know, over %zu snapshots\n", tally["correct"],
              tally["wrong"], tally["dont_know"], snapshots.size());
  EXPECT_EQ(tally["wrong"], 0);
  EXPECT_GE(tally["correct"], 40);
  EXPECT_GE(snapshots.size(), 8u);
}

}  // namespace
