// Unit tests of SV-COMP witnesses (format 2.0): written for a refuted and a proved
// program by the real pipeline, read back with yaml-cpp; the loop invariant is put back
// into the program as a check in the loop's condition, which verdict must then prove
// (and refute for a weakened copy): it parses in scope and holds where it is placed.
#include "cli/witness.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "cli/sha256.h"
#include "verdict/check.h"

namespace verdict::cli {

namespace {

const char* kRefuted =
    "extern int __VERIFIER_nondet_int(void);\n"
    "extern void abort(void);\n"
    "void reach_error(void) { abort(); }\n"
    "int main(void) {\n"
    "  int a = __VERIFIER_nondet_int();\n"  // line 5, `)` at column 33
    "  int b;\n"
    "  b = __VERIFIER_nondet_int();\n"  // line 7, `)` at column 29
    "  if (a < -5 && b == a + 3)\n"
    "    reach_error();\n"  // line 9: the target
    "  return 0;\n"
    "}\n";

const char* kProved =
    "extern int __VERIFIER_nondet_int(void);\n"
    "extern void abort(void);\n"
    "void reach_error(void) { abort(); }\n"
    "void __VERIFIER_assert(int c) { if (!c) reach_error(); }\n"
    "int main(void) {\n"
    "  int n = __VERIFIER_nondet_int();\n"
    "  if (n < 0 || n > 10000) return 0;\n"
    "  int s = 0, i = 0;\n"
    "  while (i < n) {\n"  // line 9: the loop keyword at column 3
    "    s += 3;\n"
    "    i++;\n"
    "  }\n"
    "  __VERIFIER_assert(s == 3 * n);\n"
    "  return 0;\n"
    "}\n";

class WitnessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("verdict_witness_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  static Answer check_unreach_call(const std::string& path) {
    Options o;
    o.properties = PropertySet::only_unreach_call();
    o.timeout_s = 60;
    o.replay_native = false;
    return check(path, o);
  }

