// The one typed options table for a verdict run, filled by the CLI or by an embedding
// program. Not responsible for parsing command lines.
#pragma once

#include <string>
#include <vector>

namespace verdict {

enum class DataModel { LP64, ILP32 };

/// Which properties a `check` run asks about.
struct PropertySet {
  bool unreach_call = true;  ///< assertions, reach_error(), __VERIFIER_assert
  bool no_overflow = true;   ///< signed overflow, division by zero, bad shifts

  static PropertySet all() { return {true, true}; }
  static PropertySet only_unreach_call() { return {true, false}; }
  static PropertySet only_no_overflow() { return {false, true}; }
};

struct Options {
  std::string entry = "main";
  PropertySet properties;
  DataModel data_model = DataModel::LP64;
  double timeout_s = 0;               ///< wall-clock limit; 0 means none
  unsigned max_steps = 10000;         ///< BMC: largest number of CFA steps unrolled
  unsigned recursion_bound = 8;       ///< calls inlined this deep, then don't know
  bool replay_native = true;          ///< compile and run a C harness for counterexamples
  std::vector<std::string> extra_clang_args;  ///< -I, -D for the C frontend
};

}  // namespace verdict
