#include "evidence/native_replay.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "evidence/harness.h"
#include "evidence/python_replay.h"
#include "evidence/temp_dir.h"
#include "support/process.h"

namespace verdict::evidence {

namespace fs = std::filesystem;

namespace {

std::string first_line_with(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) return line;
  return "";
}

NativeReplayResult skipped(std::string why, std::string source = "") {
  return NativeReplayResult{NativeReplayResult::Status::Skipped, "native replay skipped: " + std::move(why),
                            std::move(source)};
}

/// What the run showed, and whether it is the violation of `property_class`.
std::pair<std::string, bool> classify(const support::ProcessResult& r, const std::string& err, ir::PropertyClass cls,
                                      double timeout_s) {
  const bool unreach = cls == ir::PropertyClass::UnreachCall;
  if (r.timed_out) return {"the program ran for " + std::to_string(static_cast<int>(timeout_s)) + " s without failing", false};
  const std::string ub = first_line_with(err, "runtime error:");
  if (!ub.empty() && r.exit_code != 0) return {"undefined behaviour reported by the sanitizer: " + ub, !unreach};
  if (r.exit_code == kReachErrorExit) return {"reach_error() is called", unreach};
  if (r.signal == SIGABRT) {
    const std::string a = first_line_with(err, "Assertion");
    return {a.empty() ? "the program aborts" : "the program aborts: " + a, unreach};
  }
  if (r.exit_code == kAssumeFailedExit) return {"an assumption (__VERIFIER_assume) fails", false};
  if (r.signal != 0) return {"the program is killed by signal " + std::to_string(r.signal), false};
  if (r.exit_code == 0) return {"the program exits normally", false};
  return {"the program exits with status " + std::to_string(r.exit_code), false};
}

}  // namespace

namespace {

/// The generated harness compiled in `dir` as dir/replay; a skipped result when not.
std::optional<NativeReplayResult> compile(const ir::Program& program, const ir::Execution& execution,
                                          ir::PropertyClass cls, const NativeReplayOptions& options, TempDir& dir,
                                          Harness& h) {
  if (program.language != "C") return skipped("the program is not C");
  if (access(options.compiler.c_str(), X_OK) != 0) return skipped("no C compiler (" + options.compiler + ")");
  std::error_code ec;
  const fs::path source = fs::absolute(program.file, ec);
  if (ec || !fs::is_regular_file(source)) return skipped("the source file " + program.file + " cannot be read");
  h = make_harness(program, read_file(source.string()), execution);
  if (!h.skip_reason.empty()) return skipped(h.skip_reason, h.source);
  if (!dir.ok()) return skipped("no temporary directory", h.source);
  std::ofstream(dir.file("verdict_replay.c")) << h.source;
  std::vector<std::string> argv{options.compiler, "-std=gnu11", "-w", "-g"};
  const auto flags = replay_flags(cls);
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), h.compile_flags.begin(), h.compile_flags.end());
  argv.insert(argv.end(), {source.string(), dir.file("verdict_replay.c"), "-o", dir.file("replay"), "-lm"});
  const support::ProcessResult cc =
      support::run_process(argv, {dir.file("cc.out"), dir.file("cc.err")}, options.compile_timeout_s);
  if (!cc.started || cc.timed_out || cc.exit_code != 0) {
    const std::string log = read_file(dir.file("cc.err"));
    std::string err = first_line_with(log, "undefined reference");
    if (err.empty()) err = first_line_with(log, "error");
    if (const auto colon = err.find(": "); colon != std::string::npos && err.rfind(dir.file(""), 0) == 0)
      err = err.substr(colon + 2);  // drop the temporary object's name
    return skipped("the program does not compile with the harness" + (err.empty() ? "" : ": " + err), h.source);
  }
  return std::nullopt;
}

}  // namespace

NativeReplayResult native_replay(const ir::Program& program, const ir::Execution& execution,
                                 const NativeReplayOptions& options) {
  if (execution.outcome != ir::Execution::Outcome::Violated) return skipped("the IR run does not end in a violation");
  if (program.language == "Python") return python_replay(program, execution, options.run_timeout_s);
  const ir::PropertyClass cls = ir::property_class(program.props.at(execution.prop).kind);
  TempDir dir;
  Harness h;
  if (auto skip = compile(program, execution, cls, options, dir, h)) return *skip;
  const support::ProcessResult run =
      support::run_process({dir.file("replay")}, {dir.file("run.out"), dir.file("run.err")}, options.run_timeout_s);
  if (!run.started) return skipped("the compiled program could not be started", h.source);
  auto [what, confirmed] = classify(run, read_file(dir.file("run.err")), cls, options.run_timeout_s);
  if (confirmed)
    return NativeReplayResult{NativeReplayResult::Status::Confirmed, "confirmed by running the compiled program: " + what,
                              h.source};
  return NativeReplayResult{NativeReplayResult::Status::NotReproduced,
                            "native replay did not reproduce the violation: " + what, h.source};
}

NativeReplayResult native_replay_nontermination(const ir::Program& program, const ir::Execution& stem,
                                                const NativeReplayOptions& options) {
  if (program.language == "Python") return python_replay_nontermination(program, stem, options.run_timeout_s);
  TempDir dir;
  Harness h;
  // The sanitizers of no-overflow: the run must also be free of undefined behaviour.
  if (auto skip = compile(program, stem, ir::PropertyClass::NoOverflow, options, dir, h)) return *skip;
  const support::ProcessResult run =
      support::run_process({dir.file("replay")}, {dir.file("run.out"), dir.file("run.err")}, options.run_timeout_s);
  if (!run.started) return skipped("the compiled program could not be started", h.source);
  const std::string secs = std::to_string(static_cast<int>(options.run_timeout_s));
  if (run.timed_out)
    return NativeReplayResult{NativeReplayResult::Status::Confirmed,
                              "confirmed by running the compiled program: still running after " + secs +
                                  " s, without undefined behaviour reported",
                              h.source};
  auto [what, confirmed] = classify(run, read_file(dir.file("run.err")), ir::PropertyClass::NoOverflow,
                                    options.run_timeout_s);
  return NativeReplayResult{NativeReplayResult::Status::NotReproduced,
                            "native replay contradicts the witness: " + what, h.source};
}

NativeReplayResult::Status add_native_replay(const ir::Program& program, ReplayResult& replayed,
                                             const NativeReplayOptions& options) {
  if (!replayed.confirmed || !replayed.counterexample) return NativeReplayResult::Status::Skipped;
  NativeReplayResult r = native_replay(program, replayed.execution, options);
  replayed.counterexample->confirmations.push_back(r.message);
  if (!r.test_source.empty()) replayed.counterexample->replay_test = r.test_source;
  return r.status;
}

}  // namespace verdict::evidence
