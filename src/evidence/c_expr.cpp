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

/// What C's usual arithmetic conversions make of `t` as CPrinter prints it: signed (true),
/// unsigned (false), or nullopt for a constant-only term (printed as its context wants).
std::optional<bool> c_signedness(const Term& t, const ir::Program& p) {
  switch (t.op()) {
    case Op::Var: return t.var() < p.vars.size() && p.vars[t.var()].is_signed;
    case Op::ZeroExt: case Op::Extract: return false;
    case Op::SignExt: return true;
    case Op::BvConst: return std::nullopt;
    default: break;
  }
  std::optional<bool> result;
  const std::size_t first = t.op() == Op::Ite ? 1 : 0;
  const std::size_t count = (t.op() == Op::Shl || t.op() == Op::LShr || t.op() == Op::AShr) ? 1 : t.args().size();
  for (std::size_t i = first; i < count; ++i) {
    const std::optional<bool> s = c_signedness(t.arg(i), p);
    if (s && (!result || !*s)) result = s;  // one unsigned operand makes the operation unsigned
  }
  return result;
}

bool is_c_width(unsigned w) { return w == 8 || w == 16 || w == 32 || w == 64; }

/// Whether every operand of `t` is a variable of the given signedness or a constant (so
/// that C's / % >> on the printed operands is the IR's operation).
bool operands_of_signedness(const Term& t, const ir::Program& p, bool is_signed) {
  for (std::size_t i = 0; i < t.args().size(); ++i) {
    const Term& a = t.arg(i);
    if (a.op() == Op::BvConst) continue;
    if (a.op() != Op::Var || c_signedness(a, p) != is_signed) return false;
  }
  return true;
}

/// Whether CPrinter's text of `t` means in C what `t` means in the IR: no IR notation, no
/// type that C lacks, no arithmetic that C's integer promotions would widen, division,
/// remainder and right shifts of the right signedness, and comparisons whose compound
/// operands C reads with the comparison's signedness.
bool c_exact(const Term& t, const ir::Program& p) {
  if (t.sort().is_bv() && !is_c_width(t.sort().width())) return false;
  bool own = true;
  switch (t.op()) {
    case Op::BoolConst: case Op::BvConst: return true;
    case Op::Var: return t.var() < p.vars.size() && (t.sort().is_bool() || t.sort().is_bv());
    case Op::Not: case Op::And: case Op::Or: case Op::Implies: case Op::Ite: case Op::Eq:
    case Op::BvAnd: case Op::BvOr: case Op::BvXor: case Op::Extract:
      break;
    case Op::Add: case Op::Sub: case Op::Mul: case Op::Neg: case Op::Shl: case Op::BvNot:
      own = t.sort().width() >= 32;
      break;
    case Op::UDiv: case Op::URem: case Op::LShr:
      own = t.sort().width() >= 32 && operands_of_signedness(t, p, false);
      break;
    case Op::SDiv: case Op::SRem: case Op::AShr:
      own = t.sort().width() >= 32 && operands_of_signedness(t, p, true);
      break;
    case Op::ZeroExt: case Op::SignExt:
      own = c_signedness(t.arg(0), p).value_or(t.op() == Op::SignExt) == (t.op() == Op::SignExt);
      break;
    case Op::Ult: case Op::Ule: case Op::Slt: case Op::Sle: {
      const bool is_signed = t.op() == Op::Slt || t.op() == Op::Sle;
      for (std::size_t i = 0; i < 2; ++i) {
        const Term& side = t.arg(i);
        if (side.op() != Op::Var && c_signedness(side, p).value_or(is_signed) != is_signed) own = false;
      }
      break;
    }
    default: return false;  // integers, arrays, concatenation: not C
  }
  if (!own) return false;
  for (std::size_t i = 0; i < t.args().size(); ++i)
    if (!c_exact(t.arg(i), p)) return false;
  return true;
}

}  // namespace

std::optional<std::string> print_exact_c_expr(const Term& t, const ir::Program& program) {
  if (!c_exact(t, program)) return std::nullopt;
  return print_c_expr(t, program);
}

std::string print_c_expr(const Term& t, const ir::Program& program) {
  CPrinter printer(program);
  return printer.print(t, -1, false);
}

}  // namespace verdict::evidence
