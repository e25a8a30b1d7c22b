// `verdict check` and `verdict ir`: safety questions on one program, and the IR dump.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <iostream>

#include "verdict/check.h"
#include "verdict/terminates.h"
#include "verdict/errors.h"
#include "commands.h"
#include "isolate.h"
#include "output_files.h"
#include "render.h"
#include "watchdog.h"

namespace verdict::cli {

namespace {

struct CheckFlags {
  std::string file;
  std::string property = "all";
  std::string data_model = "LP64";
  bool json = false;
  bool no_native_replay = false;
  OutputFiles outputs;
  Options options;
};

DataModel parse_data_model(const std::string& s) { return s == "ILP32" ? DataModel::ILP32 : DataModel::LP64; }

PropertySet parse_property(const std::string& p) {
  if (p == "unreach-call") return PropertySet::only_unreach_call();
  if (p == "no-overflow") return PropertySet::only_no_overflow();
  return PropertySet::all();
}

/// The SV-COMP property a `check` witness is about: the violated property's class for a
/// counterexample, else the question's (both, one per line, for `all`).
std::string witness_specification(const Answer& a, const std::string& entry, const std::string& property) {
  if (a.evidence.counterexample) return svcomp_specification(entry, a.evidence.counterexample->property);
  if (property != "all") return svcomp_specification(entry, property);
  return svcomp_specification(entry, "unreach-call") + "\n" + svcomp_specification(entry, "no-overflow");
}

void add_common_program_flags(CLI::App* cmd, CheckFlags& f) {
  cmd->add_option("FILE", f.file, "C file (.c, or preprocessed .i) or Python file (.py)")->required();
  cmd->add_option("--entry", f.options.entry, "entry function; its parameters take arbitrary values")
      ->capture_default_str();
  cmd->add_option("--data-model", f.data_model, "data model of the C program")
      ->check(CLI::IsMember({"LP64", "ILP32"}))
      ->capture_default_str();
  cmd->add_option("--timeout", f.options.timeout_s, "wall-clock limit in seconds (0: none)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", f.json, "print one JSON object");
}

}  // namespace

namespace {

void print_answer(const Answer& answer, bool json, const AnswerDecoration& decoration) {
  if (json) {
    nlohmann::json j = answer_to_json(answer);
    if (decoration.json) decoration.json(answer, j);
    std::cout << j.dump(2) << std::endl;
  } else {
    std::cout << answer_to_text(answer);
    if (decoration.text) decoration.text(answer);
    std::cout.flush();
  }
  if (decoration.files) decoration.files(answer);
}

/// A don't-know answer that has nothing but its reason.
Answer bare_answer(const std::string& file, const Options& options, Question question, std::string reason,
                   double time_ms) {
  Answer a;
  a.question = question == Question::Termination                                  ? "termination"
               : options.properties.unreach_call && options.properties.no_overflow ? "all"
               : options.properties.unreach_call                                   ? "unreach-call"
                                                                                   : "no-overflow";
  a.file = file;
  a.entry = options.entry;
  a.reason = std::move(reason);
  a.time_ms = time_ms;
  return a;
}

int check_and_print(const std::string& file, const Options& options, bool json, const AnswerDecoration& decoration,
                    Question question) {
  // Exactly one of the main thread and the watchdog prints an answer.
  static std::atomic<bool> printing{false};
  Watchdog watchdog(options.timeout_s, [&] {
    if (printing.exchange(true)) return false;  // the main thread is printing
    print_answer(bare_answer(file, options, question, "time limit of " + std::to_string(options.timeout_s) + " s reached",
                             options.timeout_s * 1000),
                 json, decoration);
    std::cout.flush();
    return true;
  });
  const Answer answer = question == Question::Termination ? terminates(file, options) : check(file, options);
  if (printing.exchange(true)) std::this_thread::sleep_for(std::chrono::hours(1));  // watchdog exits
  print_answer(answer, json, decoration);
  return exit_code(answer.verdict);
}

}  // namespace

int run_check_and_print(const std::string& file, const Options& options, bool json,
                        const AnswerDecoration& decoration, Question question) {
  const auto start = std::chrono::steady_clock::now();
  return run_isolated([&] { return check_and_print(file, options, json, decoration, question); },
                      [&](int signal) {
                        const std::string reason = "internal error: the analysis crashed (signal " +
                                                   std::to_string(signal) + "); no answer is given";
                        std::fprintf(stderr, "verdict: %s\n", reason.c_str());
                        const double ms =
                            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
                        const Answer a = bare_answer(file, options, question, reason, ms);
                        print_answer(a, json, decoration);
                        return exit_code(a.verdict);
                      });
}

void add_check_command(CLI::App& app, Actions& actions) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand("check", "Can an assertion fail or undefined arithmetic happen?");
  add_common_program_flags(cmd, *flags);
  cmd->add_option("--property", flags->property, "which properties to check")
      ->check(CLI::IsMember({"unreach-call", "no-overflow", "all"}))
      ->capture_default_str();
  cmd->add_option("--max-steps", flags->options.max_steps, "bound on the steps explored by BMC")
      ->capture_default_str();
  cmd->add_flag("--no-native-replay", flags->no_native_replay,
                "do not compile and run counterexamples with the system compiler");
  cmd->add_option("--witness", flags->outputs.witness, "write an SV-COMP witness (format 2.0, YAML) to this file");
  cmd->add_option("--sarif", flags->outputs.sarif, "write the results as SARIF 2.1.0 to this file");
  actions[cmd] = [flags] {
    flags->options.properties = parse_property(flags->property);
    flags->options.data_model = parse_data_model(flags->data_model);
    flags->options.replay_native = !flags->no_native_replay;
    flags->outputs.task.data_model = flags->options.data_model;
    check_writable(flags->outputs);
    AnswerDecoration decoration;
    decoration.files = [flags](const Answer& a) {
      OutputFiles outputs = flags->outputs;
      outputs.task.specification = witness_specification(a, flags->options.entry, flags->property);
      write_output_files(a, outputs);
    };
    return run_check_and_print(flags->file, flags->options, flags->json, decoration);
  };
}

