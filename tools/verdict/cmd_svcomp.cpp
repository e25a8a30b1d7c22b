// `verdict svcomp`: SV-COMP/BenchExec conventions — a property file, a task, and a
// last line `Verdict: TRUE|FALSE(...)|UNKNOWN`.
#include <iostream>

#include "verdict/check.h"
#include "verdict/errors.h"
#include "commands.h"
#include "output_files.h"
#include "render.h"
#include "task_files.h"

namespace verdict::cli {

namespace {

std::string svcomp_verdict(const Answer& a) {
  switch (a.verdict) {
    case Verdict::Yes: return "TRUE";
    case Verdict::No: return "FALSE(" + a.question + ")";
    case Verdict::DontKnow: return "UNKNOWN";
  }
  return "UNKNOWN";
}

struct SvcompFlags {
  std::string property_file;
  std::string task;
  std::string data_model = "ILP32";
  bool json = false;
  OutputFiles outputs;
  Options options;
};

}  // namespace

void add_svcomp_command(CLI::App& app, Actions& actions) {
  auto f = std::make_shared<SvcompFlags>();
  CLI::App* cmd = app.add_subcommand("svcomp", "Answer an SV-COMP task (property file + program)");
  cmd->add_option("--property", f->property_file, "SV-COMP property file (.prp)")->required();
  cmd->add_option("TASK", f->task, "the program (.c or .i)")->required();
  cmd->add_option("--data-model", f->data_model, "ILP32 or LP64")
      ->check(CLI::IsMember({"LP64", "ILP32"}))
      ->capture_default_str();
  cmd->add_option("--timeout", f->options.timeout_s, "wall-clock limit in seconds")->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", f->json, "print one JSON object");
  cmd->add_option("--witness", f->outputs.witness, "write an SV-COMP witness (format 2.0, YAML) to this file");
  actions[cmd] = [f] {
    const SvcompTask task = read_property_file(f->property_file);
    f->options.entry = task.entry;
    f->options.data_model = f->data_model == "LP64" ? DataModel::LP64 : DataModel::ILP32;
    f->options.properties = task.property == SvcompProperty::UnreachCall ? PropertySet::only_unreach_call()
                                                                          : PropertySet::svcomp_no_overflow();
    AnswerDecoration decoration;
    decoration.text = [](const Answer& a) { std::cout << "Verdict: " << svcomp_verdict(a) << std::endl; };
    decoration.json = [](const Answer& a, nlohmann::json& j) { j["svcomp_verdict"] = svcomp_verdict(a); };
    f->outputs.task = WitnessTask{task.specification, f->options.data_model};
    check_writable(f->outputs);
    decoration.files = [f](const Answer& a) { write_output_files(a, f->outputs); };
    const Question question =
        task.property == SvcompProperty::Termination ? Question::Termination : Question::Safety;
    return run_check_and_print(f->task, f->options, f->json, decoration, question);
  };
}

}  // namespace verdict::cli
