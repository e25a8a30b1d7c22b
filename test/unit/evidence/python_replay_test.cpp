// Unit tests of the native replay of Python counterexamples: python3 runs the call and must
// see the exception the property names (or, for non-termination, still be running).
#include "evidence/python_replay.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "frontend/python/python_frontend.h"

namespace verdict::evidence {
namespace {

struct Subject {
  std::string path;
  ir::Program program;
};

/// `code` written to a file of its own and translated for entry f.
Subject subject(const std::string& name, const std::string& code) {
  const auto dir = std::filesystem::temp_directory_path() / ("verdict_pyreplay_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / (name + ".py")).string();
  std::ofstream(path) << code;
  return Subject{path, frontend::python::translate_file(path, {"f", 8})};
}

ir::Execution run_on(const ir::Program& p, std::int64_t x) {
  ir::RunLimits limits;
  limits.max_steps = 50;
  return ir::run(p, {ir::Value::of_int(x)}, limits);
}

TEST(PythonReplay, TheCallRaisesTheExceptionOfTheProperty) {
  const Subject s = subject("divides", "def f(x):\n    return 1 // x\n");
  const ir::Execution ex = run_on(s.program, 0);
  ASSERT_EQ(ex.outcome, ir::Execution::Outcome::Violated);
  const NativeReplayResult r = python_replay(s.program, ex, 10);
  EXPECT_EQ(r.status, NativeReplayResult::Status::Confirmed) << r.message;
  EXPECT_NE(r.message.find("ZeroDivisionError raised at line 2"), std::string::npos) << r.message;
  EXPECT_NE(r.test_source.find("subject.f(0)"), std::string::npos) << r.test_source;
}

TEST(PythonReplay, AProgramThatDisagreesWithTheModelIsNotReproduced) {
  Subject s = subject("changes", "def f(x):\n    return 1 // x\n");
  const ir::Execution ex = run_on(s.program, 0);
  ASSERT_EQ(ex.outcome, ir::Execution::Outcome::Violated);
  std::ofstream(s.path) << "def f(x):\n    return 1\n";  // the file no longer does what was analysed
  const NativeReplayResult r = python_replay(s.program, ex, 10);
  EXPECT_EQ(r.status, NativeReplayResult::Status::NotReproduced) << r.message;
  EXPECT_NE(r.message.find("the call returned normally"), std::string::npos) << r.message;
  std::ofstream(s.path) << "def f(x):\n    assert x != 0\n";  // another exception than the property's
  EXPECT_EQ(python_replay(s.program, ex, 10).status, NativeReplayResult::Status::NotReproduced);
}

TEST(PythonReplay, NonTerminationMeansStillRunning) {
  Subject s = subject("loops", "def f(x):\n    while x != 0:\n        x = x + 1\n");
  ir::RunLimits limits;
  limits.max_steps = 1;
  const ir::Execution stem = ir::run(s.program, {ir::Value::of_int(1)}, limits);
  EXPECT_EQ(python_replay_nontermination(s.program, stem, 1).status, NativeReplayResult::Status::Confirmed);
  std::ofstream(s.path) << "def f(x):\n    return x\n";
  const NativeReplayResult r = python_replay_nontermination(s.program, stem, 1);
  EXPECT_EQ(r.status, NativeReplayResult::Status::NotReproduced) << r.message;
}

}  // namespace
}  // namespace verdict::evidence