  std::filesystem::path dir_;
};

WitnessTask unreach_call_task() { return {svcomp_specification("main", "unreach-call"), DataModel::ILP32}; }

void expect_metadata(const YAML::Node& m, const std::string& file, const std::string& source) {
  EXPECT_EQ(m["format_version"].as<std::string>(), "2.0");
  EXPECT_TRUE(std::regex_match(m["uuid"].as<std::string>(),
                               std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  EXPECT_TRUE(std::regex_match(m["creation_time"].as<std::string>(),
                               std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")));
  EXPECT_EQ(m["producer"]["name"].as<std::string>(), "verdict");
  EXPECT_FALSE(m["producer"]["version"].as<std::string>().empty());
  const YAML::Node task = m["task"];
  ASSERT_EQ(task["input_files"].size(), 1u);
  EXPECT_EQ(task["input_files"][0].as<std::string>(), file);
  EXPECT_EQ(task["input_file_hashes"][file].as<std::string>(), sha256_hex(source));
  EXPECT_EQ(task["specification"].as<std::string>(), "CHECK( init(main()), LTL(G ! call(reach_error())) )");
  EXPECT_EQ(task["data_model"].as<std::string>(), "ILP32");
  EXPECT_EQ(task["language"].as<std::string>(), "C");
}

/// The value v of a `\result == v` constraint.
long long result_value(const YAML::Node& waypoint) {
  EXPECT_EQ(waypoint["constraint"]["format"].as<std::string>(), "acsl_expression");
  std::smatch m;
  const std::string value = waypoint["constraint"]["value"].as<std::string>();
  EXPECT_TRUE(std::regex_match(value, m, std::regex(R"(\\result == (-?[0-9]+))"))) << value;
  return m.empty() ? 0 : std::stoll(m[1]);
}

}  // namespace

TEST(Sha256, KnownDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(WitnessTest, ViolationWitnessOfARefutedProgram) {
  const std::string file = write("refuted.c", kRefuted);
  const Answer a = check_unreach_call(file);
  ASSERT_EQ(a.verdict, Verdict::No) << a.reason;
  const Witness w = make_witness(a, kRefuted, unreach_call_task());
  ASSERT_FALSE(w.yaml.empty()) << w.reason;

  const YAML::Node doc = YAML::Load(w.yaml);
  ASSERT_TRUE(doc.IsSequence());
  ASSERT_EQ(doc.size(), 1u);
  EXPECT_EQ(doc[0]["entry_type"].as<std::string>(), "violation_sequence");
  expect_metadata(doc[0]["metadata"], file, kRefuted);
  const YAML::Node content = doc[0]["content"];
  ASSERT_EQ(content.size(), 3u);  // two nondet values, then the target
  for (const YAML::Node& segment : content) {
    ASSERT_EQ(segment["segment"].size(), 1u);
    EXPECT_EQ(segment["segment"][0]["waypoint"]["action"].as<std::string>(), "follow");
    EXPECT_EQ(segment["segment"][0]["waypoint"]["location"]["file_name"].as<std::string>(), file);
    EXPECT_EQ(segment["segment"][0]["waypoint"]["location"]["function"].as<std::string>(), "main");
  }
  const YAML::Node first = content[0]["segment"][0]["waypoint"];
  const YAML::Node second = content[1]["segment"][0]["waypoint"];
  const YAML::Node target = content[2]["segment"][0]["waypoint"];
  EXPECT_EQ(first["type"].as<std::string>(), "function_return");
  EXPECT_EQ(first["location"]["line"].as<int>(), 5);
  EXPECT_EQ(first["location"]["column"].as<int>(), 33);  // the call's `)`
  EXPECT_EQ(second["location"]["line"].as<int>(), 7);
  EXPECT_EQ(second["location"]["column"].as<int>(), 29);
  const long long va = result_value(first), vb = result_value(second);
  EXPECT_LT(va, -5);  // the values lead to the violation (and are printed signed)
  EXPECT_EQ(vb, va + 3);
  EXPECT_EQ(target["type"].as<std::string>(), "target");
  EXPECT_FALSE(target["constraint"]);
  EXPECT_EQ(target["location"]["line"].as<int>(), 9);  // reach_error();
  EXPECT_EQ(target["location"]["column"].as<int>(), 5);
}

TEST_F(WitnessTest, CorrectnessWitnessOfAProvedProgramHoldsWhereItIsPlaced) {
  const std::string file = write("proved.c", kProved);
  const Answer a = check_unreach_call(file);
  ASSERT_EQ(a.verdict, Verdict::Yes) << a.reason;
  const Witness w = make_witness(a, kProved, unreach_call_task());
  ASSERT_FALSE(w.yaml.empty()) << w.reason;

  const YAML::Node doc = YAML::Load(w.yaml);
  ASSERT_EQ(doc.size(), 1u);
  EXPECT_EQ(doc[0]["entry_type"].as<std::string>(), "invariant_set");
  expect_metadata(doc[0]["metadata"], file, kProved);
  const YAML::Node content = doc[0]["content"];
  ASSERT_EQ(content.size(), 1u);
  const YAML::Node inv = content[0]["invariant"];
  EXPECT_EQ(inv["type"].as<std::string>(), "loop_invariant");
  EXPECT_EQ(inv["format"].as<std::string>(), "c_expression");
  EXPECT_EQ(inv["location"]["line"].as<int>(), 9);
  EXPECT_EQ(inv["location"]["column"].as<int>(), 3);
  EXPECT_EQ(inv["location"]["function"].as<std::string>(), "main");
  const std::string value = inv["value"].as<std::string>();

  // The invariant, checked each time the loop's condition is evaluated.
  auto with_check = [&](const std::string& invariant) {
    std::string text = kProved;
    const std::string header = "while (i < n)";
    text.replace(text.find(header), header.size(), "while (__VERIFIER_assert(" + invariant + "), i < n)");
    return check_unreach_call(write("instrumented.c", text));
  };
  const Answer holds = with_check(value);
  EXPECT_EQ(holds.verdict, Verdict::Yes) << value << ": " << holds.reason;
  const Answer weakened = with_check("(" + value + ") && s < 3");  // false after one iteration
  EXPECT_EQ(weakened.verdict, Verdict::No) << "the instrumentation must be able to fail";
}

TEST(Witness, NoWitnessWithoutEvidence) {
  Answer a;
  a.file = "t.c";
  a.question = "unreach-call";
  EXPECT_TRUE(make_witness(a, "int main(void) { return 0; }", {}).yaml.empty());
  a.verdict = Verdict::No;
  a.question = "termination";
  a.evidence.counterexample = Counterexample{};
  const Witness w = make_witness(a, "int main(void) { return 0; }", {});
  EXPECT_TRUE(w.yaml.empty());
  EXPECT_NE(w.reason.find("termination"), std::string::npos);
}

TEST(Witness, AnInvariantIsPlacedOnlyWhenEveryHeadOfItsLoopHasOne) {
  const std::string source =
      "int f(int n) {\n"
      "  int i = 0;\n"
      "  while (i < n) i++;\n"
      "  for (int j = 0; j < n; j++) i--;\n"
      "  return i;\n"
      "}\n";
  Answer a;
  a.verdict = Verdict::Yes;
  a.file = "t.c";
  a.question = "unreach-call";
  a.evidence.proof = Proof{"test", {}, {}};
  auto& loops = a.evidence.proof->loop_invariants;
  loops.push_back({{"t.c", 3, 3}, "f", "0 <= i"});   // the while: two copies (inlined twice)
  loops.push_back({{"t.c", 3, 10}, "f", "i <= n"});  // a second head position in its header
  loops.push_back({{"t.c", 4, 19}, "f", "j <= n"});  // the for, from its condition
  loops.push_back({{"t.c", 4, 3}, "f", ""});         // ... but another head there has none
  const YAML::Node doc = YAML::Load(make_witness(a, source, {}).yaml);
  ASSERT_EQ(doc[0]["content"].size(), 1u);
  const YAML::Node inv = doc[0]["content"][0]["invariant"];
  EXPECT_EQ(inv["location"]["line"].as<int>(), 3);
  EXPECT_EQ(inv["location"]["column"].as<int>(), 3);
  EXPECT_EQ(inv["value"].as<std::string>(), "(0 <= i) || (i <= n)");

  loops.push_back({{}, "f", "1"});  // a head of f without a position: nothing in f is placed
  EXPECT_EQ(YAML::Load(make_witness(a, source, {}).yaml)[0]["content"].size(), 0u);
}

}  // namespace verdict::cli
