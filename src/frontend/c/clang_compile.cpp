// Job: run clang 14 in-process (cc1 invocation, EmitLLVMOnlyAction) on one C file and
// return the LLVM module; capture diagnostics and turn the first error into InputError.
#include "frontend/c/clang_compile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iterator>
#include <vector>

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Basic/SourceManager.h>
#include <clang/CodeGen/CodeGenAction.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/MultiplexConsumer.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/MemoryBuffer.h>

#include "frontend/c/folded_shifts.h"
#include "verdict/errors.h"

namespace verdict::frontend::c {

namespace {

/// Remembers the first error (formatted as file:line:col) and swallows everything else.
class FirstErrorConsumer : public clang::DiagnosticConsumer {
 public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error || has_error_) return;
    has_error_ = true;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    message_ = std::string(text.str());
    if (info.getLocation().isValid() && info.hasSourceManager()) {
      const clang::PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid()) loc_ = SourceLocation{p.getFilename(), p.getLine(), p.getColumn()};
    }
  }
  [[nodiscard]] bool has_error() const { return has_error_; }
  [[noreturn]] void raise(const std::string& path) const {
    if (message_.empty()) throw InputError(SourceLocation{path, 0, 0}, "clang rejected the file");
    throw InputError(loc_.known() ? loc_ : SourceLocation{path, 0, 0}, message_);
  }

 private:
  bool has_error_ = false;
  std::string message_;
  SourceLocation loc_;
};

/// Code generation, with the search for folded shifts (folded_shifts.h) next to it.
class EmitWithFoldedShifts : public clang::EmitLLVMOnlyAction {
 public:
  using EmitLLVMOnlyAction::EmitLLVMOnlyAction;
  std::vector<FoldedShift> folded_shifts;

 protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& ci, llvm::StringRef file) override {
    std::vector<std::unique_ptr<clang::ASTConsumer>> consumers;
    consumers.push_back(make_folded_shift_finder(folded_shifts));
    consumers.push_back(EmitLLVMOnlyAction::CreateASTConsumer(ci, file));
    return std::make_unique<clang::MultiplexConsumer>(std::move(consumers));
  }
};

bool is_preprocessed(const std::string& path) {
  return path.size() >= 2 && path.compare(path.size() - 2, 2, ".i") == 0;
}

std::vector<std::string> cc1_args(const std::string& path, const CFrontendOptions& options) {
  const std::string resource = VERDICT_CLANG_RESOURCE_DIR;
  const bool ilp32 = options.data_model == DataModel::ILP32;
  std::vector<std::string> args = {
      "-triple", ilp32 ? "i386-unknown-linux-gnu" : "x86_64-unknown-linux-gnu",
      "-emit-llvm-only", "-O0", "-disable-O0-optnone", "-debug-info-kind=limited",
      "-dwarf-version=4", "-std=gnu11", "-femit-all-decls", "-ferror-limit", "1", "-w", "-fgnuc-version=4.2.1",
      "-fsanitize=signed-integer-overflow,integer-divide-by-zero,shift-base,shift-exponent,"
      "array-bounds",
      "-resource-dir", resource, "-internal-isystem", resource + "/include",
      "-internal-isystem", "/usr/local/include",
      "-internal-externc-isystem", "/usr/include/x86_64-linux-gnu",
      "-internal-externc-isystem", "/usr/include"};
  for (const std::string& a : options.extra_args) args.push_back(a);
  args.push_back("-x");
  args.push_back(is_preprocessed(path) ? "cpp-output" : "c");
  args.push_back(path);
  return args;
}

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError("cannot open '" + path + "': Is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot open '" + path + "': " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError("cannot read '" + path + "'");
  return text.str();
}

bool is_line_marker(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t i = begin;
  while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i == end || text[i] != '#') return false;
  ++i;
  while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (text.compare(i, 4, "line") == 0) return true;
  return i < end && text[i] >= '0' && text[i] <= '9';
}

/// Blanks out `# 12 "file.c"` markers of a preprocessed file so that locations are
/// reported as lines of the file itself (what witnesses and users refer to).
std::string without_line_markers(std::string text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (is_line_marker(text, begin, end))
      for (std::size_t i = begin; i < end; ++i) text[i] = ' ';
    begin = end + 1;
  }
  return text;
}

}  // namespace

std::unique_ptr<llvm::Module> compile_to_module(const std::string& path, const CFrontendOptions& options,
                                                llvm::LLVMContext& context) {
  const std::string text = options.source_text.empty() ? read_file(path) : options.source_text;
  const std::vector<std::string> args = cc1_args(path, options);
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());

  auto consumer = std::make_unique<FirstErrorConsumer>();
  FirstErrorConsumer* errors = consumer.get();
  clang::CompilerInstance ci;
  ci.createDiagnostics(consumer.release(), /*ShouldOwnClient=*/true);
  auto invocation = std::make_shared<clang::CompilerInvocation>();
  if (!clang::CompilerInvocation::CreateFromArgs(*invocation, argv, ci.getDiagnostics()))
    errors->raise(path);
  // 32-bit glibc stubs are often not installed; they only list unavailable functions.
  if (options.data_model == DataModel::ILP32) {
    invocation->getPreprocessorOpts().addRemappedFile(
        "/usr/include/x86_64-linux-gnu/gnu/stubs-32.h",
        llvm::MemoryBuffer::getMemBufferCopy("", "stubs-32.h").release());
  }
  if (is_preprocessed(path) || !options.source_text.empty()) {
    invocation->getPreprocessorOpts().addRemappedFile(
        path, llvm::MemoryBuffer::getMemBufferCopy(is_preprocessed(path) ? without_line_markers(text) : text, path)
                  .release());
  }
  invocation->getFrontendOpts().DisableFree = false;
  invocation->getDiagnosticOpts().ShowCarets = false;  // no "N warnings generated" on stderr
  ci.setInvocation(std::move(invocation));

  EmitWithFoldedShifts action(&context);
  const bool ok = ci.ExecuteAction(action);
  if (!ok || errors->has_error()) errors->raise(path);
  std::unique_ptr<llvm::Module> module = action.takeModule();
  if (!module) errors->raise(path);
  // The IR has no check for such a shift, and where the condition is reached is unknown
  // here: the whole question is don't know (sound, and rare outside generated programs).
  if (!action.folded_shifts.empty()) {
    const FoldedShift& f = action.folded_shifts.front();
    throw Unsupported(f.loc, "shift with undefined behaviour (" + f.why +
                                 ") in a condition that clang evaluates at compile time, without a check");
  }
  return module;
}

}  // namespace verdict::frontend::c
