// Pieces every policy question shares when it builds its answer: the solver time budget,
// the timer, the semantic assumptions it states, statement labels, and the reconciling of
// the concrete evaluator with the solver encoding on one request.
// Not responsible for answering (questions.cpp, compare_allows.cpp).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "policy/model.h"
#include "support/deadline.h"
#include "verdict/policy.h"

namespace verdict::policy {

/// The question's deadline: `timeout_s` from now (none when it is 0 or less). Every solver
/// call of the question stops at it.
support::Deadline question_deadline(const PolicyOptions& options);

/// Milliseconds since `start`.
double ms_since(std::chrono::steady_clock::time_point start);

/// The evaluation semantics every answer assumes. `subject` is "the policy is" or "each
/// policy is"; `last` is the question's own final assumption.
std::vector<std::string> evaluation_assumptions(const std::string& subject, const std::string& last);

/// The labels (Sid or number) of statements `idx` of `p`, each after `prefix`.
std::vector<std::string> labels(const Policy& p, const std::vector<std::size_t>& idx,
                                const std::string& prefix = "");

/// Reconciles the concrete evaluator's decision on a request (`allowed`) with the solver
/// encoding's opinion `solver` ("yes", "no", or "" when it had none): on disagreement the
/// answer keeps don't know and says so, and false is returned; else the answer takes the
/// evaluator's verdict and the witness is marked re-checked when the solver had an opinion.
bool reconcile_with_solver(const std::string& solver, bool allowed, PolicyAnswer& a, PolicyWitness& w);

/// The strings of `v` separated by `sep`.
std::string join(const std::vector<std::string>& v, const std::string& sep = ", ");

}  // namespace verdict::policy
