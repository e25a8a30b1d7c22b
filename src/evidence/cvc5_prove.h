// Discharging one proof obligation with a fresh cvc5 instance: the single place where the
// independent checkers (invariant certificates, termination evidence) call cvc5.
// Not responsible for deriving obligations.
#pragma once

#include <string>

#include "ir/term.h"
#include "support/deadline.h"

namespace verdict::evidence {

/// Proves `formula` unsatisfiable with a fresh cvc5 instance under `deadline`; returns ""
/// when proved, else why not (sat, unknown, time-out, a term cvc5 cannot express).
std::string prove_unsat_cvc5(const ir::Term& formula, const support::Deadline& deadline);

}  // namespace verdict::evidence