void add_terminates_command(CLI::App& app, Actions& actions) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand("terminates", "Does every execution of the entry function return?");
  add_common_program_flags(cmd, *flags);
  cmd->add_flag("--no-native-replay", flags->no_native_replay,
                "do not compile and run non-termination witnesses with the system compiler");
  cmd->add_option("--sarif", flags->outputs.sarif, "write the result as SARIF 2.1.0 to this file");
  actions[cmd] = [flags] {
    flags->options.data_model = parse_data_model(flags->data_model);
    flags->options.replay_native = !flags->no_native_replay;
    check_writable(flags->outputs);
    AnswerDecoration decoration;
    decoration.files = [flags](const Answer& a) { write_output_files(a, flags->outputs); };
    return run_check_and_print(flags->file, flags->options, flags->json, decoration, Question::Termination);
  };
}

void add_ir_command(CLI::App& app, Actions& actions) {
  auto flags = std::make_shared<CheckFlags>();
  auto llvm = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("ir", "Print the verification IR of a program");
  add_common_program_flags(cmd, *flags);
  cmd->add_flag("--llvm", *llvm, "print the simplified LLVM IR instead");
  cmd->add_flag("--modular", flags->options.modular, "keep calls as procedures instead of inlining them");
  actions[cmd] = [flags, llvm] {
    flags->options.data_model = parse_data_model(flags->data_model);
    const std::string text = *llvm ? llvm_ir_text(flags->file, flags->options)
                                   : program_text(flags->file, flags->options);
    if (flags->json) std::cout << nlohmann::json{{"file", flags->file}, {"entry", flags->options.entry},
                                                 {(*llvm ? "llvm_ir" : "ir"), text}}.dump(2) << "\n";
    else std::cout << text;
    return 0;
  };
}

int report_input_error(const std::string& message, bool json) {
  if (json) std::cout << error_to_json(message, 2).dump(2) << std::endl;
  else std::cerr << "verdict: " << message << std::endl;
  return 2;
}

}  // namespace verdict::cli
