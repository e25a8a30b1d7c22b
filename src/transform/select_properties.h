// Pass: keep only the Check statements of the selected property classes (plus the
// Incomplete ones, which always matter), so that engines see exactly the question asked.
// Not responsible for deciding which classes a question selects (the driver does).
#pragma once

#include <cstddef>

#include "ir/program.h"
#include "verdict/options.h"

namespace verdict::transform {

struct SelectPropertiesStats {
  std::size_t kept = 0;
  std::size_t removed = 0;
  std::size_t demoted = 0;  ///< turned into incomplete checks
};

/// Keeps the Check statements of the selected properties. Unselected assertions and
/// signed-overflow checks are removed (the operation's wrap-around result stays: two's
/// complement); unselected division-by-zero and shift checks are demoted to incomplete
/// checks (reaching one means don't know), because no result of theirs is conventional.
SelectPropertiesStats select_properties(ir::Program& program, const PropertySet& selected);

}  // namespace verdict::transform
