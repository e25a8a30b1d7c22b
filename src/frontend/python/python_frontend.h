// The Python frontend: parses a .py file with CPython's own parser (embedded, see
// ast_export.h) and translates one entry function of a small subset (int and bool values
// as unbounded integers, if/while/for-range, calls of the file's functions inlined, assert
// and raise) into one IR program over the integer sort. Not responsible for choosing
// properties or analysing the program.
#pragma once

#include <string>

#include "ir/program.h"

namespace verdict::frontend::python {

struct PythonFrontendOptions {
  std::string entry = "main";
  /// Inlined calls of a function within its own calls; beyond, a BoundReached check.
  unsigned recursion_bound = 8;
};

/// Translates `path` for `options.entry`. Throws InputError for a missing or unreadable
/// file, a syntax error (Python's message at file:line:col) or an unknown entry, and
/// Unsupported when the entry itself cannot be modelled (decorators, *args, parameters
/// annotated with a type other than int or bool). Constructs outside the subset become
/// Check statements of kind Unsupported where they are (don't know when reached).
ir::Program translate_file(const std::string& path, const PythonFrontendOptions& options);

/// Builtin exceptions a `raise` may name (raising one is an uncaught exception).
bool is_builtin_exception(const std::string& name);

}  // namespace verdict::frontend::python
