// Printing IR terms over a program's variables as C expressions, using the variables'
// source names and casts where the IR's signed/unsigned view differs from the C type,
// e.g. `x > y && y > 0`. Not responsible for choosing what to print or where.
#pragma once

#include <string>

#include "ir/program.h"

namespace verdict::evidence {

/// `t` as a C expression (boolean terms as conditions). Operators without a C
/// counterpart are printed in the IR's notation.
std::string print_c_expr(const ir::Term& t, const ir::Program& program);

}  // namespace verdict::evidence
