// `verdict network reachable|exposed|compare|bench`: the network questions on the command line,
// a thin client of include/verdict/network.h. Not responsible for answering them.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "verdict/network.h"

namespace verdict::cli {

/// Registers `network` and its subcommands; each action prints the answer and returns the exit
/// code (0 yes, 10 no, 20 don't know, 2 bad input).
void add_network_command(CLI::App& app, Actions& actions);

nlohmann::json network_answer_to_json(const NetworkAnswer& answer);
std::string network_answer_to_text(const NetworkAnswer& answer);

}  // namespace verdict::cli
