#include "support/invariant.h"

#include <cstdio>
#include <cstdlib>

namespace verdict::support {

void invariant_failed(const char* cond, const std::string& why, const char* file, int line) {
  std::fprintf(stderr, "verdict: internal error: %s:%d: invariant '%s' failed: %s\n", file, line,
               cond, why.c_str());
  std::abort();
}

}  // namespace verdict::support
