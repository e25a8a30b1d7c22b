// The error types that cross the public API: bad user input and unsupported constructs.
// Bugs are not reported with these; see support/invariant.h.
#pragma once

#include <stdexcept>
#include <string>

#include "verdict/source_location.h"

namespace verdict {

/// The user's input is wrong (missing file, syntax error, unknown entry): exit code 2.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation loc, const std::string& message)
      : std::runtime_error(loc.file.empty() ? message : loc.str() + ": " + message),
        loc_(std::move(loc)) {}
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
  [[nodiscard]] const SourceLocation& location() const { return loc_; }

 private:
  SourceLocation loc_;
};

/// A construct verdict does not model precisely: the answer becomes don't know.
class Unsupported : public std::runtime_error {
 public:
  Unsupported(SourceLocation loc, const std::string& construct)
      : std::runtime_error(loc.str().empty() ? construct : construct + " at " + loc.str()),
        loc_(std::move(loc)), construct_(construct) {}
  [[nodiscard]] const SourceLocation& location() const { return loc_; }
  [[nodiscard]] const std::string& construct() const { return construct_; }

 private:
  SourceLocation loc_;
  std::string construct_;
};

}  // namespace verdict
