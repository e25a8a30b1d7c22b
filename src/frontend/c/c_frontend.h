// The C frontend: compiles a C file in-process with clang 14 to LLVM IR, simplifies it
// with LLVM passes (mem2reg/SROA, switch lowering), and translates it into one IR
// program for an entry function, inlining calls. The only module that includes clang or
// LLVM headers. Not responsible for choosing properties or analysing the program.
// On request it keeps calls instead (a modular program with one procedure per function).
#pragma once

#include <string>
#include <vector>

#include "ir/program.h"
#include "verdict/options.h"

namespace verdict::frontend::c {

struct CFrontendOptions {
  std::string entry = "main";
  DataModel data_model = DataModel::LP64;
  unsigned recursion_bound = 8;
  std::vector<std::string> extra_args;
  /// Keep calls of defined functions as Call statements of a modular program (one
  /// procedure per function, recursion without a bound) instead of inlining them.
  /// Procedures may then not access memory (such accesses become Unsupported checks).
  bool modular = false;
  /// LLVM instructions translated over all inlined instances; beyond, the rest of the
  /// program is a BoundReached check (don't know when reached).
  std::size_t max_instructions = 60000;
  /// When non-empty, compiled in place of the file's contents (a witness validator's
  /// instrumented copy, with the same lines); locations still name `path`.
  std::string source_text = {};
};

/// Translates `path` (.c or preprocessed .i) for `options.entry`.
/// Throws InputError for a missing/unreadable file, a file clang rejects (with its
/// first error as file:line:col) or an unknown entry. Constructs that are not modelled
/// precisely become Check statements of kind Unsupported at their location.
ir::Program translate_file(const std::string& path, const CFrontendOptions& options);

/// The LLVM IR text after simplification (for debugging: `verdict ir --llvm`).
std::string llvm_ir_text(const std::string& path, const CFrontendOptions& options);

}  // namespace verdict::frontend::c
