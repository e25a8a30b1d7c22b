// Printing IR terms over a Python program's integer variables as Python expressions
// (`x > y and y > 0`, `n % 2 == 0`), and choosing the printer by the program's language.
// Not responsible for choosing what to print or where.
#pragma once

#include <string>

#include "ir/program.h"

namespace verdict::evidence {

/// `t` as a Python expression. Operators without a Python counterpart are printed in the
/// IR's notation.
std::string print_python_expr(const ir::Term& t, const ir::Program& program);

/// `t` in the program's source language (Python or C).
std::string print_source_expr(const ir::Term& t, const ir::Program& program);

}  // namespace verdict::evidence
