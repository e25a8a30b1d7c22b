// Source-level names for LLVM values from debug info: which C variable an SSA value
// holds (llvm.dbg.value), its C type, source locations, and short C-like descriptions of
// values for property messages ("x + y"). Not responsible for creating IR variables.
#pragma once

#include <string>
#include <unordered_map>

#include <llvm/ADT/StringRef.h>

#include "verdict/source_location.h"

namespace llvm {
class DILocalVariable;
class DILocation;
class DIType;
class ExtractValueInst;
class Module;
class Value;
}  // namespace llvm

namespace verdict::frontend::c {

class DebugNames {
 public:
  /// `main_path` is the file as the user named it; locations in it are reported that way.
  DebugNames(const llvm::Module& module, std::string main_path);

  /// The source variable an SSA value (or alloca) holds, or null.
  [[nodiscard]] const llvm::DILocalVariable* variable_of(const llvm::Value* v) const;
  /// A short C-like text for a value: its variable name, a constant, or "a + b".
  [[nodiscard]] std::string describe(const llvm::Value* v, int depth = 2) const;

  /// "int", "unsigned int", "size_t", "char *", "struct s".
  static std::string c_type_name(const llvm::DIType* t);
  /// Whether the (typedef-stripped) type is a signed integer type.
  static bool is_signed(const llvm::DIType* t);
  [[nodiscard]] SourceLocation location(const llvm::DILocation* l) const;
  /// The file name to report for a debug-info file name.
  [[nodiscard]] std::string file_name(llvm::StringRef file, llvm::StringRef directory) const;

 private:
  [[nodiscard]] std::string resolve_file_name(llvm::StringRef file, llvm::StringRef directory) const;
  /// "a[i]", "x", "*p" for the object a pointer designates.
  [[nodiscard]] std::string describe_object(const llvm::Value* p, int depth) const;
  /// "(a + b)" for the result of an llvm.*.with.overflow intrinsic.
  [[nodiscard]] std::string describe_overflow_result(const llvm::ExtractValueInst* ev, int depth) const;

  std::unordered_map<const llvm::Value*, const llvm::DILocalVariable*> vars_;
  std::string main_canonical_;
  mutable std::unordered_map<std::string, std::string> file_names_;  ///< memo of file_name()
  std::string main_path_;
};

}  // namespace verdict::frontend::c
