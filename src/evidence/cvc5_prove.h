// Discharging one proof obligation with a fresh cvc5 instance: the single place where the
// independent checkers (invariant certificates, termination evidence) call cvc5.
// Not responsible for deriving obligations.
#pragma once

#include <string>
#include <vector>

#include "ir/term.h"
#include "support/deadline.h"

namespace verdict::evidence {

/// What cvc5 made of an obligation: proved (unsatisfiable), refuted (a model exists: the
/// obligation is false), or undecided (time-out, unknown, a term it cannot express).
enum class Outcome { Proved, Refuted, Undecided };

struct Cvc5Result {
  Outcome outcome = Outcome::Undecided;
  std::string why;  ///< empty when proved
};

/// Tries to prove `formula` unsatisfiable with a fresh cvc5 instance under `deadline`.
Cvc5Result prove_with_cvc5(const ir::Term& formula, const support::Deadline& deadline);

/// Same; returns "" when proved, else why not.
std::string prove_unsat_cvc5(const ir::Term& formula, const support::Deadline& deadline);

/// Discharges the obligation `name`: on success appends the name to `proved`, otherwise
/// sets `failure` to "obligation '<name>' not proved: <why>" and, if given, `*refuted` to
/// whether cvc5 found the obligation false (rather than undecided). Returns success.
bool discharge_obligation(const std::string& name, const ir::Term& formula, const support::Deadline& deadline,
                          std::vector<std::string>& proved, std::string& failure, bool* refuted = nullptr);

}  // namespace verdict::evidence
