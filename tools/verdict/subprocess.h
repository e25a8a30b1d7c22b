// Runs a child process with a wall-clock limit and collects its standard output.
// Not responsible for interpreting the output.
#pragma once

#include <string>
#include <vector>

namespace verdict::cli {

struct ProcessResult {
  int exit_code = -1;     ///< -1 when killed or not started
  bool timed_out = false;
  double wall_ms = 0;
  std::string stdout_text;
};

/// Runs argv[0] with argv; kills the child's process group after `limit_s` seconds.
ProcessResult run_process(const std::vector<std::string>& argv, double limit_s);

}  // namespace verdict::cli
