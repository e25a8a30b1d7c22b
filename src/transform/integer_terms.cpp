#include "transform/integer_terms.h"

namespace verdict::transform {

using ir::Op;
using ir::Term;

namespace {

Term ic(std::int64_t v) { return ir::mk_int(v); }
Term add(const Term& a, const Term& b) { return ir::mk_binary(Op::Add, a, b); }
Term sub(const Term& a, const Term& b) { return ir::mk_binary(Op::Sub, a, b); }
Term lt(const Term& a, const Term& b) { return ir::mk_binary(Op::Lt, a, b); }
Term le(const Term& a, const Term& b) { return ir::mk_binary(Op::Le, a, b); }

std::int64_t pow2(unsigned w) {
  if (w >= 63) throw Unencodable{};
  return std::int64_t{1} << w;
}

/// Brings a mathematical result that may leave the view's range by less than 2^w back.
Term wrap_once(const IntView& v) {
  const std::int64_t m = pow2(v.width);
  const std::int64_t lo = v.is_signed ? -pow2(v.width - 1) : 0, hi = lo + m - 1;
  return ir::mk_ite(lt(ic(hi), v.t), sub(v.t, ic(m)), ir::mk_ite(lt(v.t, ic(lo)), add(v.t, ic(m)), v.t));
}

IntView as_view(const IntView& v, bool is_signed) {
  if (v.is_signed == is_signed) return v;
  const std::int64_t m = pow2(v.width), half = pow2(v.width - 1);
  Term t = is_signed ? ir::mk_ite(le(ic(half), v.t), sub(v.t, ic(m)), v.t)
                     : ir::mk_ite(lt(v.t, ic(0)), add(v.t, ic(m)), v.t);
  return IntView{t, is_signed, v.width};
}

/// Guards the recursion (deep straight-line terms): beyond it, no encoding.
struct Depth {
  explicit Depth(unsigned& d) : d_(d) {
    if (++d_ > 2000) {
      --d_;
      throw Unencodable{};
    }
  }
  ~Depth() { --d_; }
  Depth(const Depth&) = delete;
  Depth& operator=(const Depth&) = delete;
  unsigned& d_;
};

}  // namespace

Term in_range(const IntView& v) {
  if (v.is_signed && v.width == 64) return ir::mk_true();
  if (v.is_signed) return ir::mk_and(le(ic(-pow2(v.width - 1)), v.t), le(v.t, ic(pow2(v.width - 1) - 1)));
  return ir::mk_and(le(ic(0), v.t), le(v.t, ic(pow2(v.width) - 1)));
}

IntView IntegerTerms::view(const IntView& v, bool is_signed) const {
  // Without wrap-around, values of 63 bits or more (beyond int64 constants) keep their
  // value: candidates only.
  if (wrap_ == Wrap::None && v.width >= 63) return IntView{v.t, is_signed, v.width};
  return as_view(v, is_signed);
}

Term IntegerTerms::boolean(const Term& t) {
  if (auto it = bool_memo_.find(t.id()); it != bool_memo_.end()) return it->second;
  Depth guard(depth_);
  Term r = boolean_uncached(t);
  bool_memo_.emplace(t.id(), r);
  return r;
}

IntView IntegerTerms::number(const Term& t, bool prefer_signed) {
  const auto key = std::make_pair(t.id(), prefer_signed);
  if (auto it = num_memo_.find(key); it != num_memo_.end()) return it->second;
  Depth guard(depth_);
  IntView r = number_uncached(t, prefer_signed);
  num_memo_.emplace(key, r);
  return r;
}

Term IntegerTerms::boolean_uncached(const Term& t) {
  switch (t.op()) {
    case Op::BoolConst: return t;
    case Op::Var: return t;
    case Op::Not: return ir::mk_not(boolean(t.arg(0)));
    case Op::And: return ir::mk_and(boolean(t.arg(0)), boolean(t.arg(1)));
    case Op::Or: return ir::mk_or(boolean(t.arg(0)), boolean(t.arg(1)));
    case Op::Implies: return ir::mk_implies(boolean(t.arg(0)), boolean(t.arg(1)));
    case Op::Ite: return ir::mk_ite(boolean(t.arg(0)), boolean(t.arg(1)), boolean(t.arg(2)));
    case Op::Eq:
      if (t.arg(0).sort().is_bool()) return ir::mk_eq(boolean(t.arg(0)), boolean(t.arg(1)));
      return compare(t);
    case Op::Ult: case Op::Ule: case Op::Slt: case Op::Sle: return compare(t);
    default: throw Unencodable{};
  }
}

Term IntegerTerms::compare(const Term& t) {
  if (!t.arg(0).sort().is_bv()) throw Unencodable{};
  const bool sgn = t.op() == Op::Slt || t.op() == Op::Sle ||
                   (t.op() == Op::Eq && t.arg(0).op() == Op::Var && is_signed_(t.arg(0).var()));
  const IntView a = view(number(t.arg(0), sgn), sgn), b = view(number(t.arg(1), sgn), sgn);
  switch (t.op()) {
    case Op::Eq: return ir::mk_eq(a.t, b.t);
    case Op::Ult: case Op::Slt: return lt(a.t, b.t);
    default: return le(a.t, b.t);
  }
}

IntView IntegerTerms::number_uncached(const Term& t, bool prefer_signed) {
  if (!t.sort().is_bv()) throw Unencodable{};
  const unsigned w = t.sort().width();
  switch (t.op()) {
    case Op::BvConst:
      return IntView{ic(prefer_signed ? ir::to_signed(t.bits(), w) : static_cast<std::int64_t>(t.bits())),
                     prefer_signed, w};
    case Op::Var: {
      const bool s = is_signed_(t.var());
      if (!(s && w == 64 && wrap_ == Wrap::UnsignedOnly)) pow2(w);
      vars.emplace(t.var(), w);
      return IntView{ir::mk_var(t.var(), ir::Sort::integer()), s, w};
    }
    case Op::Ite: {
      const IntView a = number(t.arg(1), prefer_signed), b = number(t.arg(2), prefer_signed);
      const IntView bb = view(b, a.is_signed);
      return IntView{ir::mk_ite(boolean(t.arg(0)), a.t, bb.t), a.is_signed, w};
    }
    case Op::ZeroExt: {
      const IntView a = view(number(t.arg(0), false), false);
      return IntView{a.t, false, w};
    }
    case Op::SignExt: {
      const IntView a = view(number(t.arg(0), true), true);
      return IntView{a.t, true, w};
    }
    default: return arith(t, prefer_signed);
  }
}

IntView IntegerTerms::result(const Term& r, bool is_signed, unsigned w) {
  const IntView v{r, is_signed, w};
  if (wraps(is_signed)) return IntView{wrap_once(v), is_signed, w};
  if (wrap_ == Wrap::None && w < 63) no_wrap.push_back(in_range(v));
  return v;
}

IntView IntegerTerms::arith(const Term& t, bool prefer_signed) {
  const unsigned w = t.sort().width();
  switch (t.op()) {
    case Op::Add: case Op::Sub: {
      const IntView a = number(t.arg(0), prefer_signed);
      const IntView b = view(number(t.arg(1), a.is_signed), a.is_signed);
      Term r = t.op() == Op::Add ? add(a.t, b.t) : sub(a.t, b.t);
      if (wrap_ == Wrap::None && !a.is_signed && t.arg(1).op() == Op::BvConst && ir::to_signed(t.arg(1).bits(), w) < 0) {
        // x + 0xFF..FF is how x - 1 is written: without wrap-around it must stay x - 1.
        const Term m = ic(-ir::to_signed(t.arg(1).bits(), w));
        r = t.op() == Op::Add ? sub(a.t, m) : add(a.t, m);
      }
      return result(r, a.is_signed, w);
    }
    case Op::Neg: {
      const IntView a = number(t.arg(0), prefer_signed);
      return result(sub(ic(0), a.t), a.is_signed, w);
    }
    case Op::UDiv: case Op::URem: case Op::SDiv: case Op::SRem: {
      // Only by a positive constant: then the quotient and remainder of in-range operands
      // are in range (except INT_MIN / -1, excluded by c > 0), no wrap-around.
      const bool sgn = t.op() == Op::SDiv || t.op() == Op::SRem;
      const Term& d = t.arg(1);
      if (d.op() != Op::BvConst) throw Unencodable{};
      const std::int64_t c = sgn ? ir::to_signed(d.bits(), w) : static_cast<std::int64_t>(d.bits());
      if (c <= 0) throw Unencodable{};
      const IntView a = view(number(t.arg(0), sgn), sgn);
      const bool quotient = t.op() == Op::UDiv || t.op() == Op::SDiv;
      const Op op = quotient ? Op::IntFloorDiv : Op::IntFloorMod;
      if (!sgn) return IntView{ir::mk_binary(op, a.t, ic(c)), false, w};
      // C rounds toward zero: floor for a >= 0, mirrored for a < 0.
      const Term pos = ir::mk_binary(op, a.t, ic(c));
      const Term neg = sub(ic(0), ir::mk_binary(op, sub(ic(0), a.t), ic(c)));
      return IntView{ir::mk_ite(le(ic(0), a.t), pos, neg), true, w};
    }
    case Op::Mul: {
      const IntView a = number(t.arg(0), prefer_signed);
      const IntView b = view(number(t.arg(1), a.is_signed), a.is_signed);
      // Only a product by a constant (linear), except for mathematical signed products.
      if (!a.t.is_const() && !b.t.is_const() && !(wrap_ == Wrap::UnsignedOnly && a.is_signed)) throw Unencodable{};
      const Term prod = ir::mk_binary(Op::Mul, a.t, b.t);
      if (!wraps(a.is_signed)) return result(prod, a.is_signed, w);
      const std::int64_t m = pow2(w), half = pow2(w - 1);
      const Term r = a.is_signed ? sub(ir::mk_binary(Op::IntFloorMod, add(prod, ic(half)), ic(m)), ic(half))
                                 : ir::mk_binary(Op::IntFloorMod, prod, ic(m));
      return IntView{r, a.is_signed, w};
    }
    case Op::Extract: {
      if (t.lo() != 0) throw Unencodable{};
      const IntView a = number(t.arg(0), false);
      const IntView u = view(a, false);
      return IntView{ir::mk_binary(Op::IntFloorMod, u.t, ic(pow2(w))), false, w};
    }
    default: throw Unencodable{};
  }
}

}  // namespace verdict::transform
