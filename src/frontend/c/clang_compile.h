// Compiles one C file in-process with clang 14 into an LLVM module, with debug info and
// clang's undefined-behaviour checks (signed overflow, division, shifts, array bounds)
// as calls to __ubsan_handle_*_abort. Not responsible for simplifying or translating it.
#pragma once

#include <memory>
#include <string>

#include "frontend/c/c_frontend.h"

namespace llvm {
class LLVMContext;
class Module;
}  // namespace llvm

namespace verdict::frontend::c {

/// Throws InputError for an unreadable file or a file clang rejects (first error as
/// file:line:col: message). Diagnostics are never printed.
std::unique_ptr<llvm::Module> compile_to_module(const std::string& path, const CFrontendOptions& options,
                                                llvm::LLVMContext& context);

}  // namespace verdict::frontend::c
