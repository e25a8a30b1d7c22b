#include "evidence/python_replay.h"

#include <filesystem>
#include <fstream>

#include "evidence/replay.h"
#include "evidence/temp_dir.h"
#include "support/process.h"

namespace verdict::evidence {

namespace fs = std::filesystem;

namespace {

/// A Python string literal for `s` (a path).
std::string py_string(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\\' || c == '\'') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "'";
}

NativeReplayResult skipped(const std::string& why, std::string script = "") {
  return NativeReplayResult{NativeReplayResult::Status::Skipped, "native replay skipped: " + why, std::move(script)};
}

struct PythonRun {
  support::ProcessResult process;
  std::string output;  ///< the script's report line(s)
  std::string script;
  std::string skip;    ///< non-empty: not run, why
};

PythonRun run_script(const ir::Program& program, const ir::Execution& execution, double timeout_s) {
  PythonRun r;
  std::error_code ec;
  const fs::path source = fs::absolute(program.file, ec);
  if (ec || !fs::is_regular_file(source)) {
    r.skip = "the source file " + program.file + " cannot be read";
    return r;
  }
  r.script = python_replay_script(source.string(), describe_execution(program, execution).call);
  TempDir dir;
  if (!dir.ok()) {
    r.skip = "no temporary directory";
    return r;
  }
  std::ofstream(dir.file("verdict_replay.py")) << r.script;
  r.process = support::run_process({"python3", "-I", "-S", "-B", dir.file("verdict_replay.py")},
                                   {dir.file("run.out"), dir.file("run.err")}, timeout_s);
  if (!r.process.started) r.skip = "python3 could not be started";
  r.output = read_file(dir.file("run.out"));
  return r;
}

/// "ZeroDivisionError 4" from the script's report, or "" when the call returned.
std::string escaped_exception(const std::string& output) {
  const std::string tag = "verdict-replay: raised ";
  const auto at = output.find(tag);
  if (at == std::string::npos) return "";
  const auto end = output.find('\n', at);
  return output.substr(at + tag.size(), end == std::string::npos ? std::string::npos : end - at - tag.size());
}

}  // namespace

std::string python_replay_script(const std::string& path, const std::string& call) {
  return "# Replays verdict's counterexample: loads the file as a module and calls\n"
         "#   " + call + "\n"
         "import importlib.util, sys\n"
         "spec = importlib.util.spec_from_file_location('verdict_subject', " + py_string(path) + ")\n"
         "subject = importlib.util.module_from_spec(spec)\n"
         "spec.loader.exec_module(subject)\n"
         "try:\n"
         "    subject." + call + "\n"
         "except BaseException as e:\n"
         "    line, tb = 0, e.__traceback__\n"
         "    while tb is not None:\n"
         "        if tb.tb_frame.f_code.co_filename == spec.origin:\n"
         "            line = tb.tb_lineno\n"
         "        tb = tb.tb_next\n"
         "    print('verdict-replay: raised', type(e).__name__, line, flush=True)\n"
         "    sys.exit(3)\n"
         "print('verdict-replay: returned', flush=True)\n";
}

NativeReplayResult python_replay(const ir::Program& program, const ir::Execution& execution, double run_timeout_s) {
  const std::string expected = program.props.at(execution.prop).exception;
  if (expected.empty()) return skipped("the violated property raises no Python exception");
  const PythonRun r = run_script(program, execution, run_timeout_s);
  if (!r.skip.empty()) return skipped(r.skip, r.script);
  const std::string raised = escaped_exception(r.output);
  const std::string name = raised.substr(0, raised.find(' '));
  const std::string line = raised.find(' ') == std::string::npos ? "" : raised.substr(raised.find(' ') + 1);
  if (r.process.exit_code == 3 && name == expected)
    return NativeReplayResult{NativeReplayResult::Status::Confirmed,
                              "confirmed by running the call with python3: " + expected + " raised at line " + line,
                              r.script};
  std::string what = r.process.timed_out ? "the call ran for " + std::to_string(static_cast<int>(run_timeout_s)) +
                                               " s without raising"
                     : !raised.empty()   ? name + " raised at line " + line + " instead of " + expected
                     : r.output.find("verdict-replay: returned") != std::string::npos
                         ? "the call returned normally"
                         : "the script failed (exit status " + std::to_string(r.process.exit_code) + ")";
  return NativeReplayResult{NativeReplayResult::Status::NotReproduced,
                            "native replay did not reproduce the violation: " + what, r.script};
}

NativeReplayResult python_replay_nontermination(const ir::Program& program, const ir::Execution& stem,
                                                double run_timeout_s) {
  const PythonRun r = run_script(program, stem, run_timeout_s);
  if (!r.skip.empty()) return skipped(r.skip, r.script);
  const std::string secs = std::to_string(static_cast<int>(run_timeout_s));
  if (r.process.timed_out)
    return NativeReplayResult{NativeReplayResult::Status::Confirmed,
                              "confirmed by running the call with python3: still running after " + secs + " s",
                              r.script};
  const std::string raised = escaped_exception(r.output);
  return NativeReplayResult{NativeReplayResult::Status::NotReproduced,
                            "native replay contradicts the witness: the call " +
                                (raised.empty() ? std::string("returned") : "raised " + raised),
                            r.script};
}

}  // namespace verdict::evidence
