#include "evidence/cvc5_encoder.h"

#include <string>

namespace verdict::evidence {

using cvc5::Kind;
using ir::Op;

cvc5::Sort Cvc5Encoder::sort(const ir::Sort& s) {
  switch (s.kind()) {
    case ir::Sort::Kind::Bool: return solver_.getBooleanSort();
    case ir::Sort::Kind::BitVec: return solver_.mkBitVectorSort(s.width());
    case ir::Sort::Kind::Int: return solver_.getIntegerSort();
    case ir::Sort::Kind::Array: return solver_.mkArraySort(sort(s.index()), sort(s.element()));
  }
  throw Cvc5EncodeError("unknown sort");
}

cvc5::Term Cvc5Encoder::var(ir::VarId v, const ir::Sort& s) {
  auto it = vars_.find(v);
  if (it != vars_.end()) {
    if (it->second.getSort() != sort(s)) throw Cvc5EncodeError("variable used at two sorts");
    return it->second;
  }
  cvc5::Term c = solver_.mkConst(sort(s), "v" + std::to_string(v));
  vars_.emplace(v, c);
  return c;
}

cvc5::Term Cvc5Encoder::encode(const ir::Term& root) {
  if (auto it = cache_.find(root.id()); it != cache_.end()) return it->second;
  std::vector<std::pair<ir::Term, bool>> stack{{root, false}};
  while (!stack.empty()) {
    const ir::Term t = stack.back().first;
    if (cache_.count(t.id())) {
      stack.pop_back();
      continue;
    }
    if (!stack.back().second) {
      stack.back().second = true;
      for (const ir::Term& a : t.args())
        if (!cache_.count(a.id())) stack.emplace_back(a, false);
      continue;
    }
    stack.pop_back();
    std::vector<cvc5::Term> args;
    args.reserve(t.args().size());
    for (const ir::Term& a : t.args()) args.push_back(cache_.at(a.id()));
    cache_.emplace(t.id(), build(t, args));
    keep_alive_.push_back(t);
  }
  return cache_.at(root.id());
}

cvc5::Term Cvc5Encoder::arith(const ir::Term& t, Kind bv, Kind integer, const std::vector<cvc5::Term>& a) {
  return solver_.mkTerm(t.sort().is_bv() ? bv : integer, a);
}

namespace {

Kind bv_kind(Op op) {
  switch (op) {
    case Op::UDiv: return Kind::BITVECTOR_UDIV;
    case Op::URem: return Kind::BITVECTOR_UREM;
    case Op::SDiv: return Kind::BITVECTOR_SDIV;
    case Op::SRem: return Kind::BITVECTOR_SREM;
    case Op::Shl: return Kind::BITVECTOR_SHL;
    case Op::LShr: return Kind::BITVECTOR_LSHR;
    case Op::AShr: return Kind::BITVECTOR_ASHR;
    case Op::BvAnd: return Kind::BITVECTOR_AND;
    case Op::BvOr: return Kind::BITVECTOR_OR;
    case Op::BvXor: return Kind::BITVECTOR_XOR;
    case Op::BvNot: return Kind::BITVECTOR_NOT;
    case Op::Ult: return Kind::BITVECTOR_ULT;
    case Op::Ule: return Kind::BITVECTOR_ULE;
    case Op::Slt: return Kind::BITVECTOR_SLT;
    case Op::Sle: return Kind::BITVECTOR_SLE;
    case Op::Concat: return Kind::BITVECTOR_CONCAT;
    default: return Kind::NULL_TERM;
  }
}

}  // namespace

cvc5::Term Cvc5Encoder::build(const ir::Term& t, const std::vector<cvc5::Term>& a) {
  cvc5::Solver& s = solver_;
  switch (t.op()) {
    case Op::BoolConst: return s.mkBoolean(t.bool_value());
    case Op::BvConst: return s.mkBitVector(t.sort().width(), t.bits());
    case Op::IntConst: return s.mkInteger(t.int_value());
    case Op::Var: return var(t.var(), t.sort());
    case Op::Not: return s.mkTerm(Kind::NOT, a);
    case Op::And: return s.mkTerm(Kind::AND, a);
    case Op::Or: return s.mkTerm(Kind::OR, a);
    case Op::Implies: return s.mkTerm(Kind::IMPLIES, a);
    case Op::Ite: return s.mkTerm(Kind::ITE, a);
    case Op::Eq: return s.mkTerm(Kind::EQUAL, a);
    case Op::Add: return arith(t, Kind::BITVECTOR_ADD, Kind::ADD, a);
    case Op::Sub: return arith(t, Kind::BITVECTOR_SUB, Kind::SUB, a);
    case Op::Mul: return arith(t, Kind::BITVECTOR_MULT, Kind::MULT, a);
    case Op::Neg: return arith(t, Kind::BITVECTOR_NEG, Kind::NEG, a);
    case Op::Extract: return s.mkTerm(s.mkOp(Kind::BITVECTOR_EXTRACT, {t.hi(), t.lo()}), a);
    case Op::ZeroExt: return s.mkTerm(s.mkOp(Kind::BITVECTOR_ZERO_EXTEND, {t.ext_amount()}), a);
    case Op::SignExt: return s.mkTerm(s.mkOp(Kind::BITVECTOR_SIGN_EXTEND, {t.ext_amount()}), a);
    case Op::IntFloorDiv: {
      // SMT-LIB div is floor division for positive divisors; flip signs for negative ones.
      cvc5::Term zero = s.mkInteger(0);
      cvc5::Term pos = s.mkTerm(Kind::INTS_DIVISION, {a[0], a[1]});
      cvc5::Term neg = s.mkTerm(Kind::INTS_DIVISION, {s.mkTerm(Kind::NEG, {a[0]}), s.mkTerm(Kind::NEG, {a[1]})});
      return s.mkTerm(Kind::ITE, {s.mkTerm(Kind::GEQ, {a[1], zero}), pos, neg});
    }
    case Op::IntFloorMod: {
      cvc5::Term zero = s.mkInteger(0);
      cvc5::Term pos = s.mkTerm(Kind::INTS_DIVISION, {a[0], a[1]});
      cvc5::Term neg = s.mkTerm(Kind::INTS_DIVISION, {s.mkTerm(Kind::NEG, {a[0]}), s.mkTerm(Kind::NEG, {a[1]})});
      cvc5::Term q = s.mkTerm(Kind::ITE, {s.mkTerm(Kind::GEQ, {a[1], zero}), pos, neg});
      return s.mkTerm(Kind::SUB, {a[0], s.mkTerm(Kind::MULT, {a[1], q})});
    }
    case Op::Lt: return s.mkTerm(Kind::LT, a);
    case Op::Le: return s.mkTerm(Kind::LEQ, a);
    case Op::Select: return s.mkTerm(Kind::SELECT, a);
    case Op::Store: return s.mkTerm(Kind::STORE, a);
    case Op::ConstArray:
      if (!a[0].isBitVectorValue() && !a[0].isBooleanValue() && !a[0].isIntegerValue())
        throw Cvc5EncodeError("constant array of a non-constant value");
      return s.mkConstArray(sort(t.sort()), a[0]);
    default: break;
  }
  const Kind k = bv_kind(t.op());
  if (k == Kind::NULL_TERM) throw Cvc5EncodeError(std::string("operator ") + ir::op_name(t.op()));
  return s.mkTerm(k, a);
}

}  // namespace verdict::evidence
