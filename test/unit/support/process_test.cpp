// Unit tests of the process runner: captured and file output, exit codes and signals, the
// time limit, and that a child never inherits another run's pipe (close-on-exec).
#include "support/process.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

namespace verdict::support {

namespace {

/// The descriptors open in a child shell (it lists its own /proc/<pid>/fd).
std::vector<std::string> child_descriptors() {
  const ProcessResult r = run_process({"/bin/sh", "-c", "ls /proc/$$/fd"}, {}, 30);
  std::istringstream fds(r.stdout_text);
  std::vector<std::string> open;
  for (std::string fd; fds >> fd;) open.push_back(fd);
  return open;
}

}  // namespace

TEST(Process, CapturesStandardOutputAndTheExitCode) {
  const ProcessResult r = run_process({"/bin/sh", "-c", "echo hello; exit 3"}, {}, 30);
  EXPECT_TRUE(r.started);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.stdout_text, "hello\n");
}

TEST(Process, WritesOutputToFiles) {
  const std::string dir = std::filesystem::temp_directory_path() / ("verdict_process_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const ProcessResult r = run_process({"sh", "-c", "echo out; echo err >&2"}, {dir + "/out", dir + "/err"}, 30);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.stdout_text.empty());
  std::stringstream out, err;
  out << std::ifstream(dir + "/out").rdbuf();
  err << std::ifstream(dir + "/err").rdbuf();
  EXPECT_EQ(out.str(), "out\n");
  EXPECT_EQ(err.str(), "err\n");
  std::filesystem::remove_all(dir);
}

TEST(Process, ASignalIsReportedAsSuch) {
  const ProcessResult r = run_process({"/bin/sh", "-c", "kill -9 $$"}, {}, 30);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_EQ(r.signal, 9);
}

TEST(Process, TheTimeLimitKillsTheWholeProcessGroup) {
  // The shell's own child (sleep) holds the pipe too: only killing the group ends the read.
  const ProcessResult r = run_process({"/bin/sh", "-c", "sleep 60 & wait"}, {}, 0.3);
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_LT(r.wall_ms, 30000);  // far below the 60 s the child would take
}

TEST(Process, AProgramThatDoesNotExistIsNotStarted) {
  const ProcessResult r = run_process({"/nonexistent/verdict-no-such-program"}, {}, 30);
  EXPECT_FALSE(r.started);
}

TEST(Process, ChildrenDoNotInheritAnotherRunsPipe) {
  // A child's open descriptors, alone and while another run holds its capture pipe open:
  // the same (whatever this test process itself inherited), so no pipe end leaked.
  const std::vector<std::string> alone = child_descriptors();
  ASSERT_FALSE(alone.empty());
  std::thread holder([] { run_process({"/bin/sh", "-c", "sleep 2"}, {}, 30); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::vector<std::string> beside = child_descriptors();
  holder.join();
  EXPECT_EQ(beside, alone);
}

}  // namespace verdict::support
