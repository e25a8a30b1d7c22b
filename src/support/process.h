// The one way verdict runs another program: posix_spawn (safe from any thread: nothing
// runs in the child between fork and exec), the child in its own process group (killed
// as a whole at the time limit), and close-on-exec pipes, so that concurrent runs (bench
// --jobs, native replay in engine threads) never inherit each other's descriptors.
// Not responsible for what is run or for interpreting its output.
#pragma once

#include <string>
#include <vector>

namespace verdict::support {

/// Where a child's output goes.
struct ProcessOutput {
  std::string stdout_path;  ///< a file to write; empty: captured in ProcessResult::stdout_text
  std::string stderr_path;  ///< a file to write; empty: discarded (/dev/null)
};

struct ProcessResult {
  bool started = false;
  bool timed_out = false;  ///< killed (with its process group) at the time limit
  int exit_code = -1;      ///< when it exited normally, else -1
  int signal = 0;          ///< when a signal ended it
  double wall_ms = 0;
  std::string stdout_text;  ///< when captured
};

/// Runs argv[0] (looked up in PATH unless it contains a '/') with stdin from /dev/null,
/// and waits for it at most `timeout_s` seconds.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOutput& output, double timeout_s);

}  // namespace verdict::support
