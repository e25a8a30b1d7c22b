#include "engines/invariants/interval_domain.h"

#include <algorithm>

namespace verdict::engines::invariants {

using ir::Op;

namespace {

i128 modulus(unsigned w) { return i128{1} << w; }

/// The range of `lo..hi` (mathematical) taken modulo 2^w as unsigned; empty if it wraps
/// to a non-contiguous set.
std::optional<BvRange> wrap_unsigned(unsigned w, i128 lo, i128 hi) {
  const i128 m = modulus(w);
  if (hi - lo >= m) return BvRange::top(w);
  i128 k = lo >= 0 ? lo / m : -((-lo + m - 1) / m);
  i128 l = lo - k * m, h = hi - k * m;
  if (h < m) return BvRange::from_unsigned(w, l, h);
  return std::nullopt;  // straddles a multiple of 2^w
}

std::optional<BvRange> wrap_signed(unsigned w, i128 lo, i128 hi) {
  const i128 m = modulus(w), half = m / 2;
  if (hi - lo >= m) return BvRange::top(w);
  auto shifted = wrap_unsigned(w, lo + half, hi + half);  // signed x <-> unsigned x + 2^(w-1)
  if (!shifted) return std::nullopt;
  return BvRange::from_signed(w, shifted->ulo - half, shifted->uhi - half);
}

/// Combines the unsigned and signed results of an operation (either may be empty = top).
BvRange combine(unsigned w, const std::optional<BvRange>& u, const std::optional<BvRange>& s) {
  if (u && s) {
    if (auto m = meet(*u, *s)) return *m;
    return BvRange::top(w);  // cannot happen for sound inputs; stay sound
  }
  if (u) return *u;
  if (s) return *s;
  return BvRange::top(w);
}

}  // namespace

BvRange BvRange::top(unsigned w) {
  BvRange r;
  r.width = w;
  r.ulo = 0;
  r.uhi = modulus(w) - 1;
  r.slo = -(i128{1} << (w - 1));
  r.shi = (i128{1} << (w - 1)) - 1;
  return r;
}

BvRange BvRange::constant(unsigned w, std::uint64_t bits) {
  BvRange r;
  r.width = w;
  r.ulo = r.uhi = static_cast<i128>(bits & ir::mask(w));
  r.slo = r.shi = ir::to_signed(bits, w);
  return r;
}

std::optional<BvRange> BvRange::from_unsigned(unsigned w, i128 lo, i128 hi) {
  BvRange r = top(w);
  r.ulo = std::max(lo, i128{0});
  r.uhi = std::min(hi, r.umax());
  return reduce(r);
}

std::optional<BvRange> BvRange::from_signed(unsigned w, i128 lo, i128 hi) {
  BvRange r = top(w);
  r.slo = std::max(lo, r.smin());
  r.shi = std::min(hi, r.smax());
  return reduce(r);
}

std::optional<BvRange> reduce(BvRange r) {
  const i128 m = modulus(r.width);
  for (int round = 0; round < 2; ++round) {
    if (r.ulo > r.uhi || r.slo > r.shi) return std::nullopt;
    // signed -> unsigned
    if (r.slo >= 0) {
      r.ulo = std::max(r.ulo, r.slo);
      r.uhi = std::min(r.uhi, r.shi);
    } else if (r.shi < 0) {
      r.ulo = std::max(r.ulo, r.slo + m);
      r.uhi = std::min(r.uhi, r.shi + m);
    }
    if (r.ulo > r.uhi) return std::nullopt;
    // unsigned -> signed
    if (r.uhi <= r.smax()) {
      r.slo = std::max(r.slo, r.ulo);
      r.shi = std::min(r.shi, r.uhi);
    } else if (r.ulo > r.smax()) {
      r.slo = std::max(r.slo, r.ulo - m);
      r.shi = std::min(r.shi, r.uhi - m);
    }
  }
  if (r.ulo > r.uhi || r.slo > r.shi) return std::nullopt;
  return r;
}

BvRange join(const BvRange& a, const BvRange& b) {
  BvRange r = a;
  r.ulo = std::min(a.ulo, b.ulo);
  r.uhi = std::max(a.uhi, b.uhi);
  r.slo = std::min(a.slo, b.slo);
  r.shi = std::max(a.shi, b.shi);
  return r;  // the join of two reduced ranges is consistent (each view over-approximates)
}

std::optional<BvRange> meet(const BvRange& a, const BvRange& b) {
  BvRange r = a;
  r.ulo = std::max(a.ulo, b.ulo);
  r.uhi = std::min(a.uhi, b.uhi);
  r.slo = std::max(a.slo, b.slo);
  r.shi = std::min(a.shi, b.shi);
  return reduce(r);
}

BvRange widen(const BvRange& old, const BvRange& next, const std::vector<i128>& thresholds) {
  BvRange r = next;
  const BvRange t = BvRange::top(old.width);
  auto up = [&](i128 x, i128 limit) {
    auto it = std::lower_bound(thresholds.begin(), thresholds.end(), x);
    return it != thresholds.end() && *it <= limit ? *it : limit;
  };
  auto down = [&](i128 x, i128 limit) {
    auto it = std::upper_bound(thresholds.begin(), thresholds.end(), x);
    if (it == thresholds.begin()) return limit;
    --it;
    return *it >= limit ? *it : limit;
  };
  if (next.ulo < old.ulo) r.ulo = down(next.ulo, t.ulo);
  if (next.uhi > old.uhi) r.uhi = up(next.uhi, t.uhi);
  if (next.slo < old.slo) r.slo = down(next.slo, t.slo);
  if (next.shi > old.shi) r.shi = up(next.shi, t.shi);
  BvRange j = join(r, old);
  if (auto red = reduce(j)) return *red;
  return t;
}

namespace {

BvRange add_sub(bool add, const BvRange& a, const BvRange& b) {
  const unsigned w = a.width;
  auto u = add ? wrap_unsigned(w, a.ulo + b.ulo, a.uhi + b.uhi) : wrap_unsigned(w, a.ulo - b.uhi, a.uhi - b.ulo);
  auto s = add ? wrap_signed(w, a.slo + b.slo, a.shi + b.shi) : wrap_signed(w, a.slo - b.shi, a.shi - b.slo);
  return combine(w, u, s);
}

BvRange mul(const BvRange& a, const BvRange& b) {
  const unsigned w = a.width;
  std::optional<BvRange> u, s;
  const i128 lim = i128{1} << 62;
  if (a.uhi < lim && b.uhi < lim) {
    const i128 hi = a.uhi * b.uhi;
    if (hi <= a.umax()) u = BvRange::from_unsigned(w, a.ulo * b.ulo, hi);
  }
  if (a.slo > -lim && a.shi < lim && b.slo > -lim && b.shi < lim) {
    const i128 c[4] = {a.slo * b.slo, a.slo * b.shi, a.shi * b.slo, a.shi * b.shi};
    const i128 lo = *std::min_element(c, c + 4), hi = *std::max_element(c, c + 4);
    if (lo >= a.smin() && hi <= a.smax()) s = BvRange::from_signed(w, lo, hi);
  }
  return combine(w, u, s);
}

BvRange bit_and_or(Op op, const BvRange& a, const BvRange& b) {
  const unsigned w = a.width;
  if (op == Op::BvAnd) return *BvRange::from_unsigned(w, 0, std::min(a.uhi, b.uhi));
  // x | y <= the all-ones mask covering both maxima, >= each operand.
  i128 m = 1;
  while (m <= std::max(a.uhi, b.uhi)) m <<= 1;
  return *BvRange::from_unsigned(w, std::max(a.ulo, b.ulo), std::min(m - 1, a.umax()));
}

BvRange divide(Op op, const BvRange& a, const BvRange& b) {
  const unsigned w = a.width;
  switch (op) {
    case Op::UDiv:
      if (b.ulo > 0) return *BvRange::from_unsigned(w, a.ulo / b.uhi, a.uhi / b.ulo);
      return BvRange::top(w);
    case Op::URem:
      if (b.ulo > 0) return *BvRange::from_unsigned(w, 0, std::min(a.uhi, b.uhi - 1));
      return *BvRange::from_unsigned(w, 0, a.uhi);  // x % 0 = x
    case Op::SRem: {
      // |x % y| < |y| and |x % y| <= |x|; the sign follows x. y = 0 gives x.
      const i128 my = std::max(-b.slo, b.shi), mx = std::max(-a.slo, a.shi);
      const i128 bound = b.slo > 0 || b.shi < 0 ? std::min(my - 1, mx) : mx;
      const i128 lo = a.slo >= 0 ? 0 : -bound, hi = a.shi <= 0 ? 0 : bound;
      if (auto r = BvRange::from_signed(w, lo, hi)) return *r;
      return BvRange::top(w);
    }
    default: return BvRange::top(w);
  }
}

BvRange shift(Op op, const BvRange& a, const BvRange& b) {
  const unsigned w = a.width;
  if (!b.is_constant() || b.ulo >= w) return BvRange::top(w);
  const unsigned k = static_cast<unsigned>(b.ulo);
  if (op == Op::LShr) return *BvRange::from_unsigned(w, a.ulo >> k, a.uhi >> k);
  if (op == Op::AShr) return *BvRange::from_signed(w, a.slo >> k, a.shi >> k);
  if (op == Op::Shl && (a.uhi << k) <= a.umax()) return *BvRange::from_unsigned(w, a.ulo << k, a.uhi << k);
  return BvRange::top(w);
}

}  // namespace

BvRange abstract_binary(Op op, const BvRange& a, const BvRange& b) {
  switch (op) {
    case Op::Add: return add_sub(true, a, b);
    case Op::Sub: return add_sub(false, a, b);
    case Op::Mul: return mul(a, b);
    case Op::BvAnd: case Op::BvOr: return bit_and_or(op, a, b);
    case Op::UDiv: case Op::URem: case Op::SRem: return divide(op, a, b);
    case Op::Shl: case Op::LShr: case Op::AShr: return shift(op, a, b);
    default: return BvRange::top(a.width);
  }
}

BvRange abstract_unary(Op op, const BvRange& a) {
  if (op == Op::Neg) return add_sub(false, BvRange::constant(a.width, 0), a);
  if (op == Op::BvNot) {  // ~x = -1 - x
    return add_sub(false, BvRange::constant(a.width, ir::mask(a.width)), a);
  }
  return BvRange::top(a.width);
}

BvRange abstract_extend(bool is_signed, unsigned amount, const BvRange& a) {
  const unsigned w = a.width + amount;
  if (w > 64) return BvRange::top(std::min(w, 64u));
  if (is_signed) return *BvRange::from_signed(w, a.slo, a.shi);
  return *BvRange::from_unsigned(w, a.ulo, a.uhi);
}

BvRange abstract_extract(unsigned hi, unsigned lo, const BvRange& a) {
  const unsigned w = hi - lo + 1;
  const i128 m = modulus(w);
  if (lo == 0) {
    if (a.uhi < m) return *BvRange::from_unsigned(w, a.ulo, a.uhi);
    if (a.slo >= -(m / 2) && a.shi < m / 2) return *BvRange::from_signed(w, a.slo, a.shi);
    return BvRange::top(w);
  }
  if ((a.uhi >> lo) < m) return *BvRange::from_unsigned(w, a.ulo >> lo, a.uhi >> lo);
  return BvRange::top(w);
}

int compare(Op op, const BvRange& a, const BvRange& b) {
  switch (op) {
    case Op::Ult: return a.uhi < b.ulo ? 1 : (a.ulo >= b.uhi ? 0 : -1);
    case Op::Ule: return a.uhi <= b.ulo ? 1 : (a.ulo > b.uhi ? 0 : -1);
    case Op::Slt: return a.shi < b.slo ? 1 : (a.slo >= b.shi ? 0 : -1);
    case Op::Sle: return a.shi <= b.slo ? 1 : (a.slo > b.shi ? 0 : -1);
    case Op::Eq:
      if (a.is_constant() && b.is_constant()) return a.ulo == b.ulo ? 1 : 0;
      return (a.uhi < b.ulo || b.uhi < a.ulo || a.shi < b.slo || b.shi < a.slo) ? 0 : -1;
    default: return -1;
  }
}

}  // namespace verdict::engines::invariants
