// Job: parse SV-COMP property files and benchmark manifests from their text.
#include "task_files.h"

#include <fstream>
#include <regex>
#include <sstream>

#include "verdict/errors.h"

namespace verdict::cli {

namespace {

std::string read_text(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(std::string("cannot read ") + what + " '" + path + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The longest property text read. SV-COMP's property files are one line of < 100 characters;
/// the bound exists because libstdc++'s std::regex recurses once per character a quantifier
/// consumes (GCC PR 86164), so a long line overflows the stack (at ~64 KB under AddressSanitizer,
/// found by test/fuzz/prp.cpp).
constexpr std::size_t kMaxPropertyText = 4096;

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::stringstream ss(line);
  while (std::getline(ss, cell, ',')) cells.push_back(cell);
  return cells;
}

}  // namespace

SvcompTask parse_property_file(const std::string& text, const std::string& name) {
  if (text.size() > kMaxPropertyText)
    throw InputError(
        SourceLocation{name, 1, 1},
        "not an SV-COMP property: longer than " + std::to_string(kMaxPropertyText) + " characters");
  std::smatch m;
  if (!std::regex_search(
          text, m,
          std::regex(R"(CHECK\s*\(\s*init\s*\(\s*(\w+)\s*\(\s*\)\s*\)\s*,\s*LTL\s*\((.*)\)\s*\))")))
    throw InputError(SourceLocation{name, 1, 1},
                     "not an SV-COMP property: expected CHECK( init(main()), LTL(...) )");
  const std::string entry = m[1];
  const std::string ltl = std::regex_replace(std::string(m[2]), std::regex(R"(\s+)"), "");
  const std::string check = m[0];
  if (ltl == "G!call(reach_error())") return {SvcompProperty::UnreachCall, entry, check};
  if (ltl == "G!overflow") return {SvcompProperty::NoOverflow, entry, check};
  if (ltl == "Fend") return {SvcompProperty::Termination, entry, check};
  throw InputError(SourceLocation{name, 1, 1},
                   "unsupported SV-COMP property LTL(" + std::string(m[2]) + ")");
}

SvcompTask read_property_file(const std::string& path) {
  return parse_property_file(read_text(path, "property file"), path);
}

std::vector<BenchTask> parse_manifest(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  std::vector<BenchTask> tasks;
  std::string line;
  unsigned lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineno == 1 || line.empty()) continue;
    auto c = split_csv_line(line);
    if (c.size() < 6)
      throw InputError(
          SourceLocation{name, lineno, 1},
          "expected 6 columns: task_yml,input_file,property,expected_verdict,category,data_model");
    tasks.push_back(BenchTask{c[0], c[1], c[2], c[3], c[4], c[5]});
  }
  return tasks;
}

std::vector<BenchTask> read_manifest(const std::string& path) {
  return parse_manifest(read_text(path, "manifest"), path);
}

}  // namespace verdict::cli
