// Test programs as files for the frontends: one folder per test process, a fresh file per
// call (the counter is shared by every test of the binary). Not a test itself.
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace verdict::testing {

/// Writes `text` to a new file ending in `ext`; returns its path.
inline std::string write_temp_source(const std::string& text, const std::string& ext = ".c") {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::temp_directory_path() / ("verdict_unit_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / ("t" + std::to_string(counter++) + ext);
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace verdict::testing
