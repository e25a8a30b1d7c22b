// One direction of `compare` (is there a request one side allows and the other does not?),
// shared by the single-policy comparison and the comparison within a context of policies:
// cheap witnesses first, then the solver, every request re-checked by the evaluator.
// Not responsible for what the two sides are.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "policy/encoder.h"
#include "policy/search.h"
#include "policy/witness.h"
#include "support/deadline.h"
#include "verdict/policy.h"

namespace verdict::policy {

/// What one direction asks: the property, where cheap witnesses come from, the solver goal, and
/// how a found request becomes evidence.
struct Direction {
  WitnessRole role;
  RequestProperty holds;
  std::vector<const Policy*> sources;  ///< policies whose Allow statements seed cheap witnesses
  std::vector<const Policy*> all;      ///< every policy involved
  GoalBuilder goal;
  std::function<std::optional<PolicyWitness>(const PolicyRequest&)> witness;  ///< nullopt: not confirmed
};

/// Searches one direction; on Sat adds the re-checked witness (and its statements) to `a`.
smt::PolicySat one_direction(PolicyAnswer& a, const Direction& d, const Universe& u, const support::Deadline& deadline);

/// "`yes` allows it and `no` does not", the two policies evaluated alone; `yn`/`nn` name them
/// in the evidence ("A", "B").
Direction alone_direction(const Policy& yes, const Policy& no, const char* yn, const char* nn, WitnessRole role,
                          const Universe& u);

/// `compare` with the policies of `options.context` around A and B (access.h).
PolicyAnswer compare_in_context(const PolicyDocument& a, const PolicyDocument& b, const PolicyOptions& options);

/// Sets the relation, verdict and reason of a compare answer from its two directions.
void conclude_compare(PolicyAnswer& ans, smt::PolicySat ab, smt::PolicySat ba);

}  // namespace verdict::policy
