// Finds shifts with undefined behaviour that clang's code generator would fold away: in a
// condition whose operands are all constants (`if ((256 << -129) != 9)`), clang evaluates the
// condition at compile time, and its constant evaluator treats a bad shift as a note rather
// than as undefined behaviour, so no UBSan check is emitted and the IR shows nothing.
// Not responsible for shifts that are compiled (those get clang's run-time check).
#pragma once

#include <memory>
#include <vector>

#include "verdict/source_location.h"

namespace clang {
class ASTConsumer;
}  // namespace clang

namespace verdict::frontend::c {

/// A shift with undefined behaviour inside a condition clang folds.
struct FoldedShift {
  SourceLocation loc;
  std::string why;  ///< e.g. "shift by the negative amount -129"
};

/// An AST consumer that appends to `found` every folded shift of the translation unit's
/// function bodies (run next to code generation, e.g. in a clang::MultiplexConsumer).
std::unique_ptr<clang::ASTConsumer> make_folded_shift_finder(std::vector<FoldedShift>& found);

}  // namespace verdict::frontend::c
