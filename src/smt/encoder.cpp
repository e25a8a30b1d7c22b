#include "smt/encoder.h"

#include "support/invariant.h"

namespace verdict::smt {

using ir::Op;

z3::sort Encoder::sort(const ir::Sort& s) {
  switch (s.kind()) {
    case ir::Sort::Kind::Bool: return ctx_.bool_sort();
    case ir::Sort::Kind::BitVec: return ctx_.bv_sort(s.width());
    case ir::Sort::Kind::Int: return ctx_.int_sort();
    case ir::Sort::Kind::Array: return ctx_.array_sort(sort(s.index()), sort(s.element()));
  }
  VERDICT_UNREACHABLE("unknown sort kind");
}

void Encoder::bind(ir::VarId v, const z3::expr& e) {
  vars_.insert_or_assign(v, e);
  cache_.clear();
  keep_alive_.clear();
}

z3::expr Encoder::var(ir::VarId v, const ir::Sort& s) {
  auto it = vars_.find(v);
  if (it != vars_.end()) {
    VERDICT_INVARIANT(z3::eq(it->second.get_sort(), sort(s)), "variable " + std::to_string(v) + " used at two sorts");
    return it->second;
  }
  z3::expr c = ctx_.constant((prefix_ + std::to_string(v)).c_str(), sort(s));
  vars_.emplace(v, c);
  return c;
}

z3::expr Encoder::encode(const ir::Term& root) {
  if (auto it = cache_.find(root.id()); it != cache_.end()) return it->second;
  // Post-order without recursion: BMC terms can be thousands of levels deep.
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
    std::vector<z3::expr> args;
    args.reserve(t.args().size());
    for (const ir::Term& a : t.args()) args.push_back(cache_.at(a.id()));
    cache_.emplace(t.id(), build(t, args));
    keep_alive_.push_back(t);
  }
  return cache_.at(root.id());
}

namespace {

z3::expr floor_div(const z3::expr& a, const z3::expr& b) {
  // SMT-LIB div rounds towards -inf for positive divisors; flip signs for negative ones.
  return z3::ite(b >= 0, a / b, (-a) / (-b));
}

z3::expr to_bool(z3::context& ctx, Z3_ast a) { return z3::to_expr(ctx, a); }

}  // namespace

z3::expr Encoder::build(const ir::Term& t, const std::vector<z3::expr>& a) {
  z3::context& c = ctx_;
  switch (t.op()) {
    case Op::BoolConst: return c.bool_val(t.bool_value());
    case Op::BvConst: return c.bv_val(static_cast<std::uint64_t>(t.bits()), t.sort().width());
    case Op::IntConst: return c.int_val(static_cast<std::int64_t>(t.int_value()));
    case Op::Var: return var(t.var(), t.sort());
    case Op::Not: return !a[0];
    case Op::And: return a[0] && a[1];
    case Op::Or: return a[0] || a[1];
    case Op::Implies: return z3::implies(a[0], a[1]);
    case Op::Ite: return z3::ite(a[0], a[1], a[2]);
    case Op::Eq: return a[0] == a[1];
    case Op::Add: return a[0] + a[1];
    case Op::Sub: return a[0] - a[1];
    case Op::Mul: return a[0] * a[1];
    case Op::Neg: return -a[0];
    case Op::UDiv: return z3::udiv(a[0], a[1]);
    case Op::URem: return z3::urem(a[0], a[1]);
    case Op::SDiv: return z3::to_expr(c, Z3_mk_bvsdiv(c, a[0], a[1]));
    case Op::SRem: return z3::srem(a[0], a[1]);
    case Op::Shl: return z3::shl(a[0], a[1]);
    case Op::LShr: return z3::lshr(a[0], a[1]);
    case Op::AShr: return z3::ashr(a[0], a[1]);
    case Op::BvAnd: return a[0] & a[1];
    case Op::BvOr: return a[0] | a[1];
    case Op::BvXor: return a[0] ^ a[1];
    case Op::BvNot: return ~a[0];
    case Op::Ult: return to_bool(c, Z3_mk_bvult(c, a[0], a[1]));
    case Op::Ule: return to_bool(c, Z3_mk_bvule(c, a[0], a[1]));
    case Op::Slt: return to_bool(c, Z3_mk_bvslt(c, a[0], a[1]));
    case Op::Sle: return to_bool(c, Z3_mk_bvsle(c, a[0], a[1]));
    case Op::Extract: return a[0].extract(t.hi(), t.lo());
    case Op::ZeroExt: return z3::zext(a[0], t.ext_amount());
    case Op::SignExt: return z3::sext(a[0], t.ext_amount());
    case Op::Concat: return z3::concat(a[0], a[1]);
    case Op::IntFloorDiv: return floor_div(a[0], a[1]);
    case Op::IntFloorMod: return a[0] - a[1] * floor_div(a[0], a[1]);
    case Op::Lt: return a[0] < a[1];
    case Op::Le: return a[0] <= a[1];
    case Op::Select: return z3::select(a[0], a[1]);
    case Op::Store: return z3::store(a[0], a[1], a[2]);
    case Op::ConstArray: return z3::const_array(sort(t.sort().index()), a[0]);
  }
  VERDICT_UNREACHABLE("unknown operator");
}

