// Renders answers for people (text) and for scripts (one JSON object).
// Not responsible for computing answers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "verdict/answer.h"

namespace verdict::cli {

nlohmann::json answer_to_json(const Answer& answer);
std::string answer_to_text(const Answer& answer);
/// A one-object JSON for an input error (exit code 2).
nlohmann::json error_to_json(const std::string& message, int exit_code);

}  // namespace verdict::cli
