// Decides the policy formulas of policy_formula.h with Z3 (strings, regular languages, integers,
// reals, 128-bit vectors) under a time limit, and reads models back as plain text.
// Not responsible for building formulas nor for interpreting models as requests.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "smt/policy_formula.h"
#include "support/deadline.h"

namespace verdict::smt {

/// Variable name -> value: strings as their characters, Bool "true"/"false", Int/Real as a
/// decimal ("12", "-0.5"), Bits128 as 32 hexadecimal digits.
struct PolicyModel {
  std::map<std::string, std::string> values;
  [[nodiscard]] const std::string* find(const std::string& var) const {
    auto it = values.find(var);
    return it == values.end() ? nullptr : &it->second;
  }
};

enum class PolicySat { Sat, Unsat, Unknown };

struct PolicySolveResult {
  PolicySat status = PolicySat::Unknown;
  PolicyModel model;  ///< when Sat
  std::string reason; ///< when Unknown (timeout, incomplete theory)
  double time_ms = 0;
};

/// Checks `query` for at most `timeout_ms`, and never past `deadline`: a helper thread
/// interrupts Z3 when the deadline passes or the run is cancelled (Z3's own timeout is not
/// always honoured by its string solvers). A query with a pattern of more than 256 wildcards
/// is unknown without a call (Z3 4.8 can take tens of seconds to free such a query, past any deadline). When it is satisfiable and `preferences` are given,
/// looks for a model that also satisfies them (readable witnesses) and falls back to any model.
PolicySolveResult solve_policy(const FormulaRef& query, const std::vector<FormulaRef>& preferences,
                               unsigned timeout_ms, const support::Deadline& deadline = support::Deadline());

}  // namespace verdict::smt
