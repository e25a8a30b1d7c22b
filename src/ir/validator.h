// Structural checks of an IR program: ids in range, sorts consistent. A frontend or
// transform that produces an invalid program has a bug. Not responsible for semantics.
#pragma once

#include <string>
#include <vector>

#include "ir/program.h"

namespace verdict::ir {

/// Every problem found, one message each; empty means valid.
std::vector<std::string> validate(const Program& program);

}  // namespace verdict::ir
