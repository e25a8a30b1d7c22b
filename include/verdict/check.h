// The safety question as a library call: can a property of a program fail?
// The CLI's `check` and `svcomp` subcommands are thin clients of this call.
#pragma once

#include <string>

#include "verdict/answer.h"
#include "verdict/options.h"

namespace verdict {

/// Answers "can any property in options.properties fail?" for the program in `file`,
/// starting at options.entry with arbitrary arguments.
/// yes = no property can fail; no = a counterexample was found; don't know otherwise.
/// Throws InputError (bad file, unknown entry) — everything else becomes an Answer.
Answer check(const std::string& file, const Options& options);

/// The verification IR that `check` analyses, as text (`verdict ir`). Throws InputError.
std::string program_text(const std::string& file, const Options& options);

/// The simplified LLVM IR the C frontend translates (`verdict ir --llvm`). Throws InputError.
std::string llvm_ir_text(const std::string& file, const Options& options);

}  // namespace verdict
