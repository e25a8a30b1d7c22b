// Ranking functions for recursion in a modular program: per procedure on a recursive
// cycle of the call graph, a function of its parameters (+-p, +-p +-q, +-p +-q +-r, over the same
// parameter positions in every procedure of the cycle) that every call within the cycle
// decreases from a non-negative value, given the invariants at the calls. Candidates are
// enumerated and each is checked with Z3. Not responsible for loops inside procedures
// (ranking_synthesis) or for the independent re-check.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ir/termination_evidence.h"
#include "transform/cutpoints.h"
#include "support/deadline.h"

namespace verdict::engines::termination {

/// Per procedure on a recursive cycle: its ranking function (`first`) and, for a cycle
/// that needs a lexicographic pair (Ackermann's function: m, then n), the second
/// (ir::RankingCertificate::recursion_next).
struct RecursionRanking {
  std::map<std::uint32_t, ir::LinearFunction> first;
  std::map<std::uint32_t, ir::LinearFunction> next;
};

/// The ranking functions of every recursive cycle: first a single function of the
/// enumerated shapes, then a lexicographic pair of single parameters; nullopt (with
/// `reason`) if some cycle has neither. Empty when nothing recurses.
std::optional<RecursionRanking> rank_recursion(
    const ir::Program& program, const transform::CutPointSystem& system,
    const std::map<ir::LocId, ir::Term>& invariants, const support::Deadline& deadline, std::string& reason);

// The pieces of a Terminator-style search, where the invariants at the calls are not known
// yet: a candidate's decrease becomes a check of an instrumented copy of the program, and
// the invariants that prove the checks (over the reachable calls only) support it.

/// The recursive cycles of the call graph, each as its procedures.
std::vector<std::vector<std::uint32_t>> recursive_cycles(const ir::Program& program,
                                                         const transform::CutPointSystem& system);

/// The candidate functions of one cycle, in the order rank_recursion tries them.
std::vector<std::map<std::uint32_t, ir::LinearFunction>> recursion_candidates(const ir::Program& program,
                                                                              const std::vector<std::uint32_t>& cycle);

/// A copy of a program with checks before its recursive calls (with_decrease_checks).
struct DecreaseChecks {
  ir::Program program;
  /// Per new location (where a call now starts, after its check): the location of the
  /// original program that it stands for. The others are the original's.
  std::map<ir::LocId, ir::LocId> moved;
};

/// `program` with an Assertion check before every call between procedures of `functions`:
/// that the callee's function of the arguments is below the caller's function of its
/// parameters, and (with `bounded`) that the caller's is non-negative. Each call edge
/// now starts at a new location, reached from its old one by the check's edge.
DecreaseChecks with_decrease_checks(const ir::Program& program,
                                    const std::map<std::uint32_t, ir::LinearFunction>& functions, bool bounded);

/// Whether `functions` decrease from a non-negative value on every call among their
/// procedures, given `invariants` (Z3; unknown counts as no).
bool recursion_decreases(const ir::Program& program, const std::map<std::uint32_t, ir::LinearFunction>& functions,
                         const std::map<ir::LocId, ir::Term>& invariants, const support::Deadline& deadline,
                         const std::map<std::uint32_t, ir::LinearFunction>& next = {});

/// `functions` plus the constant that makes them non-negative at the calls (0, or one
/// near a constant of the program, the one nearest 0 first), or nullopt.
std::optional<std::map<std::uint32_t, ir::LinearFunction>> with_lower_bound(
    const ir::Program& program, std::map<std::uint32_t, ir::LinearFunction> functions,
    const std::map<ir::LocId, ir::Term>& invariants, const support::Deadline& deadline);

}  // namespace verdict::engines::termination
