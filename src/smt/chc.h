// Constrained Horn clauses over IR terms and their solution by Z3's Spacer engine, with
// the predicates' interpretations read back as IR terms. Exposes no Z3 type. Not
// responsible for deriving clauses from programs (engines/chc does that).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ir/term.h"
#include "smt/solver.h"
#include "support/deadline.h"

namespace verdict::smt {

/// An uninterpreted predicate over `params` (Var terms, distinct).
struct HornPredicate {
  std::string name;
  std::vector<ir::Term> params;
};

/// A predicate applied to argument terms.
struct HornApp {
  std::size_t pred = 0;
  std::vector<ir::Term> args;
};

/// body(params) /\ calls /\ constraint => head(head_args), or => false without a head.
/// `calls` are further predicates in the body, applied to arguments (a procedure's
/// summary at a call site): with them the clauses are non-linear.
/// Every variable in the clause is universally quantified.
struct HornClause {
  std::optional<std::size_t> body;
  ir::Term constraint;
  std::optional<std::size_t> head;
  std::vector<ir::Term> head_args;
  std::vector<HornApp> calls;
};

struct HornSystem {
  std::vector<HornPredicate> predicates;
  std::vector<HornClause> clauses;
};

struct HornResult {
  /// Sat: the clauses have a solution (`solution`); Unsat: some query clause is reachable.
  SatResult status = SatResult::Unknown;
  /// Per predicate, its interpretation over its own params (empty if Z3 gave none that
  /// could be translated; then `reason` says why and status is Unknown).
  std::vector<ir::Term> solution;
  std::string reason;
};

/// Solves `system` with Spacer until `deadline`, or for at most `budget_s` seconds (<= 0: no budget).
HornResult solve_horn(const HornSystem& system, const support::Deadline& deadline, double budget_s = 0);

/// The SMT-LIB 2 text of `system` (for logging and debugging).
std::string horn_to_smt2(const HornSystem& system);

}  // namespace verdict::smt
