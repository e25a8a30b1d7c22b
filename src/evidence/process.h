// Running an external program with a time limit, its output captured in files; used by
// native replay to compile and run generated tests. Not responsible for what is run.
#pragma once

#include <string>
#include <vector>

namespace verdict::evidence {

struct ProcessResult {
  bool started = false;
  bool timed_out = false;
  int exit_code = -1;  ///< when it exited normally
  int signal = 0;      ///< when a signal ended it
};

/// Runs argv[0] (looked up in PATH) with stdin from /dev/null and stdout/stderr written to
/// the given files, in its own process group, killed after `timeout_s` seconds.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& stdout_path,
                          const std::string& stderr_path, double timeout_s);

}  // namespace verdict::evidence
