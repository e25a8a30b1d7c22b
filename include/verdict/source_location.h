// A position in a user's input file, for reports and error messages.
// Not responsible for reading files or formatting whole diagnostics.
#pragma once

#include <string>

namespace verdict {

/// A file:line:col position; line 0 means "unknown".
struct SourceLocation {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;

  [[nodiscard]] bool known() const { return line != 0; }
  /// "file:line:col", "file:line" or "file" depending on what is known.
  [[nodiscard]] std::string str() const {
    if (line == 0) return file;
    std::string s = file + ":" + std::to_string(line);
    if (column != 0) s += ":" + std::to_string(column);
    return s;
  }
};

}  // namespace verdict
