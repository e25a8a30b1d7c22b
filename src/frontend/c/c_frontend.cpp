// Job: the frontend's entry points: compile, simplify, find the entry function, run the
// translator, record the semantic assumptions and validate the resulting program.
#include "frontend/c/c_frontend.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/raw_ostream.h>

#include "frontend/c/clang_compile.h"
#include "frontend/c/llvm_passes.h"
#include "frontend/c/translator.h"
#include "ir/validator.h"
#include "support/invariant.h"
#include "verdict/errors.h"

namespace verdict::frontend::c {

namespace {

const llvm::Function& find_entry(const llvm::Module& module, const std::string& path, const std::string& entry) {
  const llvm::Function* f = module.getFunction(entry);
  if (f != nullptr && !f->isDeclaration()) return *f;
  std::string defined;
  for (const llvm::Function& g : module) {
    if (g.isDeclaration() || g.getName().startswith("__ubsan")) continue;
    defined += (defined.empty() ? "" : ", ") + g.getName().str();
  }
  throw InputError(SourceLocation{path, 0, 0}, "entry function '" + entry + "' is not defined in the file" +
                                                   (defined.empty() ? " (it defines no functions)"
                                                                    : " (defined functions: " + defined + ")"));
}

void add_assumptions(ir::Program& program, const CFrontendOptions& options, bool uses_memory) {
  const bool ilp32 = options.data_model == DataModel::ILP32;
  std::vector<std::string> base = {
      std::string("C11 semantics (gnu11 dialect), data model ") + (ilp32 ? "ILP32" : "LP64")};
  if (uses_memory)
    base.push_back("memory is modelled as a flat byte array; out-of-bounds accesses are not modelled (don't know)");
  program.assumptions.insert(program.assumptions.begin(), base.begin(), base.end());
}

}  // namespace

ir::Program translate_file(const std::string& path, const CFrontendOptions& options) {
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> module = compile_to_module(path, options, context);
  simplify_module(*module);
  const llvm::Function& entry = find_entry(*module, path, options.entry);
  ir::Program program;
  program.file = path;  // before the translator: debug names report locations in this file
  program.entry = options.entry;
  program.language = "C";
  Translator translator(*module, options, program);
  translator.run(entry);
  bool uses_memory = false;
  for (const ir::Variable& v : program.vars) uses_memory = uses_memory || v.sort.is_array();
  add_assumptions(program, options, uses_memory);
  const std::vector<std::string> errors = ir::validate(program);
  VERDICT_INVARIANT(errors.empty(), "the C frontend built an invalid program: " + (errors.empty() ? "" : errors.front()));
  return program;
}

std::string llvm_ir_text(const std::string& path, const CFrontendOptions& options) {
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> module = compile_to_module(path, options, context);
  simplify_module(*module);
  std::string text;
  llvm::raw_string_ostream out(text);
  module->print(out, nullptr);
  out.flush();
  return text;
}

}  // namespace verdict::frontend::c
