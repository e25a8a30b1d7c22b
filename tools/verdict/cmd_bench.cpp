// `verdict bench MANIFEST.csv`: runs every task of a benchmark manifest in its own
// process (`verdict svcomp`), with a per-task time limit and --jobs workers, shows a
// progress bar, and prints correct / wrong / unknown per property with the SV-COMP score.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "support/process.h"
#include "verdict/errors.h"
#include "commands.h"
#include "task_files.h"

namespace fs = std::filesystem;

namespace verdict::cli {

namespace {

using Task = BenchTask;

struct TaskResult {
  std::string answer = "unknown";  ///< "true", "false" or "unknown"
  std::string detail;             ///< "timeout", "error: ..." for unknown
  std::string engine;             ///< which engine answered (yes/no only)
  double wall_ms = 0;
};

/// The property file the task's YAML names for `property`.
std::string property_file_for(const fs::path& yml, const std::string& property) {
  YAML::Node doc = YAML::LoadFile(yml.string());
  for (const auto& p : doc["properties"]) {
    const fs::path prp = p["property_file"].as<std::string>();
    if (prp.stem() == property) return (yml.parent_path() / prp).lexically_normal().string();
  }
  throw InputError(yml.string() + ": no property file for '" + property + "'");
}

TaskResult run_task(const std::string& self, const fs::path& base, const Task& t, double timeout) {
  TaskResult r;
  std::vector<std::string> argv;
  try {
    const std::string prp = property_file_for(base / t.yml, t.property);
    argv = {self, "svcomp", "--property", prp, "--data-model", t.data_model, "--timeout",
            std::to_string(timeout), "--json", (base / t.input).string()};
  } catch (const std::exception& e) {
    r.detail = std::string("error: ") + e.what();
    return r;
  }
  const support::ProcessResult p = support::run_process(argv, {}, timeout + 5);
  r.wall_ms = p.wall_ms;
  if (p.timed_out) {
    r.detail = "killed after time limit";
    return r;
  }
  try {
    auto j = nlohmann::json::parse(p.stdout_text);
    const std::string v = j.value("svcomp_verdict", "UNKNOWN");
    r.engine = j.value("engine", std::string());
    if (v == "TRUE") r.answer = "true";
    else if (v.rfind("FALSE", 0) == 0) r.answer = "false";
    else r.detail = j.value("reason", j.value("error", std::string("unknown")));
  } catch (const std::exception&) {
    r.detail = "exit code " + std::to_string(p.exit_code) + ", no JSON answer";
  }
  return r;
}

int score(const std::string& expected, const std::string& answer) {
  if (answer == "unknown") return 0;
  if (answer == expected) return answer == "true" ? 2 : 1;
  return answer == "true" ? -32 : -16;
}

void progress(std::size_t done, std::size_t total, int correct, int wrong, int unknown) {
  if (!isatty(STDERR_FILENO) && done != total && done % 10 != 0) return;
  const int width = 30;
  const int filled = total ? static_cast<int>(width * done / total) : width;
  std::fprintf(stderr, "\r[%s%s] %zu/%zu  correct %d  wrong %d  unknown %d", std::string(filled, '#').c_str(),
               std::string(width - filled, '.').c_str(), done, total, correct, wrong, unknown);
  if (done == total || !isatty(STDERR_FILENO)) std::fprintf(stderr, "\n");
  std::fflush(stderr);
}

struct Row {
  int tasks = 0, correct_true = 0, correct_false = 0, wrong_true = 0, wrong_false = 0, unknown = 0, score = 0;
  double time_ms = 0;
  std::vector<double> times;
  void add(const Task& t, const TaskResult& r) {
    ++tasks;
    time_ms += r.wall_ms;
    times.push_back(r.wall_ms);
    score += verdict::cli::score(t.expected, r.answer);
    if (r.answer == "unknown") ++unknown;
    else if (r.answer == t.expected) ++(r.answer == "true" ? correct_true : correct_false);
    else ++(r.answer == "true" ? wrong_true : wrong_false);
  }
  double median() {
    if (times.empty()) return 0;
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
  }
};

void print_table(std::map<std::string, Row>& rows) {
  std::printf("\n%-14s %6s %8s %8s %8s %8s %8s %7s %10s %10s\n", "property", "tasks", "ok-true", "ok-false",
              "WRONG-t", "WRONG-f", "unknown", "score", "total s", "median ms");
  for (auto& [name, r] : rows)
    std::printf("%-14s %6d %8d %8d %8d %8d %8d %7d %10.1f %10.0f\n", name.c_str(), r.tasks, r.correct_true,
                r.correct_false, r.wrong_true, r.wrong_false, r.unknown, r.score, r.time_ms / 1000, r.median());
}

void write_csv(const std::string& path, const std::vector<Task>& tasks, const std::vector<TaskResult>& results) {
  std::ofstream out(path);
  out << "task_yml,input_file,property,expected_verdict,answer,score,wall_ms,engine,detail\n";
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    std::string detail = results[i].detail;
    std::replace(detail.begin(), detail.end(), ',', ';');
    std::replace(detail.begin(), detail.end(), '\n', ' ');
    out << tasks[i].yml << "," << tasks[i].input << "," << tasks[i].property << "," << tasks[i].expected << ","
        << results[i].answer << "," << score(tasks[i].expected, results[i].answer) << ","
        << static_cast<long long>(results[i].wall_ms) << "," << results[i].engine << "," << detail << "\n";
  }
}

struct BenchFlags {
  std::string manifest;
  double timeout = 10;
  unsigned jobs = 1;
  std::string output = "bench-results.csv";
  std::string only_property;
  bool json = false;
};

int run_bench(const BenchFlags& f, const std::string& self) {
  std::vector<Task> tasks = read_manifest(f.manifest);
  if (!f.only_property.empty())
    std::erase_if(tasks, [&](const Task& t) { return t.property != f.only_property; });
  const fs::path base = fs::path(f.manifest).parent_path();
  std::vector<TaskResult> results(tasks.size());
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::size_t done = 0;
  int correct = 0, wrong = 0, unknown = 0;
  auto worker = [&] {
    for (std::size_t i; (i = next++) < tasks.size();) {
      results[i] = run_task(self, base, tasks[i], f.timeout);
      std::lock_guard<std::mutex> lock(mu);
      const int s = score(tasks[i].expected, results[i].answer);
      ++(s > 0 ? correct : s < 0 ? wrong : unknown);
      if (s < 0) std::fprintf(stderr, "\nWRONG: %s (%s): expected %s, answered %s\n", tasks[i].input.c_str(),
                               tasks[i].property.c_str(), tasks[i].expected.c_str(), results[i].answer.c_str());
      progress(++done, tasks.size(), correct, wrong, unknown);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned j = 0; j < std::max(1u, f.jobs); ++j) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  std::map<std::string, Row> rows;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    rows[tasks[i].property].add(tasks[i], results[i]);
    rows["(all)"].add(tasks[i], results[i]);
  }
  write_csv(f.output, tasks, results);
  std::map<std::string, int> by_engine;
  for (const TaskResult& r : results)
    if (r.answer != "unknown") ++by_engine[r.engine.empty() ? "?" : r.engine];
  if (f.json) {
    nlohmann::json j = nlohmann::json::object();
    j["answers_per_engine"] = by_engine;
    for (auto& [name, r] : rows)
      j[name] = {{"tasks", r.tasks}, {"correct_true", r.correct_true}, {"correct_false", r.correct_false},
                 {"wrong_true", r.wrong_true}, {"wrong_false", r.wrong_false}, {"unknown", r.unknown},
                 {"score", r.score}, {"total_s", r.time_ms / 1000}, {"median_ms", r.median()}};
    std::cout << j.dump(2) << std::endl;
  } else {
    print_table(rows);
    std::printf("answers (yes or no) per engine:");
    for (const auto& [engine, n] : by_engine) std::printf("  %s %d", engine.c_str(), n);
    std::printf("\nresults written to %s\n", f.output.c_str());
  }
  return wrong == 0 ? 0 : 1;
}

}  // namespace

void add_bench_command(CLI::App& app, Actions& actions, const std::string& self_path) {
  auto f = std::make_shared<BenchFlags>();
  CLI::App* cmd = app.add_subcommand("bench", "Run a benchmark manifest and score the answers");
  cmd->add_option("MANIFEST", f->manifest, "manifest.csv (task_yml,input_file,property,expected_verdict,...)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--timeout", f->timeout, "seconds per task")->capture_default_str();
  cmd->add_option("--jobs", f->jobs, "tasks run at once")->capture_default_str();
  cmd->add_option("--output", f->output, "CSV file for per-task results")->capture_default_str();
  cmd->add_option("--property", f->only_property, "only tasks of this property")
      ->check(CLI::IsMember({"unreach-call", "no-overflow", "termination"}));
  cmd->add_flag("--json", f->json, "print the score table as JSON");
  actions[cmd] = [f, self_path] { return run_bench(*f, self_path); };
}

}  // namespace verdict::cli
