// Placing a witness's claims in the task's text for validation: one call
// `__VERDICT_witness_claim(N, condition)` where the witness states the claim (first in a
// loop's condition for a loop invariant, before a statement for a location invariant or
// an assumption, around a branch's condition or a call for the other waypoints), without
// changing any line's number. The C frontend then resolves the claim's names in the scope
// of that point, exactly as the compiler would. Not responsible for checking the claims
// (verdict::validate_* do) nor for reading the witness file (witness_reader.h).
#pragma once

#include <optional>
#include <string>

#include "verdict/validate.h"
#include "witness_reader.h"

namespace verdict::cli {

struct PlacedWitness {
  ClaimedProgram program;
  std::optional<WitnessTarget> target;  ///< violation witnesses
  std::string unplaced;  ///< non-empty: a claim that cannot be placed exactly (the answer is don't know)
};

/// The claims of `witness` placed in `source`, the text of the task `file`.
PlacedWitness place_claims(const WitnessDocument& witness, const std::string& file, const std::string& source);

}  // namespace verdict::cli
