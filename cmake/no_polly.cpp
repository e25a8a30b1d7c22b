// Linked only when clang and LLVM come from their static archives (VERDICT_STATIC_LLVM).
// Debian builds LLVM 14 with Polly as a statically registered pass-pipeline extension
// (llvm/Support/Extension.def), so clang's code generator calls getPollyPluginInfo() when
// it sets up its pass pipeline, but Debian ships no static Polly archive. verdict never asks
// for Polly's loop optimisations: this hook registers no passes.
#include <llvm/Config/llvm-config.h>
#include <llvm/Passes/PassPlugin.h>

llvm::PassPluginLibraryInfo getPollyPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "Polly (not linked into verdict)", LLVM_VERSION_STRING,
          [](llvm::PassBuilder&) {}};
}
