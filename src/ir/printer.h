// Human-readable text of IR terms and programs (`verdict ir FILE`).
// Not responsible for printing in a source language (see evidence/ for C expressions).
#pragma once

#include <string>

#include "ir/program.h"

namespace verdict::ir {

/// A term in prefix-free infix notation, variables by name (or v<id> without a program).
std::string print_term(const Term& t, const Program* program = nullptr);
std::string print_stmt(const Stmt& s, const Program& program);
std::string print_program(const Program& program);

}  // namespace verdict::ir
