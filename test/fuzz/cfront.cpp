// Fuzz target: the C frontend on source text (clang 14 in-process -> LLVM IR -> verdict IR),
// for the entry `main`, inlined (LP64) and modular (ILP32); no engine runs. A file clang
// rejects or an unknown entry must end in InputError, an unmodelled construct in Unsupported;
// any other exception, a crash, a sanitizer report, or a program the IR validator rejects is
// a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "frontend/c/c_frontend.h"
#include "fuzz_support.h"
#include "ir/validator.h"
#include "verdict/errors.h"

namespace {

/// The file holding the current input, one per process, removed at exit.
struct SourceFile {
  std::string path;
  SourceFile() {
    const char* dir = std::getenv("TMPDIR");
    path =
        std::string(dir ? dir : "/tmp") + "/verdict-fuzz-cfront-" + std::to_string(getpid()) + ".c";
  }
  ~SourceFile() { std::remove(path.c_str()); }
};

/// The input as a .c file (the frontend reads files).
std::string write_source(const std::uint8_t* data, std::size_t size) {
  static const SourceFile source;
  const std::string& path = source.path;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) verdict::fuzz::bug("cannot write " + path);
  if (size != 0 && std::fwrite(data, 1, size, f) != size)
    verdict::fuzz::bug("cannot write " + path);
  std::fclose(f);
  return path;
}

void translate_and_validate(const std::string& path,
                            verdict::frontend::c::CFrontendOptions options) {
  options.max_instructions = 5000;  // keeps each input's time bounded
  options.recursion_bound = 2;
  const verdict::ir::Program program = verdict::frontend::c::translate_file(path, options);
  const std::vector<std::string> problems = verdict::ir::validate(program);
  if (!problems.empty())
    verdict::fuzz::bug("the frontend produced an invalid program: " + problems.front());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = write_source(data, size);
  verdict::frontend::c::CFrontendOptions options;
  try {
    translate_and_validate(path, options);
    options.modular = true;
    options.data_model = verdict::DataModel::ILP32;
    translate_and_validate(path, options);
  } catch (const verdict::InputError&) {
  } catch (const verdict::Unsupported&) {
  }
  return 0;
}
