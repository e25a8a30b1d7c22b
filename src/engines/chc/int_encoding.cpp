#include "engines/chc/int_encoding.h"

#include <map>
#include <set>
#include <unordered_map>

#include "transform/integer_terms.h"
#include "transform/term_rewrite.h"

namespace verdict::engines::chc {

using ir::Op;
using ir::Term;

namespace {

using transform::IntegerTerms;
using transform::IntView;
using transform::Unencodable;
using transform::in_range;

Term ic(std::int64_t v) { return ir::mk_int(v); }
Term add(const Term& a, const Term& b) { return ir::mk_binary(Op::Add, a, b); }
Term sub(const Term& a, const Term& b) { return ir::mk_binary(Op::Sub, a, b); }

/// Range constraints for every bit-vector variable of a clause.
Term ranges(const std::set<std::pair<ir::VarId, unsigned>>& vars, const SignedView& is_signed) {
  std::vector<Term> parts;
  for (const auto& [v, w] : vars)
    parts.push_back(in_range(IntView{ir::mk_var(v, ir::Sort::integer()), is_signed(v), w}));
  return ir::mk_and(parts);
}

/// The integer versions of a predicate's arguments, each read in its parameter's own view.
std::vector<Term> encode_args(IntegerTerms& enc, const std::vector<Term>& args, const smt::HornPredicate& pred,
                              const SignedView& is_signed) {
  std::vector<Term> out;
  for (const Term& a : args) {
    if (a.sort().is_bool()) {
      out.push_back(enc.boolean(a));
      continue;
    }
    if (!a.sort().is_bv()) throw Unencodable{};
    const ir::VarId param = pred.params[out.size()].var();
    out.push_back(enc.view(enc.number(a, is_signed(param)), is_signed(param)).t);
  }
  return out;
}

}  // namespace

std::optional<smt::HornSystem> integer_horn(const smt::HornSystem& bv, const SignedView& is_signed, bool exact) {
  try {
    smt::HornSystem out;
    for (const smt::HornPredicate& p : bv.predicates) {
      smt::HornPredicate q{p.name, {}};
      for (const Term& v : p.params) q.params.push_back(v.sort().is_bv() ? ir::mk_var(v.var(), ir::Sort::integer()) : v);
      out.predicates.push_back(std::move(q));
    }
    for (const smt::HornClause& c : bv.clauses) {
      IntegerTerms enc(is_signed, exact ? transform::Wrap::Exact : transform::Wrap::None);
      smt::HornClause d{c.body, enc.boolean(c.constraint), c.head, {}, {}};
      if (c.body)
        for (const Term& v : bv.predicates[*c.body].params)
          if (v.sort().is_bv()) enc.number(v, false);
      if (c.head) d.head_args = encode_args(enc, c.head_args, bv.predicates[*c.head], is_signed);
      for (const smt::HornApp& app : c.calls)
        d.calls.push_back(smt::HornApp{app.pred, encode_args(enc, app.args, bv.predicates[app.pred], is_signed)});
      d.constraint = ir::mk_and(ranges(enc.vars, is_signed), d.constraint);
      if (!exact && !enc.no_wrap.empty()) {
        // Without wrap-around the clauses only describe executions where nothing wraps:
        // that nothing does becomes part of the property (a query), so that a solution
        // also bounds the values, as the bit-vector program needs.
        smt::HornClause wraps{c.body, ir::mk_and(d.constraint, ir::mk_not(ir::mk_and(enc.no_wrap))), std::nullopt, {}, d.calls};
        out.clauses.push_back(std::move(wraps));
      }
      out.clauses.push_back(std::move(d));
    }
    return out;
  } catch (const Unencodable&) {
    return std::nullopt;
  }
}

namespace {

/// sum(coef * var) + k over integer variables.
struct Linear {
  std::map<ir::VarId, __int128> coef;
  __int128 k = 0;
};

std::optional<Linear> linearize(const Term& t) {
  switch (t.op()) {
    case Op::IntConst: return Linear{{}, t.int_value()};
    case Op::Var:
      if (!t.sort().is_int()) return std::nullopt;
      return Linear{{{t.var(), 1}}, 0};
    case Op::Add: case Op::Sub: {
      auto a = linearize(t.arg(0)), b = linearize(t.arg(1));
      if (!a || !b) return std::nullopt;
      const int sign = t.op() == Op::Add ? 1 : -1;
      for (const auto& [v, c] : b->coef) a->coef[v] += sign * c;
      a->k += sign * b->k;
      return a;
    }
    case Op::Neg: {
      auto a = linearize(t.arg(0));
      if (!a) return std::nullopt;
      for (auto& [v, c] : a->coef) c = -c;
      a->k = -a->k;
      return a;
    }
    case Op::Mul: {
      auto a = linearize(t.arg(0)), b = linearize(t.arg(1));
      if (!a || !b) return std::nullopt;
      if (!a->coef.empty() && !b->coef.empty()) return std::nullopt;
      if (a->coef.empty()) std::swap(a, b);
      for (auto& [v, c] : a->coef) c *= b->k;
      a->k *= b->k;
      return a;
    }
    default: return std::nullopt;
  }
}

bool fits(__int128 x) { return x >= INT64_MIN && x <= INT64_MAX; }

Term sum(const std::vector<std::pair<ir::VarId, __int128>>& terms, __int128 k) {
  Term r;
  for (const auto& [v, c] : terms) {
    Term x = ir::mk_var(v, ir::Sort::integer());
    if (c != 1) x = ir::mk_binary(Op::Mul, ic(static_cast<std::int64_t>(c)), x);
    r = r.valid() ? add(r, x) : x;
  }
  if (k != 0 || !r.valid()) r = r.valid() ? (k > 0 ? add(r, ic(static_cast<std::int64_t>(k))) : sub(r, ic(static_cast<std::int64_t>(-k)))) : ic(static_cast<std::int64_t>(k));
  return r;
}

/// a <= b, a < b, a == b rewritten as P op N + k with positive coefficients on both sides.
Term normalize_comparison(const Term& t) {
  auto a = linearize(t.arg(0)), b = linearize(t.arg(1));
  if (!a || !b) return t;
  for (const auto& [v, c] : b->coef) a->coef[v] -= c;
  a->k -= b->k;  // a - b op 0
  std::vector<std::pair<ir::VarId, __int128>> pos, neg;
  for (const auto& [v, c] : a->coef) {
    if (!fits(c)) return t;
    if (c > 0) pos.emplace_back(v, c);
    if (c < 0) neg.emplace_back(v, -c);
  }
  if (!fits(a->k)) return t;
  // pos - neg + k op 0  <=>  pos op neg - k
  if (pos.empty() && !neg.empty()) {  // 0 op neg - k  <=>  k op neg ... keep variables left
    const Term lhs = sum(neg, 0), rhs = ic(static_cast<std::int64_t>(a->k));
    if (t.op() == Op::Eq) return ir::mk_eq(lhs, rhs);
    return ir::mk_binary(t.op(), rhs, lhs);
  }
  const Term lhs = sum(pos, 0), rhs = sum(neg, -a->k);
  return t.op() == Op::Eq ? ir::mk_eq(lhs, rhs) : ir::mk_binary(t.op(), lhs, rhs);
}

/// Comparisons of two extensions of one kind from one width are done at that width.
Term narrow_comparison(Op op, const Term& a, const Term& b) {
  auto inner = [](const Term& t, Op ext) -> Term { return t.op() == ext ? t.arg(0) : Term(); };
  for (Op ext : {Op::SignExt, Op::ZeroExt}) {
    Term x = inner(a, ext), y = inner(b, ext);
    const bool sgn = ext == Op::SignExt;
    const unsigned w = x.valid() ? x.sort().width() : y.valid() ? y.sort().width() : 0;
    if (w == 0) continue;
    auto shrink = [&](const Term& orig, Term& out) {
      if (out.valid()) return out.sort().width() == w;
      if (orig.op() != Op::BvConst) return false;
      const std::int64_t v = static_cast<std::int64_t>(orig.bits());
      const bool ok = sgn ? (v >= -(std::int64_t{1} << (w - 1)) && v < (std::int64_t{1} << (w - 1)))
                          : (v >= 0 && (w >= 63 || v < (std::int64_t{1} << w)));
      if (ok) out = ir::mk_bv(w, static_cast<std::uint64_t>(v));
      return ok;
    };
    if (!shrink(a, x) || !shrink(b, y)) continue;
    if (op == Op::Eq) return ir::mk_eq(x, y);
    return ir::mk_binary(sgn ? op : (op == Op::Slt ? Op::Ult : Op::Ule), x, y);
  }
  return op == Op::Eq ? ir::mk_eq(a, b) : ir::mk_binary(op, a, b);
}

}  // namespace

std::optional<Term> bitvector_invariant(const Term& inv, const std::vector<Term>& params, const SignedView& is_signed) {
  // Integer variable v reads as the 64-bit extension of its bit-vector; integer
  // arithmetic becomes 64-bit arithmetic (if that overflows, the certificate check fails).
  std::unordered_map<ir::VarId, Term> map;
  for (const Term& p : params) {
    if (!p.sort().is_bv()) continue;
    if (p.sort().width() > 64) return std::nullopt;
    map[p.var()] = is_signed(p.var()) ? ir::mk_sext(64 - p.sort().width(), p) : ir::mk_zext(64 - p.sort().width(), p);
  }
  std::unordered_map<ir::TermId, Term> memo;
  std::function<std::optional<Term>(const Term&)> go = [&](const Term& t) -> std::optional<Term> {
    if (auto it = memo.find(t.id()); it != memo.end()) return it->second;
    std::vector<Term> args;
    for (const Term& a : t.args()) {
      auto r = go(a);
      if (!r) return std::nullopt;
      args.push_back(*r);
    }
    Term r;
    switch (t.op()) {
      case Op::IntConst: r = ir::mk_bv(64, static_cast<std::uint64_t>(t.int_value())); break;
      case Op::Var:
        if (t.sort().is_int()) {
          auto it = map.find(t.var());
          if (it == map.end()) return std::nullopt;
          r = it->second;
        } else {
          r = t;
        }
        break;
      case Op::Lt: r = narrow_comparison(Op::Slt, args[0], args[1]); break;
      case Op::Le: r = narrow_comparison(Op::Sle, args[0], args[1]); break;
      case Op::Eq:
        r = args[0].sort().is_bv() ? narrow_comparison(Op::Eq, args[0], args[1]) : ir::mk_eq(args[0], args[1]);
        break;
      case Op::IntFloorDiv: case Op::IntFloorMod: {
        // By a positive constant c: C's truncating division, corrected toward -infinity.
        if (t.arg(1).op() != Op::IntConst || t.arg(1).int_value() <= 0) return std::nullopt;
        const Term q = ir::mk_binary(Op::SDiv, args[0], args[1]);
        const Term rem = ir::mk_binary(Op::SRem, args[0], args[1]);
        const Term negative = ir::mk_binary(Op::Slt, rem, ir::mk_bv(64, 0));
        r = t.op() == Op::IntFloorDiv ? ir::mk_ite(negative, ir::mk_binary(Op::Sub, q, ir::mk_bv(64, 1)), q)
                                      : ir::mk_ite(negative, ir::mk_binary(Op::Add, rem, args[1]), rem);
        break;
      }
      default:
        if (!t.sort().is_bool() && !t.sort().is_int()) return std::nullopt;
        r = ir::rebuild(t, args);
    }
    memo.emplace(t.id(), r);
    return r;
  };
  // Comparisons in the solver's normal form (x + -1*y <= 0) read better as x <= y.
  Term normal;
  std::function<Term(const Term&)> norm = [&](const Term& t) -> Term {
    if ((t.op() == Op::Le || t.op() == Op::Lt || (t.op() == Op::Eq && t.arg(0).sort().is_int())))
      return normalize_comparison(t);
    if (t.args().empty() || !t.sort().is_bool()) return t;
    std::vector<Term> args;
    for (const Term& a : t.args()) args.push_back(norm(a));
    return ir::rebuild(t, args);
  };
  normal = norm(inv);
  return go(normal);
}

}  // namespace verdict::engines::chc
