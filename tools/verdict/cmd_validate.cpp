// `verdict validate --witness W.yml TASK.c`: reads an SV-COMP witness 2.0, places its
// claims in the task's text and asks the public API whether they hold; prints
// "witness confirmed" (exit 0), "witness rejected: <reason>" (10) or don't know (20).
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <thread>

#include "verdict/errors.h"
#include "verdict/validate.h"
#include "commands.h"
#include "isolate.h"
#include "render.h"
#include "sha256.h"
#include "watchdog.h"
#include "witness_claims.h"
#include "witness_reader.h"

namespace verdict::cli {

namespace {

using nlohmann::json;

struct ValidateFlags {
  std::string witness;
  std::string task;
  std::string property_file;
  std::string data_model;
  bool json = false;
  Options options;
};

std::string read_text(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) throw InputError("cannot read " + std::string(what) + " '" + path + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The properties and entry an SV-COMP specification text names (one CHECK per line).
void apply_specification(const std::string& text, const std::string& where, Options& o, bool entry_given) {
  // Other producers write the LTL formula alone ("G ! call(reach_error())"): the entry is then main.
  const std::regex ltl(R"(G\s*!\s*(call\s*\(\s*reach_error\s*\(\s*\)\s*\)|overflow))");
  const std::regex init(R"(init\s*\(\s*(\w+)\s*\()");
  bool unreach = false, overflow = false;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ltl); it != std::sregex_iterator(); ++it)
    (std::string((*it)[1]) == "overflow" ? overflow : unreach) = true;
  std::smatch m;
  const std::string entry = std::regex_search(text, m, init) ? std::string(m[1]) : "main";
  if (!unreach && !overflow)
    throw InputError(where + ": no supported SV-COMP property (unreach-call or no-overflow) in '" + text + "'");
  o.properties = unreach && overflow ? PropertySet::all()
                 : unreach           ? PropertySet::only_unreach_call()
                                     : PropertySet::svcomp_no_overflow();
  if (!entry_given) o.entry = entry;
}

/// Warnings about the witness's task: a hash that is not the file's.
std::vector<std::string> hash_warnings(const WitnessDocument& w, const std::string& task, const std::string& source) {
  std::vector<std::string> out;
  const std::string name = std::filesystem::path(task).filename().string();
  const std::string actual = sha256_hex(source);
  for (const auto& [file, hash] : w.input_file_hashes) {
    if (std::filesystem::path(file).filename().string() != name && w.input_file_hashes.size() > 1) continue;
    if (hash != actual)
      out.push_back("the witness's SHA-256 of " + file + " (" + hash + ") is not that of " + task + " (" + actual +
                    "): it may be about another version of the file");
  }
  if (w.input_file_hashes.empty()) out.push_back("the witness lists no input file hash");
  return out;
}

int exit_code_of(WitnessStatus s) {
  return s == WitnessStatus::Confirmed ? 0 : s == WitnessStatus::Rejected ? 10 : 20;
}

const char* answer_of(WitnessStatus s) {
  return s == WitnessStatus::Confirmed ? "yes" : s == WitnessStatus::Rejected ? "no" : "dont_know";
}

struct Report {
  std::string witness, task, kind;
  std::vector<std::string> warnings;
  WitnessValidation result;
};

void print(const Report& r, bool as_json) {
  const WitnessValidation& v = r.result;
  if (as_json) {
    json j{{"answer", answer_of(v.status)},
           {"question", "is the " + r.kind + " witness " + r.witness + " valid for " + r.task + "?"},
           {"file", r.task},
           {"witness", r.witness},
           {"witness_type", r.kind},
           {"validation", to_string(v.status)},
           {"reason", v.reason},
           {"warnings", r.warnings},
           {"checked", v.checked},
           {"assumptions", v.assumptions},
           {"time_ms", v.time_ms}};
    if (v.failed)
      j["failed"] = {{"text", v.failed->text}, {"location", loc_json(v.failed->where)},
                     {"witness_location", loc_json(v.failed->origin)}};
    if (v.counterexample) j["counterexample"] = counterexample_json(*v.counterexample);
    std::cout << j.dump(2) << std::endl;
    return;
  }
  std::cout << "question: is the " << r.kind << " witness " << r.witness << " valid for " << r.task << "?\n";
  for (const std::string& w : r.warnings) std::cout << "warning: " << w << "\n";
  if (v.counterexample) std::cout << counterexample_to_text(*v.counterexample);
  switch (v.status) {
    case WitnessStatus::Confirmed: std::cout << "answer: witness confirmed (" << v.reason << ")\n"; break;
    case WitnessStatus::Rejected: std::cout << "answer: witness rejected: " << v.reason << "\n"; break;
    case WitnessStatus::Unknown: std::cout << "answer: DON'T KNOW whether the witness is valid: " << v.reason << "\n"; break;
  }
  std::cout.flush();
}

int validate_and_print(ValidateFlags& f) {
  const WitnessDocument w = read_witness(f.witness);
  const std::string source = read_text(f.task, "task");
  Report r{f.witness, f.task, w.kind == WitnessDocument::Kind::Correctness ? "correctness" : "violation",
           hash_warnings(w, f.task, source), {}};
  Options& o = f.options;
  const bool entry_given = !o.entry.empty();
  if (!f.property_file.empty()) apply_specification(read_text(f.property_file, "property file"), f.property_file, o, entry_given);
  else if (!w.specification.empty()) apply_specification(w.specification, f.witness, o, entry_given);
  else throw InputError(f.witness + ": the witness names no specification; give --property FILE.prp");
  if (o.entry.empty()) o.entry = "main";
  const std::string model = !f.data_model.empty() ? f.data_model : w.data_model;
  o.data_model = model == "ILP32" || model == "32bit" ? DataModel::ILP32 : DataModel::LP64;

  const PlacedWitness placed = place_claims(w, f.task, source);
  static std::atomic<bool> printing{false};
  Watchdog watchdog(o.timeout_s, [&] {
    if (printing.exchange(true)) return false;
    Report late = r;
    late.result.reason = "time limit of " + std::to_string(o.timeout_s) + " s reached";
    print(late, f.json);
    return true;
  });
  if (!placed.unplaced.empty()) {
    r.result.reason = "a claim of the witness cannot be placed in the program: " + placed.unplaced;
  } else {
    try {
      r.result = w.kind == WitnessDocument::Kind::Correctness
                     ? validate_correctness_witness(placed.program, o)
                     : validate_violation_witness(placed.program, *placed.target, o);
    } catch (const InputError& e) {
      // Name the claims on the line clang complains about (columns there are the
      // instrumented copy's, so the message keeps only clang's words).
      std::vector<const WitnessClaim*> on_line;
      for (const WitnessClaim& c : placed.program.claims)
        if (e.location().line == c.where.line) on_line.push_back(&c);
      if (on_line.empty()) throw;
      std::string words = e.what();
      if (const std::string prefix = e.location().str() + ": "; words.rfind(prefix, 0) == 0) words = words.substr(prefix.size());
      std::string claims;
      for (const WitnessClaim* c : on_line) claims += (claims.empty() ? "'" : "' or '") + c->text;
      throw InputError(on_line.front()->origin, "the claim " + claims + "' does not compile at " +
                                                    on_line.front()->where.str() + ": " + words);
    }
  }
  if (printing.exchange(true)) std::this_thread::sleep_for(std::chrono::hours(1));
  print(r, f.json);
  return exit_code_of(r.result.status);
}

}  // namespace

void add_validate_command(CLI::App& app, Actions& actions) {
  auto f = std::make_shared<ValidateFlags>();
  f->options.timeout_s = 60;
  f->options.entry.clear();
  CLI::App* cmd = app.add_subcommand("validate", "Check an SV-COMP witness (format 2.0) against its program");
  cmd->add_option("--witness", f->witness, "the witness (YAML)")->required();
  cmd->add_option("TASK", f->task, "the program (.c or .i)")->required();
  cmd->add_option("--property", f->property_file, "SV-COMP property file (default: the witness's specification)");
  cmd->add_option("--entry", f->options.entry, "entry function (default: the specification's, else main)");
  cmd->add_option("--data-model", f->data_model, "ILP32 or LP64 (default: the witness's)")
      ->check(CLI::IsMember({"LP64", "ILP32"}));
  cmd->add_option("--timeout", f->options.timeout_s, "wall-clock limit in seconds (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("--json", f->json, "print one JSON object");
  actions[cmd] = [f] {
    return run_isolated([&] { return validate_and_print(*f); },
                        [&](int signal) {
                          std::fprintf(stderr, "verdict: internal error: the validation crashed (signal %d)\n", signal);
                          return 1;
                        });
  };
}

}  // namespace verdict::cli
