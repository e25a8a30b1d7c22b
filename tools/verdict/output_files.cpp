#include "output_files.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "sarif.h"
#include "verdict/errors.h"

namespace verdict::cli {

namespace {

void check_one(const std::string& path, const char* what) {
  if (path.empty()) return;
  std::ofstream out(path);
  if (!out) throw InputError(std::string("cannot write the ") + what + " file '" + path + "'");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) std::fprintf(stderr, "verdict: could not write '%s'\n", path.c_str());
}

}  // namespace

void check_writable(const OutputFiles& files) {
  check_one(files.witness, "witness");
  check_one(files.sarif, "SARIF");
}

void write_output_files(const Answer& answer, const OutputFiles& files) {
  const std::string source = files.witness.empty() && files.sarif.empty() ? "" : read_file(answer.file);
  if (!files.sarif.empty()) write_file(files.sarif, answer_to_sarif(answer, source).dump(2) + "\n");
  if (!files.witness.empty()) {
    const Witness w = make_witness(answer, source, files.task);
    if (w.yaml.empty()) {
      std::remove(files.witness.c_str());  // created empty by check_writable
      std::fprintf(stderr, "verdict: no witness written: %s\n", w.reason.c_str());
    } else {
      write_file(files.witness, w.yaml);
    }
  }
}

}  // namespace verdict::cli
