// The concrete semantics of a policy: does it allow one given request, and which statements
// apply? No solver: this is the independent checker every concrete request in an answer is
// re-evaluated by (like replaying a counterexample). Not responsible for symbolic questions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policy/model.h"
#include "verdict/policy.h"

namespace verdict::policy {

struct EvalOptions {
  /// When set, statements without Principal/NotPrincipal (identity policies) apply only to
  /// this principal (the identity the policy is attached to) instead of to every principal.
  std::optional<std::string> attached_identity;
};

struct EvalResult {
  bool allowed = false;
  std::vector<std::size_t> allowing;  ///< indices of applying Allow statements
  std::vector<std::size_t> denying;   ///< indices of applying Deny statements
};

/// Evaluates the policy on one request. Throws Unsupported for constructs it does not model
/// (e.g. a wildcard inside a principal ARN).
EvalResult evaluate(const Policy& policy, const PolicyRequest& request, const EvalOptions& options = {});

/// Does one statement apply to the request (principal, action, resource, every condition)?
bool statement_applies(const Statement& st, const PolicyRequest& request, const EvalOptions& options = {});

/// `*`/`?` glob match of a whole string (no variables in `pattern`).
bool glob_match(const Pattern& pattern, const std::string& text, bool ignore_case);

/// Principal "account" test shared by Principal entries: is `principal` in account `id`?
bool principal_in_account(const std::string& principal, const std::string& id);

}  // namespace verdict::policy
