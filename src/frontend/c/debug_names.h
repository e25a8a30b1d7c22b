// Source-level names for LLVM values from debug info: which C variable an SSA value
// holds (llvm.dbg.value), its C type, source locations, and short C-like descriptions of
// values for property messages ("x + y"). Not responsible for creating IR variables.
#pragma once

#include <string>
#include <unordered_map>

#include "verdict/source_location.h"

namespace llvm {
class DILocalVariable;
class DILocation;
class DIType;
class Module;
class Value;
}  // namespace llvm

namespace verdict::frontend::c {

class DebugNames {
 public:
  explicit DebugNames(const llvm::Module& module);

  /// The source variable an SSA value (or alloca) holds, or null.
  [[nodiscard]] const llvm::DILocalVariable* variable_of(const llvm::Value* v) const;
  /// A short C-like text for a value: its variable name, a constant, or "a + b".
  [[nodiscard]] std::string describe(const llvm::Value* v, int depth = 2) const;

  /// "int", "unsigned int", "size_t", "char *", "struct s".
  static std::string c_type_name(const llvm::DIType* t);
  /// Whether the (typedef-stripped) type is a signed integer type.
  static bool is_signed(const llvm::DIType* t);
  static SourceLocation location(const llvm::DILocation* l);

 private:
  std::unordered_map<const llvm::Value*, const llvm::DILocalVariable*> vars_;
};

}  // namespace verdict::frontend::c
