// Fuzz target: the SV-COMP property file (.prp) reader. Anything but a task or InputError
// (another exception, a crash, a sanitizer report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/task_files.h"
#include "verdict/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    verdict::cli::parse_property_file(std::string(reinterpret_cast<const char*>(data), size),
                                      "input.prp");
  } catch (const verdict::InputError&) {
  }
  return 0;
}
