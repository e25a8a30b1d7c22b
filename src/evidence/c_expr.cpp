#include "evidence/c_expr.h"

#include "ir/printer.h"

namespace verdict::evidence {

using ir::Op;
using ir::Term;

namespace {

std::string c_type(unsigned width, bool is_signed) {
  std::string base;
  switch (width) {
    case 8: base = "char"; break;
    case 16: base = "short"; break;
    case 32: base = "int"; break;
    case 64: base = "long long"; break;
    default: return is_signed ? "__int" + std::to_string(width) : "__uint" + std::to_string(width);
  }
  if (!is_signed) return "unsigned " + base;
  return width == 8 ? "signed char" : base;
}

class CPrinter {
 public:
  explicit CPrinter(const ir::Program& p) : p_(p) {}

  /// `want_signed`: the context reads bit-vectors as signed (1), unsigned (0) or either (-1).
  std::string print(const Term& t, int want_signed, bool nested);

 private:
  bool signed_var(const Term& t) const {
    return t.op() == Op::Var && t.var() < p_.vars.size() && p_.vars[t.var()].is_signed;
  }
  std::string var_name(ir::VarId v) const {
    if (v >= p_.vars.size()) return "v" + std::to_string(v);
    const ir::Variable& var = p_.vars[v];
    return var.source_name.empty() ? var.name : var.source_name;
  }
  std::string constant(const Term& t, int want_signed) const;
  std::string binary(const Term& t, const char* op, int want_signed, bool nested);
  std::string comparison(const Term& t, const char* op, bool is_signed, bool nested);

  const ir::Program& p_;
};

std::string CPrinter::constant(const Term& t, int want_signed) const {
  const unsigned w = t.sort().width();
  if (want_signed == 1 || (want_signed == -1 && ir::to_signed(t.bits(), w) >= 0)) {
    const std::int64_t v = ir::to_signed(t.bits(), w);
    if (w == 64 && v == INT64_MIN) return "(-9223372036854775807LL - 1)";
    if (w == 32 && v == INT32_MIN) return "(-2147483647 - 1)";
    return std::to_string(v) + (w == 64 ? "LL" : "");
  }
  return std::to_string(t.bits()) + (w == 64 ? "ULL" : "u");
}

std::string CPrinter::binary(const Term& t, const char* op, int want_signed, bool nested) {
  std::string s = print(t.arg(0), want_signed, true) + " " + op + " " + print(t.arg(1), want_signed, true);
  return nested ? "(" + s + ")" : s;
}

std::string CPrinter::comparison(const Term& t, const char* op, bool is_signed, bool nested) {
  auto side = [&](const Term& a) {
    std::string s = print(a, is_signed ? 1 : 0, true);
    // Only variables of the other signedness need a cast; extensions print their own.
    const bool mismatch = a.op() == Op::Var && signed_var(a) != is_signed && a.sort().width() <= 64;
    if (mismatch && a.sort().is_bv()) s = "(" + c_type(a.sort().width(), is_signed) + ")" + s;
    return s;
  };
  std::string s = side(t.arg(0)) + " " + op + " " + side(t.arg(1));
  return nested ? "(" + s + ")" : s;
}

std::string CPrinter::print(const Term& t, int want_signed, bool nested) {
  switch (t.op()) {
    case Op::BoolConst: return t.bool_value() ? "1" : "0";
    case Op::BvConst: return constant(t, want_signed);
    case Op::IntConst: return std::to_string(t.int_value());
    case Op::Var: return var_name(t.var());
    case Op::Not:
      if (t.arg(0).op() == Op::Eq) {
        const bool sgn = signed_var(t.arg(0).arg(0)) || signed_var(t.arg(0).arg(1));
        return comparison(t.arg(0), "!=", sgn, nested);
      }
      if (t.arg(0).op() == Op::Slt || t.arg(0).op() == Op::Sle || t.arg(0).op() == Op::Ult ||
          t.arg(0).op() == Op::Ule) {  // !(a < b) is b <= a
        const Term& c = t.arg(0);
        const Op flipped = c.op() == Op::Slt ? Op::Sle : c.op() == Op::Sle ? Op::Slt : c.op() == Op::Ult ? Op::Ule : Op::Ult;
        return print(ir::mk_binary(flipped, c.arg(1), c.arg(0)), want_signed, nested);
      }
      return "!" + print(t.arg(0), want_signed, true);
    case Op::And: case Op::Or: {  // flattened: a && b && c
      const std::vector<Term> items = ir::chain_operands(t);
      std::string s;
      for (const Term& x : items)
        s += (s.empty() ? "" : (t.op() == Op::And ? " && " : " || ")) + print(x, want_signed, true);
      return nested ? "(" + s + ")" : s;
    }
    case Op::Implies: {
      std::string s = "!" + print(t.arg(0), want_signed, true) + " || " + print(t.arg(1), want_signed, true);
      return nested ? "(" + s + ")" : s;
    }
    case Op::Ite: {
      std::string s = print(t.arg(0), -1, true) + " ? " + print(t.arg(1), want_signed, true) + " : " +
                      print(t.arg(2), want_signed, true);
      return "(" + s + ")";
    }
    case Op::Eq: {
      const bool sgn = signed_var(t.arg(0)) || signed_var(t.arg(1));
      std::string s = print(t.arg(0), sgn ? 1 : 0, true) + " == " + print(t.arg(1), sgn ? 1 : 0, true);
      return nested ? "(" + s + ")" : s;
    }
    case Op::Add: return binary(t, "+", want_signed, nested);
    case Op::Sub: return binary(t, "-", want_signed, nested);
    case Op::Mul: return binary(t, "*", want_signed, nested);
    case Op::Neg: return "-" + print(t.arg(0), want_signed, true);
    case Op::UDiv: case Op::SDiv: case Op::IntFloorDiv: return binary(t, "/", t.op() == Op::SDiv, nested);
    case Op::URem: case Op::SRem: case Op::IntFloorMod: return binary(t, "%", t.op() == Op::SRem, nested);
    case Op::Shl: return binary(t, "<<", want_signed, nested);
    case Op::LShr: case Op::AShr: return binary(t, ">>", t.op() == Op::AShr, nested);
    case Op::BvAnd: return binary(t, "&", want_signed, nested);
    case Op::BvOr: return binary(t, "|", want_signed, nested);
    case Op::BvXor: return binary(t, "^", want_signed, nested);
    case Op::BvNot: return "~" + print(t.arg(0), want_signed, true);
    case Op::Ult: return comparison(t, "<", false, nested);
    case Op::Ule: return comparison(t, "<=", false, nested);
    case Op::Slt: return comparison(t, "<", true, nested);
    case Op::Sle: return comparison(t, "<=", true, nested);
    case Op::Lt: return binary(t, "<", -1, nested);
    case Op::Le: return binary(t, "<=", -1, nested);
    case Op::Extract:
      if (t.lo() > 0) {  // bits hi..lo: shift them down first
        return "(" + c_type(t.sort().width(), false) + ")(" + print(t.arg(0), false, true) + " >> " +
               std::to_string(t.lo()) + ")";
      }
      [[fallthrough]];
    case Op::ZeroExt: case Op::SignExt:
      return "(" + c_type(t.sort().width(), t.op() == Op::SignExt) + ")" + print(t.arg(0), t.op() == Op::SignExt, true);
    default: return ir::print_term(t, &p_);
  }
}

}  // namespace

std::string print_c_expr(const Term& t, const ir::Program& program) {
  CPrinter printer(program);
  return printer.print(t, -1, false);
}

}  // namespace verdict::evidence
