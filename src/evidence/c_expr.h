// Printing IR terms over a program's variables as C expressions, using the variables'
// source names and casts where the IR's signed/unsigned view differs from the C type,
// e.g. `x > y && y > 0`. Not responsible for choosing what to print or where.
#pragma once

#include <optional>
#include <optional>
#include <string>

#include "ir/program.h"

namespace verdict::evidence {

/// `t` as a C expression (boolean terms as conditions). Operators without a C
/// counterpart are printed in the IR's notation.
std::string print_c_expr(const ir::Term& t, const ir::Program& program);

/// print_c_expr's text when a C compiler reads it with the IR's meaning, nullopt when
/// it would not (operators or types C lacks, arithmetic that C's integer promotions
/// widen, operands C would read with the other signedness).
std::optional<std::string> print_exact_c_expr(const ir::Term& t, const ir::Program& program);

/// `t` as a C expression that a C compiler reads with the same meaning, or nullopt when
/// it needs an operator or a type that C does not have (arrays, odd widths, integers).
std::optional<std::string> print_exact_c_expr(const ir::Term& t, const ir::Program& program);

}  // namespace verdict::evidence
