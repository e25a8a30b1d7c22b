// Fuzz target: the benchmark manifest CSV reader of `verdict bench`. Anything but a task list
// or InputError (another exception, a crash, a sanitizer report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/task_files.h"
#include "verdict/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    verdict::cli::parse_manifest(std::string(reinterpret_cast<const char*>(data), size),
                                 "input.csv");
  } catch (const verdict::InputError&) {
  }
  return 0;
}
