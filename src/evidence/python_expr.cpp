#include "evidence/python_expr.h"

#include "evidence/c_expr.h"
#include "ir/printer.h"

namespace verdict::evidence {

namespace {

using ir::Op;
using ir::Term;

/// Python's operator precedence (higher binds tighter); an operand whose operator binds
/// less tightly than its context requires is parenthesised.
enum Prec { kTop = 0, kOr = 1, kAnd = 2, kNot = 3, kCompare = 4, kSum = 5, kProduct = 6, kUnary = 7, kAtom = 9 };

class PythonPrinter {
 public:
  explicit PythonPrinter(const ir::Program& p) : p_(p) {}

  /// `t` in a context that needs at least precedence `need`.
  std::string print(const Term& t, int need) {
    switch (t.op()) {
      case Op::BoolConst: return t.bool_value() ? "True" : "False";
      case Op::IntConst: return t.int_value() < 0 ? wrap(std::to_string(t.int_value()), kUnary, need)
                                                  : std::to_string(t.int_value());
      case Op::Var: return var_name(t.var());
      case Op::Not: return negation(t.arg(0), need);
      case Op::And: case Op::Or: return junction(t, need);
      case Op::Implies: return wrap("not " + print(t.arg(0), kCompare) + " or " + print(t.arg(1), kAnd), kOr, need);
      case Op::Ite:
        return wrap(print(t.arg(1), kOr) + " if " + print(t.arg(0), kOr) + " else " + print(t.arg(2), kOr), kTop + 1,
                    need + 1);
      case Op::Eq: return binary(t, "==", kCompare, need);
      case Op::Lt: return binary(t, "<", kCompare, need);
      case Op::Le: return binary(t, "<=", kCompare, need);
      case Op::Add: return binary(t, "+", kSum, need);
      case Op::Sub: return binary(t, "-", kSum, need);
      case Op::Mul: return binary(t, "*", kProduct, need);
      case Op::IntFloorDiv: return binary(t, "//", kProduct, need);
      case Op::IntFloorMod: return binary(t, "%", kProduct, need);
      case Op::Neg: return wrap("-" + print(t.arg(0), kUnary), kUnary, need);
      default: return "(" + ir::print_term(t, &p_) + ")";
    }
  }

 private:
  static std::string wrap(const std::string& s, int own, int need) { return own < need ? "(" + s + ")" : s; }

  std::string var_name(ir::VarId v) const {
    if (v >= p_.vars.size()) return "v" + std::to_string(v);
    const ir::Variable& var = p_.vars[v];
    return var.source_name.empty() ? var.name : var.source_name;
  }

  /// Operands bind tighter than the operator (left-associative operators included), so a
  /// - (b - c) and chains of comparisons keep their meaning.
  std::string binary(const Term& t, const char* op, int own, int need) {
    return wrap(print(t.arg(0), own + 1) + " " + op + " " + print(t.arg(1), own + 1), own, need);
  }

  std::string negation(const Term& a, int need) {
    // not (a == b) is a != b; not (a < b) is a >= b; not (a <= b) is a > b.
    const auto cmp = [&](const char* op) {
      return wrap(print(a.arg(0), kSum) + " " + op + " " + print(a.arg(1), kSum), kCompare, need);
    };
    if (a.op() == Op::Eq) return cmp("!=");
    if (a.op() == Op::Lt) return cmp(">=");
    if (a.op() == Op::Le) return cmp(">");
    return wrap("not " + print(a, kNot), kNot, need);
  }

  std::string junction(const Term& t, int need) {  // flattened: a and b and c
    const std::vector<Term> items = ir::chain_operands(t);
    const int own = t.op() == Op::And ? kAnd : kOr;
    std::string s;
    for (const Term& x : items) s += (s.empty() ? "" : (own == kAnd ? " and " : " or ")) + print(x, own + 1);
    return wrap(s, own, need);
  }

  const ir::Program& p_;
};

}  // namespace

std::string print_python_expr(const ir::Term& t, const ir::Program& program) {
  PythonPrinter printer(program);
  return printer.print(t, kTop);
}

std::string print_source_expr(const ir::Term& t, const ir::Program& program) {
  return program.language == "Python" ? print_python_expr(t, program) : print_c_expr(t, program);
}

}  // namespace verdict::evidence
