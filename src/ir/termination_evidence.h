// The evidence of a termination answer, as engines hand it to the driver and the
// checkers re-check it: lexicographic linear ranking functions per cut point (with the
// supporting invariants they rely on) for a yes; a lasso (a stem and a loop that returns
// to the same state) or a closed recurrent set reached by a stem for a no.
// Not responsible for finding or checking that evidence.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ir/program.h"
#include "ir/value.h"

namespace verdict::ir {

/// An integer-valued linear function of the program variables, each read as the integer
/// its bit-vector denotes (signed for variables marked signed, else unsigned; booleans
/// as 0/1): constant + sum of coefficient * variable.
struct LinearFunction {
  std::vector<std::pair<ir::VarId, std::int64_t>> terms;
  std::int64_t constant = 0;

  [[nodiscard]] bool is_zero() const;
};

/// The bit-vector width in which ranking values are computed exactly for `program`
/// (wide enough that no sum of the bounded coefficients times variables can wrap), or 0:
/// a program over mathematical integers (Python) computes them as integers.
unsigned ranking_width(const ir::Program& program);
/// a < b and a <= b on ranking values (signed bit-vectors, or integers at width 0).
ir::Term ranking_lt(const ir::Term& a, const ir::Term& b);
ir::Term ranking_le(const ir::Term& a, const ir::Term& b);
/// The largest coefficient magnitude a ranking function may use (keeps ranking_width exact).
constexpr std::int64_t kMaxRankingCoefficient = 1 << 20;
/// The integer `value` as a two's-complement constant of `width` (any width; an integer at 0).
ir::Term ranking_constant(unsigned width, std::int64_t value);
/// `f` as a bit-vector term of `width` over the values `value(v)` of its variables
/// (e.g. the post-state of a segment), to be compared with signed comparisons.
ir::Term ranking_term(const ir::Program& program, const LinearFunction& f, unsigned width,
                      const std::function<ir::Term(ir::VarId)>& value);
/// `before` at the pre-state minus `after` at the post-state `post(v)` of one step, as a
/// bit-vector term of `width`, with the terms of a variable that the step leaves
/// unchanged (post(v) is a pre-state variable read the same way) combined before the term
/// is built: solvers then see how the value changes, not two long sums to compare.
ir::Term ranking_decrease(const ir::Program& program, const LinearFunction& before, const LinearFunction& after,
                          unsigned width, const std::function<ir::Term(ir::VarId)>& post);
/// `f` as a C expression over the variables' source names ("x - y + 1").
std::string print_linear(const ir::Program& program, const LinearFunction& f);

/// One component of a lexicographic ranking argument over a cut-point graph: a function
/// per cut point (absent: 0), and the segments (from, to) on which it strictly decreases
/// and is non-negative before the step. On every other segment still in a cycle at this
/// level it must not increase.
struct RankingLevel {
  std::map<ir::LocId, LinearFunction> functions;
  std::set<std::pair<ir::LocId, ir::LocId>> decreasing;
  /// For the cut points of a two-phase component of this level (Leike and Heizmann's nested
  /// ranking function of depth 2, a multiphase ranking function; none elsewhere, where the
  /// plain rule applies): a function per cut point that decreases by at least
  /// 1 on the `decreasing` segments, from any value, while `functions` may grow by less than
  /// it. On those segments then phase(before) - phase(after) >= 1, functions(before) +
  /// phase(before) - functions(after) >= 1 and functions(before) >= 0; on the others
  /// neither increases. Once the phase is negative, `functions` decreases as in a plain level.
  std::map<ir::LocId, LinearFunction> phase;
};

/// a + b, term by term.
LinearFunction linear_sum(const LinearFunction& a, const LinearFunction& b);

/// A proof that every execution is finite: invariants at the loop heads that exclude every
/// Check of the program (no undefined behaviour, no unmodelled construct is reachable);
/// ranking levels over the cut points `every_loop_location` chooses, with supporting invariants
/// there (inductive). Levels are checked in order on the cut-point segments still inside
/// a cycle: after the last level no cycle may remain.
struct RankingCertificate {
  std::map<ir::LocId, ir::Term> safety_invariants;
  unsigned safety_k = 1;  ///< the safety invariants are k-inductive (k-induction)
  /// For a modular program: per procedure (index) on a recursive cycle of the call
  /// graph, a function of its parameters that every call within that cycle decreases
  /// (from a non-negative value), given the invariant (safety_invariants) at the call.
  std::map<std::uint32_t, LinearFunction> recursion;
  /// Optional, per procedure of `recursion`: a second function, ordered lexicographically
  /// after the first: each such call then either decreases the first from a non-negative
  /// value, or does not increase it and decreases this one from a non-negative value.
  std::map<std::uint32_t, LinearFunction> recursion_next;
  /// The ranking levels' cut points: also every location on a cycle, not only the loop
  /// heads (transform::CutPointChoice::EveryLoopLocation).
  bool every_loop_location = false;
  std::map<ir::LocId, ir::Term> invariants;
  std::vector<RankingLevel> levels;
};

/// A program without inputs (no Havoc statement, no variable read before it is written)
/// has exactly one execution; it terminates if the interpreter runs it to its end.
struct CompleteRun {
  std::size_t max_steps = 0;  ///< the step limit the run ended within
};

/// A concrete non-terminating execution: the stem from init to the loop head `head`,
/// then `loop` (edges and the inputs they consume) leading from `head` back to `head`.
/// Repeating the loop with the same inputs repeats the same states forever.
struct LassoWitness {
  ir::LocId head = 0;
  std::vector<std::size_t> stem_edges;
  std::vector<ir::Value> stem_inputs;
  std::vector<std::size_t> loop_edges;
  std::vector<ir::Value> loop_inputs;
};

/// A closed recurrent set: a set of states at cut point `head` from which some segment
/// back to `head` is always enabled and every enabled one leads back into the set; the
/// stem reaches a state in it.
struct RecurrentSetWitness {
  ir::LocId head = 0;
  ir::Term set;
  std::vector<std::size_t> stem_edges;
  std::vector<ir::Value> stem_inputs;
};

}  // namespace verdict::ir
