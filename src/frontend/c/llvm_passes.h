// Simplifies a freshly compiled module without changing its semantics: SROA, mem2reg and
// switch lowering only. Not responsible for any optimisation that could move or remove
// clang's undefined-behaviour checks (no instcombine, GVN, ...).
#pragma once

namespace llvm {
class Module;
}

namespace verdict::frontend::c {

void simplify_module(llvm::Module& module);

}  // namespace verdict::frontend::c
