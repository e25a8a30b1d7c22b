#include "evidence/native_replay.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "engines/bmc/programs.h"

namespace verdict::evidence {

using namespace verdict::testprog;
namespace fs = std::filesystem;

namespace {

/// A temporary directory with one C file, removed afterwards.
class CFile {
 public:
  explicit CFile(const std::string& text) {
    std::string pattern = (fs::temp_directory_path() / "verdict-test-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    path_ = (fs::path(dir_) / "task.c").string();
    std::ofstream(path_) << text;
  }
  ~CFile() { fs::remove_all(dir_); }
  const std::string& path() const { return path_; }

 private:
  std::string dir_, path_;
};

/// x := __VERIFIER_nondet_uint(); check(x + 1 > x) [reach_error in the source].
Program nondet_program(const std::string& file) {
  Program p = make_program(file, "main");
  const VarId x = bv_var(p, "x");
  const LocId l0 = p.add_loc("init"), l1 = p.add_loc("exit");
  p.init = l0;
  p.exit = l1;
  const PropId a = p.add_prop(PropertyKind::Assertion, "call to reach_error", {file, 3, 0});
  p.add_edge(l0, l1, {Stmt::havoc(x, "__VERIFIER_nondet_uint()", {file, 3, 0}),
                      Stmt::check(a, ult(v(p, x), add(v(p, x), c32(1))), {file, 3, 0})});
  return p;
}

const char* kNondetTask =
    "extern unsigned int __VERIFIER_nondet_uint(void);\n"
    "void reach_error() {}\n"
    "int main() { unsigned x = __VERIFIER_nondet_uint(); if (x + 1 < x) reach_error(); return 0; }\n";

}  // namespace

TEST(NativeReplay, ConfirmsReachErrorWithNondetInputs) {
  CFile file(kNondetTask);
  Program p = nondet_program(file.path());
  ReplayResult r = replay(p, {0}, {Value::of_bv(32, 0xFFFFFFFFu)}, 0);
  ASSERT_TRUE(r.confirmed) << r.message;
  add_native_replay(p, r);
  const auto& conf = r.counterexample->confirmations;
  ASSERT_EQ(conf.size(), 2u);
  EXPECT_EQ(conf[1], "confirmed by running the compiled program: reach_error() is called");
  EXPECT_NE(r.counterexample->replay_test.find("4294967295ULL"), std::string::npos);
}

TEST(NativeReplay, ReportsWhenTheRunDoesNotReproduce) {
  CFile file(kNondetTask);
  Program p = nondet_program(file.path());
  // The IR says x + 1 < x fails for x = 7 (a wrong model); the real program disagrees.
  p.edges[0].body[1] = Stmt::check(0, mk_not(mk_eq(v(p, 0), c32(7))), {file.path(), 3, 0});
  ReplayResult r = replay(p, {0}, {Value::of_bv(32, 7)}, 0);
  ASSERT_TRUE(r.confirmed);
  NativeReplayResult n = native_replay(p, r.execution);
  EXPECT_EQ(n.status, NativeReplayResult::Status::NotReproduced) << n.message;
  EXPECT_EQ(n.message, "native replay did not reproduce the violation: the program exits normally");
}

TEST(NativeReplay, CallsANonMainEntryWithItsParameters) {
  CFile file(
      "#include <assert.h>\n#include <stdbool.h>\n"
      "bool f(unsigned int x, unsigned int y) { return x + 1 > x; }\n"
      "void check_f(unsigned int x, unsigned int y) { assert(f(x, y)); }\n"
      "int main(void) { return 0; }\n");
  Program p = two_inputs_assertion([](const Term& x, const Term&) { return ult(x, add(x, c32(1))); }, "check_f",
                                   file.path());
  ReplayResult r = replay(p, {0, 1}, {Value::of_bv(32, 0xFFFFFFFFu), Value::of_bv(32, 3)}, 0);
  ASSERT_TRUE(r.confirmed) << r.message;
  NativeReplayResult n = native_replay(p, r.execution);
  EXPECT_EQ(n.status, NativeReplayResult::Status::Confirmed) << n.message << "\n" << n.test_source;
  EXPECT_NE(n.message.find("aborts"), std::string::npos) << n.message;
  EXPECT_NE(n.test_source.find("check_f"), std::string::npos);
}

// Long runs of white space inside calls, definitions and parameter lists: the harness once
// found them with std::regex, which recursed per character and overflowed the stack.
TEST(NativeReplay, ReadsSourcesWithLongWhiteSpaceRuns) {
  const std::string spaces(200000, ' ');
  CFile file("extern unsigned int __VERIFIER_nondet_uint(void);\nvoid reach_error" + spaces +
             "() {}\nint main() { unsigned x = __VERIFIER_nondet_uint" + spaces +
             "(); if (x + 1 < x) reach_error(); return 0; }\n");
  Program p = nondet_program(file.path());
  ReplayResult r = replay(p, {0}, {Value::of_bv(32, 0xFFFFFFFFu)}, 0);
  ASSERT_TRUE(r.confirmed) << r.message;
  NativeReplayResult n = native_replay(p, r.execution);
  EXPECT_EQ(n.status, NativeReplayResult::Status::Confirmed) << n.message;

  CFile entry("#include <assert.h>\nvoid check_f(unsigned int" + spaces + "x, unsigned int y" + spaces +
              ") { assert(x + 1 > x); }\n");
  Program q = two_inputs_assertion([](const Term& x, const Term&) { return ult(x, add(x, c32(1))); }, "check_f",
                                   entry.path());
  ReplayResult rq = replay(q, {0, 1}, {Value::of_bv(32, 0xFFFFFFFFu), Value::of_bv(32, 3)}, 0);
  ASSERT_TRUE(rq.confirmed) << rq.message;
  NativeReplayResult nq = native_replay(q, rq.execution);
  EXPECT_EQ(nq.status, NativeReplayResult::Status::Confirmed) << nq.message;
  EXPECT_NE(nq.test_source.find("4294967295"), std::string::npos);
}

TEST(NativeReplay, ConfirmsSignedOverflowWithTheSanitizer) {
  CFile file("int g(int x) { return x + 1; }\nvoid entry(int x) { g(x); }\n");
  Program p = make_program(file.path(), "entry");
  const VarId x = bv_var(p, "x", 32, true);
  const LocId l0 = p.add_loc("init"), l1 = p.add_loc("exit");
  p.init = l0;
  p.exit = l1;
  const PropId o = p.add_prop(PropertyKind::SignedOverflow, "signed overflow in x + 1", {file.path(), 1, 25});
  p.add_edge(l0, l1, {Stmt::havoc(x, "parameter x"), Stmt::check(o, mk_not(mk_eq(v(p, x), c32(0x7FFFFFFF))))});
  ReplayResult r = replay(p, {0}, {Value::of_bv(32, 0x7FFFFFFF)}, o);
  ASSERT_TRUE(r.confirmed) << r.message;
  NativeReplayResult n = native_replay(p, r.execution);
  EXPECT_EQ(n.status, NativeReplayResult::Status::Confirmed) << n.message;
  EXPECT_NE(n.message.find("signed integer overflow"), std::string::npos) << n.message;
}

TEST(NativeReplay, SkipsInputsItCannotSupply) {
  CFile file("int main() { return 0; }\n");
  Program p = make_program(file.path(), "main");
  const VarId x = bv_var(p, "x");
  const LocId l0 = p.add_loc("init"), l1 = p.add_loc("exit");
  p.init = l0;
  p.exit = l1;
  const PropId a = p.add_prop(PropertyKind::Assertion, "assertion", {file.path(), 1, 0});
  p.add_edge(l0, l1, {Stmt::havoc(x, "return value of external function read"), Stmt::check(a, mk_false())});
  ReplayResult r = replay(p, {0}, {Value::of_bv(32, 1)}, a);
  ASSERT_TRUE(r.confirmed);
  NativeReplayResult n = native_replay(p, r.execution);
  EXPECT_EQ(n.status, NativeReplayResult::Status::Skipped);
  EXPECT_NE(n.message.find("native replay skipped"), std::string::npos);
}

}  // namespace verdict::evidence

namespace verdict::evidence {

TEST(NativeReplay, ReachabilityIsReplayedWithWrappingSignedArithmetic) {
  CFile file(
      "extern int __VERIFIER_nondet_int(void);\nvoid reach_error() {}\n"
      "int main() { int x = __VERIFIER_nondet_int(); int y = x + 1; if (y < x) reach_error(); return 0; }\n");
  Program p = make_program(file.path(), "main");
  const VarId x = bv_var(p, "x", 32, true), y = bv_var(p, "y", 32, true);
  const LocId l0 = p.add_loc("init"), l1 = p.add_loc("exit");
  p.init = l0;
  p.exit = l1;
  const PropId a = p.add_prop(PropertyKind::Assertion, "call to reach_error()", {file.path(), 3, 0});
  p.add_edge(l0, l1, {Stmt::havoc(x, "__VERIFIER_nondet_int()"), Stmt::assign(y, add(v(p, x), c32(1))),
                      Stmt::check(a, mk_not(slt(v(p, y), v(p, x))))});
  ReplayResult r = replay(p, {0}, {Value::of_bv(32, 0x7FFFFFFF)}, a);
  ASSERT_TRUE(r.confirmed) << r.message;
  NativeReplayResult n = native_replay(p, r.execution);
  EXPECT_EQ(n.status, NativeReplayResult::Status::Confirmed) << n.message;
  EXPECT_NE(n.test_source.find("-fwrapv"), std::string::npos);
}

}  // namespace verdict::evidence
