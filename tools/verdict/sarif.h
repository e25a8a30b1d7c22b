// SARIF 2.1.0 (Static Analysis Results Interchange Format) for an answer of `check` or
// `terminates`, as code-scanning services read it: one result per property instance, rule
// ids by property class (unreach-call, no-overflow, termination); a violation is an error
// with the counterexample as a code flow (its steps with the variables' values as state),
// a proved property a note with the invariants, an open one a warning with the reason.
// Not responsible for computing or checking evidence.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "verdict/answer.h"

namespace verdict::cli {

/// The SARIF log (one run) for `answer`; `source` is the text of `answer.file` (hashed).
nlohmann::json answer_to_sarif(const Answer& answer, const std::string& source);

}  // namespace verdict::cli
