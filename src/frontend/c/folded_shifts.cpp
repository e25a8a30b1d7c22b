#include "frontend/c/folded_shifts.h"

#include <string>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Stmt.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/StringExtras.h>

namespace verdict::frontend::c {

namespace {

/// Why `lhs op rhs` (operands after promotion, of the promoted type `type`) is undefined in
/// C11 (6.5.7), or "" when it is defined.
std::string shift_ub(const clang::ASTContext& ctx, const clang::BinaryOperator& shift, const llvm::APSInt& lhs,
                     const llvm::APSInt& rhs) {
  const clang::QualType type = shift.getLHS()->getType();
  const unsigned width = ctx.getIntWidth(type);
  if (rhs.isSigned() && rhs.isNegative()) return "shift by the negative amount " + llvm::toString(rhs, 10);
  if (rhs.getActiveBits() > 32 || rhs.getZExtValue() >= width)
    return "shift by " + llvm::toString(rhs, 10) + ", at least the width " + std::to_string(width);
  if (shift.getOpcode() != clang::BO_Shl || !type->isSignedIntegerType()) return "";
  if (lhs.isNegative()) return "left shift of the negative value " + llvm::toString(lhs, 10);
  if (lhs != 0 && lhs.getActiveBits() + rhs.getZExtValue() > width - 1)
    return "left shift of " + llvm::toString(lhs, 10) + " by " + llvm::toString(rhs, 10) + " overflows";
  return "";
}

class Finder {
 public:
  Finder(clang::ASTContext& ctx, std::vector<FoldedShift>& found) : ctx_(ctx), found_(found) {}

  /// Every statement of a body (a plain walk: clang's RecursiveASTVisitor trips GCC 12's
  /// -Wnonnull inside clang's headers).
  void walk(const clang::Stmt* s) {
    if (s == nullptr) return;
    visit(*s);
    for (const clang::Stmt* child : s->children()) walk(child);
  }

 private:
  // The conditions clang's code generator may fold (CodeGenFunction::ConstantFoldsToSimpleInteger:
  // if, switch, ?:, && and || in values and in branches; loop conditions for good measure).
  void visit(const clang::Stmt& s) {
    if (const auto* i = llvm::dyn_cast<clang::IfStmt>(&s)) check(i->getCond());
    else if (const auto* w = llvm::dyn_cast<clang::WhileStmt>(&s)) check(w->getCond());
    else if (const auto* d = llvm::dyn_cast<clang::DoStmt>(&s)) check(d->getCond());
    else if (const auto* f = llvm::dyn_cast<clang::ForStmt>(&s)) check(f->getCond());
    else if (const auto* sw = llvm::dyn_cast<clang::SwitchStmt>(&s)) check(sw->getCond());
    else if (const auto* c = llvm::dyn_cast<clang::AbstractConditionalOperator>(&s)) check(c->getCond());
    else if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(&s); b != nullptr && b->isLogicalOp())
      check(b->getLHS()), check(b->getRHS());
  }

  void check(const clang::Expr* cond) {
    if (cond == nullptr || cond->isValueDependent()) return;
    clang::Expr::EvalResult folded;
    if (cond->EvaluateAsInt(folded, ctx_)) find_shifts(cond);  // else compiled, with its checks
  }

  void find_shifts(const clang::Stmt* s) {
    if (s == nullptr) return;
    if (const auto* b = llvm::dyn_cast<clang::BinaryOperator>(s); b != nullptr && b->isShiftOp()) {
      clang::Expr::EvalResult lhs, rhs;
      if (b->getLHS()->EvaluateAsInt(lhs, ctx_) && b->getRHS()->EvaluateAsInt(rhs, ctx_)) {
        const std::string why = shift_ub(ctx_, *b, lhs.Val.getInt(), rhs.Val.getInt());
        if (!why.empty()) record(*b, why);
      }
    }
    for (const clang::Stmt* child : s->children()) find_shifts(child);
  }

  void record(const clang::BinaryOperator& b, const std::string& why) {
    const clang::PresumedLoc p = ctx_.getSourceManager().getPresumedLoc(b.getOperatorLoc());
    SourceLocation loc;
    if (p.isValid()) loc = SourceLocation{p.getFilename(), p.getLine(), p.getColumn()};
    found_.push_back(FoldedShift{loc, why});
  }

  clang::ASTContext& ctx_;
  std::vector<FoldedShift>& found_;
};

class FinderConsumer : public clang::ASTConsumer {
 public:
  explicit FinderConsumer(std::vector<FoldedShift>& found) : found_(found) {}
  void HandleTranslationUnit(clang::ASTContext& ctx) override {
    Finder finder(ctx, found_);
    for (const clang::Decl* d : ctx.getTranslationUnitDecl()->decls())
      if (const auto* f = llvm::dyn_cast<clang::FunctionDecl>(d); f != nullptr && f->hasBody())
        finder.walk(f->getBody());
  }

 private:
  std::vector<FoldedShift>& found_;
};

}  // namespace

std::unique_ptr<clang::ASTConsumer> make_folded_shift_finder(std::vector<FoldedShift>& found) {
  return std::make_unique<FinderConsumer>(found);
}

}  // namespace verdict::frontend::c
