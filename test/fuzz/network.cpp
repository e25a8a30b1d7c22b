// Fuzz target: the network snapshot JSON reader and the `exposed` and `compare` questions on
// it, with a short deadline. A malformed snapshot must end in InputError; any other exception,
// a crash or a sanitizer report is a bug, and so is a snapshot compared with itself opening or
// closing a flow (a wrong no).
#include "verdict/network.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "verdict/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace verdict;
  const NetworkSnapshot snapshot{"input.json",
                                 std::string(reinterpret_cast<const char*>(data), size)};
  NetworkOptions options;
  options.timeout_s = 0.5;
  try {
    network_exposed(snapshot, "", options);
    const NetworkAnswer self = network_compare(snapshot, snapshot, options);
    if (self.verdict == Verdict::No) fuzz::bug("compare: a snapshot differs from itself");
  } catch (const InputError&) {
  }
  return 0;
}
