// The CLI's subcommands. Each registers itself on the CLI11 app and returns the action
// to run once the command line is parsed; the action returns the process exit code.
// Not responsible for answering questions (the public API in include/verdict does).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "verdict/answer.h"
#include "verdict/options.h"

namespace verdict::cli {

using Action = std::function<int()>;
using Actions = std::map<CLI::App*, Action>;

void add_check_command(CLI::App& app, Actions& actions);
void add_terminates_command(CLI::App& app, Actions& actions);
void add_svcomp_command(CLI::App& app, Actions& actions);
void add_ir_command(CLI::App& app, Actions& actions);
void add_validate_command(CLI::App& app, Actions& actions);
void add_bench_command(CLI::App& app, Actions& actions, const std::string& self_path);

/// How a subcommand adds its own lines (text) or fields (JSON) to a printed answer.
struct AnswerDecoration {
  std::function<void(const Answer&)> text;                     ///< after the text answer
  std::function<void(const Answer&, nlohmann::json&)> json;  ///< before the JSON is printed
  std::function<void(const Answer&)> files;                  ///< after printing: --witness, --sarif
};

/// Which public call answers a program question.
enum class Question { Safety, Termination };

/// Runs verdict::check (or verdict::terminates) under a watchdog, in a child process, and
/// prints the answer; returns the exit code.
int run_check_and_print(const std::string& file, const Options& options, bool json,
                        const AnswerDecoration& decoration = {}, Question question = Question::Safety);

/// Adds the flags every question subcommand shares: --json and --timeout (seconds per solver query).
CLI::App* add_json_and_timeout(CLI::App* cmd, bool& json, double& timeout);

/// Prints a bad-input message (exit code 2) as text on stderr or as one JSON object.
int report_input_error(const std::string& message, bool json);

}  // namespace verdict::cli
