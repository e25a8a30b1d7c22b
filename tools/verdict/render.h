// Renders answers for people (text) and for scripts (one JSON object).
// Not responsible for computing answers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "verdict/answer.h"

namespace verdict::cli {

nlohmann::json answer_to_json(const Answer& answer);
std::string answer_to_text(const Answer& answer);
/// A source position as JSON: file, line, column.
nlohmann::json loc_json(const SourceLocation& loc);
/// A counterexample as JSON (inputs, trace, confirmations, replay test) and as text.
nlohmann::json counterexample_json(const Counterexample& c);
std::string counterexample_to_text(const Counterexample& c);
/// A one-object JSON for an input error (exit code 2).
nlohmann::json error_to_json(const std::string& message, int exit_code);

}  // namespace verdict::cli
