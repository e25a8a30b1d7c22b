#include "evidence/python_expr.h"

#include "evidence/c_expr.h"
#include "ir/printer.h"

namespace verdict::evidence {

namespace {

using ir::Op;
using ir::Term;

class PythonPrinter {
 public:
  explicit PythonPrinter(const ir::Program& p) : p_(p) {}

  std::string print(const Term& t, bool nested) {
    switch (t.op()) {
      case Op::BoolConst: return t.bool_value() ? "True" : "False";
      case Op::IntConst: return std::to_string(t.int_value());
      case Op::Var: return var_name(t.var());
      case Op::Not: return negation(t.arg(0), nested);
      case Op::And: case Op::Or: return junction(t, nested);
      case Op::Implies: return wrap("not " + print(t.arg(0), true) + " or " + print(t.arg(1), true), nested);
      case Op::Ite:
        return "(" + print(t.arg(1), true) + " if " + print(t.arg(0), true) + " else " + print(t.arg(2), true) + ")";
      case Op::Eq: return binary(t, "==", nested);
      case Op::Add: return binary(t, "+", nested);
      case Op::Sub: return binary(t, "-", nested);
      case Op::Mul: return binary(t, "*", nested);
      case Op::Neg: return "-" + print(t.arg(0), true);
      case Op::IntFloorDiv: return binary(t, "//", nested);
      case Op::IntFloorMod: return binary(t, "%", nested);
      case Op::Lt: return binary(t, "<", nested);
      case Op::Le: return binary(t, "<=", nested);
      default: return ir::print_term(t, &p_);
    }
  }

 private:
  static std::string wrap(const std::string& s, bool nested) { return nested ? "(" + s + ")" : s; }

  std::string var_name(ir::VarId v) const {
    if (v >= p_.vars.size()) return "v" + std::to_string(v);
    const ir::Variable& var = p_.vars[v];
    return var.source_name.empty() ? var.name : var.source_name;
  }

  std::string binary(const Term& t, const char* op, bool nested) {
    return wrap(print(t.arg(0), true) + " " + op + " " + print(t.arg(1), true), nested);
  }

  std::string negation(const Term& a, bool nested) {
    // not (a == b) is a != b; not (a < b) is a >= b; not (a <= b) is a > b.
    if (a.op() == Op::Eq) return wrap(print(a.arg(0), true) + " != " + print(a.arg(1), true), nested);
    if (a.op() == Op::Lt) return wrap(print(a.arg(0), true) + " >= " + print(a.arg(1), true), nested);
    if (a.op() == Op::Le) return wrap(print(a.arg(0), true) + " > " + print(a.arg(1), true), nested);
    return wrap("not " + print(a, true), nested);
  }

  std::string junction(const Term& t, bool nested) {  // flattened: a and b and c
    std::vector<Term> items, stack{t};
    while (!stack.empty()) {
      Term x = stack.back();
      stack.pop_back();
      if (x.op() == t.op()) {
        stack.push_back(x.arg(1));
        stack.push_back(x.arg(0));
      } else {
        items.push_back(x);
      }
    }
    std::string s;
    for (const Term& x : items) s += (s.empty() ? "" : (t.op() == Op::And ? " and " : " or ")) + print(x, true);
    return wrap(s, nested);
  }

  const ir::Program& p_;
};

}  // namespace

std::string print_python_expr(const ir::Term& t, const ir::Program& program) {
  PythonPrinter printer(program);
  return printer.print(t, false);
}

std::string print_source_expr(const ir::Term& t, const ir::Program& program) {
  return program.language == "Python" ? print_python_expr(t, program) : print_c_expr(t, program);
}

}  // namespace verdict::evidence
