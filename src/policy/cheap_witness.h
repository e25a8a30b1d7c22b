// The cheap witnesses, found without a solver: concrete requests built from the literals of one
// policy's Allow statements (each action and resource pattern instantiated, each named
// principal, a context that meets the statement's conditions), tried one by one on the concrete
// evaluator against a property (e.g. "A allows it and B does not"). Random pairs of policies
// almost always differ this way (A allows an action B never mentions).
// Not responsible for proving that no witness exists (the solver does that).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policy/model.h"
#include "policy/witness.h"
#include "support/deadline.h"
#include "verdict/policy.h"

namespace verdict::policy {

struct CheapSearchLimits {
  std::size_t max_candidates = 20000;  ///< evaluator calls at most
  double max_seconds = 0.5;            ///< and at most this long (and never past the deadline)
};

/// Tries requests that some Allow statement of `source` applies to; returns the first one for
/// which `holds` is true. `principals` are the principal strings to try (representatives);
/// `others` are the policies the property compares with (their literals are tried too).
std::optional<PolicyRequest> find_cheap_witness(const Policy& source, const std::vector<const Policy*>& others,
                                                const std::vector<std::string>& principals,
                                                const RequestProperty& holds, const support::Deadline& deadline,
                                                const CheapSearchLimits& limits = {});

/// A context meeting the statement's conditions where that is easy to read off (each key set to
/// the first value its first positive condition names; keys that negated, `IfExists` or
/// `ForAllValues` conditions test are left absent). Variables `${k}` in `also` (resources) are
/// given the value "x" in the context.
std::map<std::string, ContextValue> context_for(const Statement& st);

/// context_for(st), the empty context, and variants with each further value of each positive
/// test (at most `max_variants` in all).
std::vector<std::map<std::string, ContextValue>> contexts_for(const Statement& st, std::size_t max_variants = 16);

}  // namespace verdict::policy
