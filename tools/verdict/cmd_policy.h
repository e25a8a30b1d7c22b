// `verdict policy public|compare|allows|check-...|bench`: the access-policy questions on the command
// line, a thin client of include/verdict/policy.h. Not responsible for answering them.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "verdict/policy.h"
#include "commands.h"

namespace verdict::cli {

/// Registers `policy` and its subcommands; each action prints the answer and returns the exit
/// code (0 yes, 10 no, 20 don't know, 2 bad input).
void add_policy_command(CLI::App& app, Actions& actions);

nlohmann::json policy_answer_to_json(const PolicyAnswer& answer);
std::string policy_answer_to_text(const PolicyAnswer& answer);

}  // namespace verdict::cli
