// Glob patterns (`*` any string, `?` one character; no policy variables) as nondeterministic
// automata, and the product of several of them: whether one glob's language is contained in
// or meets another's, and the finitely many classes into which a set of globs splits all
// strings (two strings are in one class when they match exactly the same globs), each with a
// shortest representative. This is what lets questions about actions and resources be asked
// over finitely many representatives instead of with the string solver.
// Not responsible for policy variables (callers keep those symbolic) nor for formulas.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "policy/model.h"

namespace verdict::policy {

/// One glob for the automata: the pattern and whether letters match either case.
struct Glob {
  Pattern pattern;  ///< no Variable pieces
  bool ignore_case = false;
};

/// Every non-empty class of strings under "matches the same globs".
struct GlobClasses {
  std::vector<std::string> representatives;    ///< one shortest string per class
  std::vector<std::vector<bool>> matches;       ///< [class][glob]: does the class match the glob?
};

/// The classes of `globs`, found by a breadth-first walk of the product automaton over the
/// characters the globs name plus one character they do not (every other character behaves
/// like it). nullopt when the product has more than `max_states` states. The added character
/// is never an upper-case letter, so representatives hold upper-case letters only where a glob
/// names them (actions are compared in lower case).
std::optional<GlobClasses> glob_classes(const std::vector<Glob>& globs, std::size_t max_states = 4000);

/// Is every string `a` matches also matched by `b`? (exact; nullopt only past the state limit)
std::optional<bool> glob_subset(const Glob& a, const Glob& b);
/// Do `a` and `b` match a common string? (exact; nullopt only past the state limit)
std::optional<bool> glob_intersect(const Glob& a, const Glob& b);

}  // namespace verdict::policy
