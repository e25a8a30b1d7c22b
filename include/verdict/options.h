// The one typed options table for a verdict run, filled by the CLI or by an embedding
// program. Not responsible for parsing command lines.
#pragma once

#include <string>
#include <vector>

namespace verdict {

enum class DataModel { LP64, ILP32 };

/// Which properties a `check` run asks about.
/// Undefined behaviour that is not asked about is never silently assumed away unless it has
/// a conventional meaning: signed overflow then wraps around (two's complement); division
/// by zero and bad shifts make the answer don't know when reachable.
struct PropertySet {
  bool unreach_call = true;  ///< assertions, reach_error(), __VERIFIER_assert
  bool no_overflow = true;   ///< signed overflow (+ - * unary minus, INT_MIN / -1, INT_MIN % -1)
  /// With no_overflow: division by zero and bad shifts are violations too (verdict's
  /// `no-overflow`); SV-COMP's no-overflow property counts signed overflow only.
  bool other_undefined_arithmetic = true;

  static PropertySet all() { return {true, true, true}; }
  static PropertySet only_unreach_call() { return {true, false, false}; }
  static PropertySet only_no_overflow() { return {false, true, true}; }
  static PropertySet svcomp_no_overflow() { return {false, true, false}; }
};

struct Options {
  std::string entry = "main";
  PropertySet properties;
  DataModel data_model = DataModel::LP64;
  double timeout_s = 0;               ///< wall-clock limit; 0 means none
  unsigned max_steps = 10000;         ///< BMC: largest number of CFA steps unrolled
  unsigned recursion_bound = 8;       ///< calls inlined this deep, then don't know
  /// Keep calls as procedures instead of inlining them (`verdict ir --modular`); `check`
  /// builds the modular program by itself when inlining hits a bound.
  bool modular = false;
  bool replay_native = true;          ///< compile and run a C harness for counterexamples
  std::vector<std::string> extra_clang_args;  ///< -I, -D for the C frontend
};

}  // namespace verdict
