#include "ir/term.h"

#include "ir/semantics.h"
#include "support/invariant.h"

namespace verdict::ir {

using detail::Node;

Term Term::make(Node node) {
  Term t;
  t.node_ = std::make_shared<const Node>(std::move(node));
  return t;
}

std::uint64_t mask(unsigned width) {
  return width >= 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << width) - 1);
}

std::int64_t to_signed(std::uint64_t v, unsigned width) {
  v &= mask(width);
  if (width < 64 && (v >> (width - 1)) & 1) v |= ~mask(width);
  return static_cast<std::int64_t>(v);
}

const char* op_name(Op op) {
  switch (op) {
    case Op::BoolConst: return "bool";
    case Op::BvConst: return "bv";
    case Op::IntConst: return "int";
    case Op::Var: return "var";
    case Op::Not: return "not";
    case Op::And: return "and";
    case Op::Or: return "or";
    case Op::Implies: return "=>";
    case Op::Ite: return "ite";
    case Op::Eq: return "==";
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Neg: return "neg";
    case Op::UDiv: return "/u";
    case Op::URem: return "%u";
    case Op::SDiv: return "/s";
    case Op::SRem: return "%s";
    case Op::Shl: return "<<";
    case Op::LShr: return ">>u";
    case Op::AShr: return ">>s";
    case Op::BvAnd: return "&";
    case Op::BvOr: return "|";
    case Op::BvXor: return "^";
    case Op::BvNot: return "~";
    case Op::Ult: return "<u";
    case Op::Ule: return "<=u";
    case Op::Slt: return "<s";
    case Op::Sle: return "<=s";
    case Op::Extract: return "extract";
    case Op::ZeroExt: return "zext";
    case Op::SignExt: return "sext";
    case Op::Concat: return "concat";
    case Op::IntFloorDiv: return "//";
    case Op::IntFloorMod: return "%";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Select: return "select";
    case Op::Store: return "store";
    case Op::ConstArray: return "const-array";
  }
  return "?";
}

namespace {

Term node(Op op, const Sort& sort, std::vector<Term> args, unsigned p0 = 0, unsigned p1 = 0) {
  Node n{op, sort, std::move(args), 0, 0, 0, p0, p1};
  return Term::make(std::move(n));
}

void require_bool(const Term& t, const char* what) {
  VERDICT_INVARIANT(t.valid() && t.sort().is_bool(), std::string(what) + ": operand must be bool");
}

bool is_comparison(Op op) {
  return op == Op::Ult || op == Op::Ule || op == Op::Slt || op == Op::Sle || op == Op::Lt ||
         op == Op::Le;
}

bool is_bv_only(Op op) {
  switch (op) {
    case Op::UDiv: case Op::URem: case Op::SDiv: case Op::SRem: case Op::Shl: case Op::LShr:
    case Op::AShr: case Op::BvAnd: case Op::BvOr: case Op::BvXor: case Op::Ult: case Op::Ule:
    case Op::Slt: case Op::Sle:
      return true;
    default:
      return false;
  }
}

}  // namespace

Term mk_true() { return mk_bool(true); }
Term mk_false() { return mk_bool(false); }

Term mk_bool(bool b) {
  Node n{Op::BoolConst, Sort::boolean(), {}, b ? 1u : 0u, 0, 0, 0, 0};
  return Term::make(std::move(n));
}

Term mk_bv(unsigned width, std::uint64_t value) {
  VERDICT_INVARIANT(width >= 1 && width <= 64, "bit-vector constants have 1..64 bits");
  Node n{Op::BvConst, Sort::bitvec(width), {}, value & mask(width), 0, 0, 0, 0};
  return Term::make(std::move(n));
}

Term mk_int(std::int64_t value) {
  Node n{Op::IntConst, Sort::integer(), {}, 0, value, 0, 0, 0};
  return Term::make(std::move(n));
}

Term mk_var(VarId id, const Sort& sort) {
  Node n{Op::Var, sort, {}, 0, 0, id, 0, 0};
  return Term::make(std::move(n));
}

