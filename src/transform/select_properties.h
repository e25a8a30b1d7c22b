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
};

/// Removes the Check statements whose property class is not selected. A removed check
/// leaves the operation's wrap-around result in place (no assumption is added).
SelectPropertiesStats select_properties(ir::Program& program, const PropertySet& selected);

}  // namespace verdict::transform
