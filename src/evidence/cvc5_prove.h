// Discharging one proof obligation with a fresh cvc5 instance: the single place where the
// independent checkers (invariant certificates, termination evidence) call cvc5.
// Not responsible for deriving obligations.
#pragma once

#include <string>
#include <vector>

#include "ir/term.h"
#include "support/deadline.h"

namespace verdict::evidence {

/// Proves `formula` unsatisfiable with a fresh cvc5 instance under `deadline`; returns ""
/// when proved, else why not (sat, unknown, time-out, a term cvc5 cannot express).
std::string prove_unsat_cvc5(const ir::Term& formula, const support::Deadline& deadline);

/// Discharges the obligation `name`: on success appends the name to `proved`, otherwise
/// sets `failure` to "obligation '<name>' not proved: <why>". Returns success.
bool discharge_obligation(const std::string& name, const ir::Term& formula, const support::Deadline& deadline,
                          std::vector<std::string>& proved, std::string& failure);

}  // namespace verdict::evidence