Term mk_not(const Term& a) {
  require_bool(a, "not");
  if (a.op() == Op::BoolConst) return mk_bool(!a.bool_value());
  if (a.op() == Op::Not) return a.arg(0);
  return node(Op::Not, Sort::boolean(), {a});
}

Term mk_and(const Term& a, const Term& b) {
  require_bool(a, "and");
  require_bool(b, "and");
  if (a.is_false() || b.is_true()) return a;
  if (b.is_false() || a.is_true()) return b;
  if (a.same(b)) return a;
  return node(Op::And, Sort::boolean(), {a, b});
}

Term mk_and(const std::vector<Term>& args) {
  Term r = mk_true();
  for (const Term& t : args) r = mk_and(r, t);
  return r;
}

Term mk_or(const Term& a, const Term& b) {
  require_bool(a, "or");
  require_bool(b, "or");
  if (a.is_true() || b.is_false()) return a;
  if (b.is_true() || a.is_false()) return b;
  if (a.same(b)) return a;
  return node(Op::Or, Sort::boolean(), {a, b});
}

Term mk_or(const std::vector<Term>& args) {
  Term r = mk_false();
  for (const Term& t : args) r = mk_or(r, t);
  return r;
}

Term mk_implies(const Term& a, const Term& b) { return mk_or(mk_not(a), b); }

Term mk_ite(const Term& c, const Term& t, const Term& e) {
  require_bool(c, "ite");
  VERDICT_INVARIANT(t.sort() == e.sort(), "ite: branches must have one sort");
  if (c.is_true()) return t;
  if (c.is_false()) return e;
  if (t.same(e)) return t;
  if (t.sort().is_bool() && t.is_true() && e.is_false()) return c;
  return node(Op::Ite, t.sort(), {c, t, e});
}

Term mk_eq(const Term& a, const Term& b) {
  VERDICT_INVARIANT(a.sort() == b.sort(), "==: operands must have one sort");
  if (a.same(b)) return mk_true();
  if (a.op() == Op::BvConst && b.op() == Op::BvConst) return mk_bool(a.bits() == b.bits());
  if (a.op() == Op::IntConst && b.op() == Op::IntConst) return mk_bool(a.int_value() == b.int_value());
  if (a.op() == Op::BoolConst && b.op() == Op::BoolConst) return mk_bool(a.bits() == b.bits());
  return node(Op::Eq, Sort::boolean(), {a, b});
}

Term mk_binary(Op op, const Term& a, const Term& b) {
  VERDICT_INVARIANT(a.sort() == b.sort(), std::string(op_name(op)) + ": operands must have one sort, got " +
                                              a.sort().str() + " and " + b.sort().str());
  const Sort& s = a.sort();
  if (is_bv_only(op)) {
    VERDICT_INVARIANT(s.is_bv(), std::string(op_name(op)) + " needs bit-vectors");
  } else if (op == Op::IntFloorDiv || op == Op::IntFloorMod || op == Op::Lt || op == Op::Le) {
    VERDICT_INVARIANT(s.is_int(), std::string(op_name(op)) + " needs integers");
  } else {
    VERDICT_INVARIANT(op == Op::Add || op == Op::Sub || op == Op::Mul, "not a binary operator");
    VERDICT_INVARIANT(s.is_bv() || s.is_int(), "arithmetic needs bit-vectors or integers");
  }
  const Sort result = is_comparison(op) ? Sort::boolean() : s;
  if (a.op() == Op::BvConst && b.op() == Op::BvConst) {
    if (auto v = eval_bv_binary(op, a.bits(), b.bits(), s.width()))
      return is_comparison(op) ? mk_bool(*v != 0) : mk_bv(s.width(), *v);
  }
  return node(op, result, {a, b});
}

Term mk_unary(Op op, const Term& a) {
  VERDICT_INVARIANT(op == Op::Neg || op == Op::BvNot, "not a unary operator");
  if (op == Op::BvNot) VERDICT_INVARIANT(a.sort().is_bv(), "~ needs a bit-vector");
  if (a.op() == Op::BvConst) {
    const std::uint64_t v = op == Op::Neg ? (0 - a.bits()) : ~a.bits();
    return mk_bv(a.sort().width(), v);
  }
  return node(op, a.sort(), {a});
}

