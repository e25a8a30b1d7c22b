// Printing concrete IR values the way the source language writes them: decimal integers
// (signed or unsigned per the variable), booleans, and C literals for generated tests.
// Not responsible for choosing which values to print.
#pragma once

#include <string>

#include "ir/program.h"
#include "ir/value.h"

namespace verdict::evidence {

/// The value of `var` as its source language prints it ("4294967295", "-1", "true").
std::string format_value(const ir::Value& value, const ir::Variable& var, const std::string& language);

/// A C expression of type `c_type` with this value ("(unsigned int)4294967295ULL").
std::string c_literal(const ir::Value& value, bool is_signed, const std::string& c_type);

}  // namespace verdict::evidence
