// The one typed options table for a verdict run, filled by the CLI or by an embedding
// program. Not responsible for parsing command lines.
#pragma once

#include <cstddef>
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

/// The engines' search limits. The defaults are the values every answer of this version
/// was computed with; an answer's `tried` list names the limits of the engines that ran
/// (e.g. "k-induction: limits: k <= 12, ...").
struct EngineLimits {
  /// k-induction: the largest k tried.
  unsigned max_k = 12;
  /// Interval analysis: edge visits of the fixpoint before it gives up (no intervals).
  std::size_t interval_max_edge_visits = 200000;
  /// Interval analysis: updates of a cut point widened to the next program constant
  /// (+-1) before widening jumps to the type's extremes (which ends the fixpoint).
  unsigned interval_threshold_widenings = 40;
  /// Interval analysis: widening thresholds collected from the program's constants
  /// (collection stops once this many are found).
  std::size_t interval_max_thresholds = 600;
  /// Interval analysis: terms nested deeper than this are not evaluated (any value).
  unsigned interval_max_term_depth = 1500;
  /// Interval analysis: how many levels of a branch condition (connectives, boolean
  /// temporaries and their definitions) refine the ranges of the variables it tests.
  unsigned interval_refine_depth = 16;
  /// Relational invariant candidates (x <= y, x + y <= c, ...): no pairs at cut points with
  /// more live variables than this ...
  std::size_t relational_max_pair_vars = 16;
  /// ... and no sums of three at cut points with more than this.
  std::size_t relational_max_triple_vars = 6;
};

struct Options {
  std::string entry = "main";
  PropertySet properties;
  DataModel data_model = DataModel::LP64;
  double timeout_s = 0;               ///< wall-clock limit; 0 means none
  unsigned max_steps = 10000;         ///< BMC: largest number of CFA steps unrolled
  unsigned recursion_bound = 8;       ///< calls inlined this deep, then don't know
  /// C frontend: LLVM instructions translated over all inlined calls, then don't know.
  std::size_t max_inlined_instructions = 60000;
  EngineLimits limits;                ///< search limits of the engines
  /// Keep calls as procedures instead of inlining them (`verdict ir --modular`); `check`
  /// builds the modular program by itself when inlining hits a bound.
  bool modular = false;
  bool replay_native = true;          ///< compile and run a C harness for counterexamples
  std::vector<std::string> extra_clang_args;  ///< -I, -D for the C frontend
};

}  // namespace verdict
