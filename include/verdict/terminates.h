// The termination question as a library call: does every execution of a function return
// to its caller? The CLI's `terminates` subcommand and `svcomp`'s termination property
// are thin clients of this call.
#pragma once

#include <string>

#include "verdict/answer.h"
#include "verdict/options.h"

namespace verdict {

/// Answers "does every execution of options.entry (with arbitrary arguments and
/// nondeterministic values) terminate?" for the program in `file`. yes: a ranking
/// argument re-checked by cvc5, and no undefined behaviour is reachable; no: a replayed
/// execution without undefined behaviour that never ends (a repeating state or a closed
/// recurrent set); don't know otherwise. Throws InputError (bad file, unknown entry).
Answer terminates(const std::string& file, const Options& options);

}  // namespace verdict
