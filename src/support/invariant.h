// Checks for conditions that only a bug in verdict can break. A failed check aborts
// with a message; it is never used for bad user input (see verdict/errors.h).
#pragma once

#include <string>

namespace verdict::support {

[[noreturn]] void invariant_failed(const char* cond, const std::string& why, const char* file,
                                   int line);

}  // namespace verdict::support

#define VERDICT_INVARIANT(cond, why)                                               \
  do {                                                                             \
    if (!(cond)) ::verdict::support::invariant_failed(#cond, (why), __FILE__, __LINE__); \
  } while (0)

#define VERDICT_UNREACHABLE(why) ::verdict::support::invariant_failed("unreachable", (why), __FILE__, __LINE__)