namespace {

std::optional<std::uint64_t> scalar_bits(const z3::expr& v, const ir::Sort& s) {
  if (s.is_bool()) {
    if (v.is_true()) return 1;
    if (v.is_false()) return 0;
    return std::nullopt;
  }
  std::uint64_t u = 0;
  if (s.is_bv() && v.is_numeral_u64(u)) return u;
  return std::nullopt;
}

bool fill_array(const z3::expr& v, const ir::Sort& s, const z3::model& model, ir::ArrayValue& out) {
  if (!v.is_app()) return false;
  switch (v.decl().decl_kind()) {
    case Z3_OP_CONST_ARRAY: {
      auto d = scalar_bits(v.arg(0), s.element());
      if (!d) return false;
      out.default_bits = *d;
      return true;
    }
    case Z3_OP_STORE: {
      if (!fill_array(v.arg(0), s, model, out)) return false;
      auto i = scalar_bits(v.arg(1), s.index());
      auto e = scalar_bits(v.arg(2), s.element());
      if (!i || !e) return false;
      out.entries[*i] = *e;
      return true;
    }
    case Z3_OP_AS_ARRAY: {
      z3::func_decl f(v.ctx(), Z3_get_as_array_func_decl(v.ctx(), v));
      if (!model.has_interp(f)) return false;
      z3::func_interp fi = model.get_func_interp(f);
      auto d = scalar_bits(fi.else_value(), s.element());
      if (!d) return false;
      out.default_bits = *d;
      for (unsigned k = 0; k < fi.num_entries(); ++k) {
        auto i = scalar_bits(fi.entry(k).arg(0), s.index());
        auto e = scalar_bits(fi.entry(k).value(), s.element());
        if (!i || !e) return false;
        out.entries.emplace(*i, *e);  // the first entry for an index wins
      }
      return true;
    }
    default: return false;
  }
}

}  // namespace

std::optional<ir::Value> to_value(const z3::expr& v, const ir::Sort& s, const z3::model& model) {
  switch (s.kind()) {
    case ir::Sort::Kind::Bool:
    case ir::Sort::Kind::BitVec: {
      auto b = scalar_bits(v, s);
      if (!b) return std::nullopt;
      return s.is_bool() ? ir::Value::of_bool(*b != 0) : ir::Value::of_bv(s.width(), *b);
    }
    case ir::Sort::Kind::Int: {
      std::int64_t i = 0;
      if (!v.is_numeral_i64(i)) return std::nullopt;
      return ir::Value::of_int(i);
    }
    case ir::Sort::Kind::Array: {
      if (!s.index().is_bv() || !(s.element().is_bv() || s.element().is_bool())) return std::nullopt;
      ir::ArrayValue contents;
      if (!fill_array(v, s, model, contents)) return std::nullopt;
      return ir::Value::of_array(s, std::move(contents));
    }
  }
  return std::nullopt;
}

}  // namespace verdict::smt