Term mk_extract(unsigned hi, unsigned lo, const Term& a) {
  VERDICT_INVARIANT(a.sort().is_bv() && hi >= lo && hi < a.sort().width(), "bad extract");
  if (lo == 0 && hi + 1 == a.sort().width()) return a;
  if (a.op() == Op::BvConst) return mk_bv(hi - lo + 1, a.bits() >> lo);
  return node(Op::Extract, Sort::bitvec(hi - lo + 1), {a}, hi, lo);
}

Term mk_zext(unsigned amount, const Term& a) {
  VERDICT_INVARIANT(a.sort().is_bv(), "zext needs a bit-vector");
  if (amount == 0) return a;
  const unsigned w = a.sort().width() + amount;
  if (a.op() == Op::BvConst && w <= 64) return mk_bv(w, a.bits());
  return node(Op::ZeroExt, Sort::bitvec(w), {a}, amount);
}

Term mk_sext(unsigned amount, const Term& a) {
  VERDICT_INVARIANT(a.sort().is_bv(), "sext needs a bit-vector");
  if (amount == 0) return a;
  const unsigned w = a.sort().width() + amount;
  if (a.op() == Op::BvConst && w <= 64)
    return mk_bv(w, static_cast<std::uint64_t>(to_signed(a.bits(), a.sort().width())));
  return node(Op::SignExt, Sort::bitvec(w), {a}, amount);
}

Term mk_concat(const Term& high, const Term& low) {
  VERDICT_INVARIANT(high.sort().is_bv() && low.sort().is_bv(), "concat needs bit-vectors");
  const unsigned w = high.sort().width() + low.sort().width();
  if (high.op() == Op::BvConst && low.op() == Op::BvConst && w <= 64)
    return mk_bv(w, (high.bits() << low.sort().width()) | low.bits());
  return node(Op::Concat, Sort::bitvec(w), {high, low});
}

Term mk_select(const Term& array, const Term& index) {
  VERDICT_INVARIANT(array.sort().is_array() && array.sort().index() == index.sort(), "bad select");
  if (array.op() == Op::ConstArray) return array.arg(0);
  return node(Op::Select, array.sort().element(), {array, index});
}

Term mk_store(const Term& array, const Term& index, const Term& value) {
  VERDICT_INVARIANT(array.sort().is_array() && array.sort().index() == index.sort() &&
                        array.sort().element() == value.sort(),
                    "bad store");
  return node(Op::Store, array.sort(), {array, index, value});
}

Term mk_const_array(const Sort& index, const Term& value) {
  return node(Op::ConstArray, Sort::array(index, value.sort()), {value});
}

Term rebuild(const Term& t, const std::vector<Term>& a) {
  switch (t.op()) {
    case Op::BoolConst: case Op::BvConst: case Op::IntConst: case Op::Var: return t;
    case Op::Not: return mk_not(a[0]);
    case Op::And: return mk_and(a[0], a[1]);
    case Op::Or: return mk_or(a[0], a[1]);
    case Op::Implies: return mk_implies(a[0], a[1]);
    case Op::Ite: return mk_ite(a[0], a[1], a[2]);
    case Op::Eq: return mk_eq(a[0], a[1]);
    case Op::Neg: case Op::BvNot: return mk_unary(t.op(), a[0]);
    case Op::Extract: return mk_extract(t.hi(), t.lo(), a[0]);
    case Op::ZeroExt: return mk_zext(t.ext_amount(), a[0]);
    case Op::SignExt: return mk_sext(t.ext_amount(), a[0]);
    case Op::Concat: return mk_concat(a[0], a[1]);
    case Op::Select: return mk_select(a[0], a[1]);
    case Op::Store: return mk_store(a[0], a[1], a[2]);
    case Op::ConstArray: return mk_const_array(t.sort().index(), a[0]);
    default: return mk_binary(t.op(), a[0], a[1]);
  }
}

Term mk_resize(const Term& a, unsigned width, bool is_signed) {
  const unsigned w = a.sort().width();
  if (width == w) return a;
  if (width < w) return mk_extract(width - 1, 0, a);
  return is_signed ? mk_sext(width - w, a) : mk_zext(width - w, a);
}

}  // namespace verdict::ir
