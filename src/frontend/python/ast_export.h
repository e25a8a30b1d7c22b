// Python's own parser, embedded: runs CPython's `ast.parse` on a source text and exports
// the tree as JSON (every node an object with "_type", its position and its fields;
// integers as decimal strings, so that no value is rounded). The only module that includes
// Python.h. Not responsible for the meaning of the tree (see translator.h).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace verdict::frontend::python {

struct AstExport {
  bool ok = false;
  nlohmann::json module;  ///< the ast.Module when ok
  unsigned line = 0;      ///< the syntax error's position (1-based) when not ok
  unsigned column = 0;
  std::string message;    ///< Python's message for the syntax error
};

/// Parses `source` (bytes of a .py file; encoding declarations are honoured) as Python
/// would, reporting `filename` in errors. Thread-safe (holds the interpreter lock).
AstExport export_ast(const std::string& source, const std::string& filename);

}  // namespace verdict::frontend::python
