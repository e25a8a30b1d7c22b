// Shared by the fuzz targets of test/fuzz/: how a target reports a bug it detects itself
// (a wrong answer, an invalid IR), so that libFuzzer (or the replay driver) records the
// input. Not responsible for running targets (libFuzzer or replay_main.cpp does).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace verdict::fuzz {

/// Reports `what` and aborts: libFuzzer keeps the input as a crash, the replay test fails.
[[noreturn]] inline void bug(const std::string& what) {
  std::fprintf(stderr, "verdict fuzz target: %s\n", what.c_str());
  std::abort();
}

}  // namespace verdict::fuzz
