// One symbolic search: is there a request satisfying a goal built from policy encodings? Runs
// the solver on the under-approximation (for sound witnesses) and, when the encodings had to
// approximate, on the over-approximation (for sound "none"). Not responsible for what the goal
// means nor for checking witnesses (the questions do that with the evaluator).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "policy/encoder.h"
#include "smt/policy_solver.h"
#include "support/deadline.h"

namespace verdict::policy {

struct Goal {
  FormulaRef formula;               ///< the goal: formula and OR(cases), or just formula
  std::vector<FormulaRef> cases;    ///< optional split (one per Allow statement), solved one by one
  std::vector<std::string> approximated;  ///< non-empty when the encoding approximated
};

/// Builds the goal erring on the given side: Lower = only requests that truly satisfy it,
/// Upper = at least those.
using GoalBuilder = std::function<Goal(Approx side)>;

struct SearchResult {
  smt::PolicySat status = smt::PolicySat::Unknown;
  PolicyRequest request;  ///< when Sat
  std::string reason;     ///< when Unknown
  std::vector<std::string> approximated;
  double solver_ms = 0;
};

/// Searches until `deadline` at the latest (then Unknown).
SearchResult search_request(const GoalBuilder& goal, const Universe& u, const support::Deadline& deadline);

/// Lower <-> Upper.
Approx flip(Approx a);

}  // namespace verdict::policy
