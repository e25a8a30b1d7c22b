#include "engines/invariants/interval_analysis.h"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>

#include "ir/graph.h"
#include "engines/invariants/interval_domain.h"
#include "transform/term_rewrite.h"

namespace verdict::engines::invariants {

using ir::Op;
using ir::Term;
using ir::VarId;

namespace {

/// Abstract state at a location: ranges of bit-vector variables, values of boolean ones,
/// and boolean temporaries' defining terms on the current path (missing: top).
struct AbsState {
  std::map<VarId, BvRange> ranges;
  std::map<VarId, bool> bools;
  std::map<VarId, Term> defs;
  bool bottom = false;

  bool operator==(const AbsState& o) const {
    if (bottom != o.bottom || ranges != o.ranges || bools != o.bools || defs.size() != o.defs.size())
      return false;
    for (const auto& [v, t] : defs) {
      auto it = o.defs.find(v);
      if (it == o.defs.end() || !it->second.same(t)) return false;
    }
    return true;
  }
};

bool tracked(const Term& t) { return t.sort().is_bv() && t.sort().width() <= 64; }

AbsState join_states(const AbsState& a, const AbsState& b, bool keep_defs) {
  if (a.bottom) return b;
  if (b.bottom) return a;
  AbsState r;
  for (const auto& [v, x] : a.ranges)
    if (auto it = b.ranges.find(v); it != b.ranges.end()) {
      BvRange j = join(x, it->second);
      if (!j.is_top()) r.ranges.emplace(v, j);
    }
  for (const auto& [v, x] : a.bools)
    if (auto it = b.bools.find(v); it != b.bools.end() && it->second == x) r.bools.emplace(v, x);
  if (keep_defs)
    for (const auto& [v, t] : a.defs)
      if (auto it = b.defs.find(v); it != b.defs.end() && it->second.same(t)) r.defs.emplace(v, t);
  return r;
}

AbsState widen_states(const AbsState& old, const AbsState& next, const std::vector<i128>& thresholds) {
  if (old.bottom) return next;
  AbsState r = join_states(old, next, false);
  for (auto& [v, x] : r.ranges) {
    auto o = old.ranges.find(v);
    if (o != old.ranges.end()) x = widen(o->second, x, thresholds);
  }
  std::erase_if(r.ranges, [](const auto& e) { return e.second.is_top(); });
  return r;
}

AbsState meet_states(const AbsState& a, const AbsState& b) {
  if (a.bottom || b.bottom) return AbsState{{}, {}, {}, true};
  AbsState r = a;
  for (const auto& [v, x] : b.ranges) {
    auto it = r.ranges.find(v);
    if (it == r.ranges.end()) {
      r.ranges.emplace(v, x);
      continue;
    }
    auto m = meet(it->second, x);
    if (!m) return AbsState{{}, {}, {}, true};
    it->second = *m;
  }
  for (const auto& [v, x] : b.bools) {
    auto it = r.bools.find(v);
    if (it != r.bools.end() && it->second != x) return AbsState{{}, {}, {}, true};
    r.bools[v] = x;
  }
  r.defs.clear();
  return r;
}

/// Evaluation and refinement of terms in one abstract state.
class Evaluator {
 public:
  Evaluator(AbsState& s, const EngineLimits& limits) : s_(s), limits_(limits) {}

  BvRange range(const Term& t);
  int truth(const Term& t);  // 1, 0 or -1 (unknown)
  int truth_uncached(const Term& t);
  void refine(const Term& cond, bool want, int depth = 0);

 private:
  void restrict(const Term& t, const std::optional<BvRange>& r, int depth);
  void refine_comparison(const Term& cond, bool want, int depth);

  AbsState& s_;
  const EngineLimits& limits_;
  std::unordered_map<ir::TermId, BvRange> memo_;
  std::unordered_map<ir::TermId, int> truth_memo_;
  unsigned depth_ = 0;  // recursion guard for deep straight-line terms
};

BvRange Evaluator::range(const Term& t) {
  const unsigned w = t.sort().width();
  if (auto it = memo_.find(t.id()); it != memo_.end()) return it->second;
  BvRange r = BvRange::top(w);
  if (depth_ > limits_.interval_max_term_depth) return r;
  ++depth_;
  struct Leave {
    unsigned& d;
    ~Leave() { --d; }
  } leave{depth_};
  bool args_ok = true;
  for (const Term& a : t.args())
    if (a.sort().is_bv() && a.sort().width() > 64) args_ok = false;
  if (args_ok) {
    switch (t.op()) {
      case Op::BvConst: r = BvRange::constant(w, t.bits()); break;
      case Op::Var:
        if (auto it = s_.ranges.find(t.var()); it != s_.ranges.end()) r = it->second;
        break;
      case Op::Ite: {
        const int c = truth(t.arg(0));
        r = c == 1 ? range(t.arg(1)) : c == 0 ? range(t.arg(2)) : join(range(t.arg(1)), range(t.arg(2)));
        break;
      }
      case Op::Neg: case Op::BvNot: r = abstract_unary(t.op(), range(t.arg(0))); break;
      case Op::ZeroExt: case Op::SignExt:
        r = abstract_extend(t.op() == Op::SignExt, t.ext_amount(), range(t.arg(0)));
        break;
      case Op::Extract: r = abstract_extract(t.hi(), t.lo(), range(t.arg(0))); break;
      default:
        if (t.args().size() == 2 && t.arg(0).sort().is_bv())
          r = abstract_binary(t.op(), range(t.arg(0)), range(t.arg(1)));
    }
  }
  memo_.emplace(t.id(), r);
  return r;
}

int Evaluator::truth(const Term& t) {
  if (auto it = truth_memo_.find(t.id()); it != truth_memo_.end()) return it->second;
  const int r = truth_uncached(t);
  truth_memo_.emplace(t.id(), r);
  return r;
}

int Evaluator::truth_uncached(const Term& t) {
  if (depth_ > limits_.interval_max_term_depth) return -1;
  ++depth_;
  struct Leave {
    unsigned& d;
    ~Leave() { --d; }
  } leave{depth_};
  switch (t.op()) {
    case Op::BoolConst: return t.bool_value() ? 1 : 0;
    case Op::Var: {
      auto it = s_.bools.find(t.var());
      return it == s_.bools.end() ? -1 : (it->second ? 1 : 0);
    }
    case Op::Not: {
      const int a = truth(t.arg(0));
      return a < 0 ? -1 : 1 - a;
    }
    case Op::And: {
      const int a = truth(t.arg(0)), b = truth(t.arg(1));
      return (a == 0 || b == 0) ? 0 : (a == 1 && b == 1) ? 1 : -1;
    }
    case Op::Or: {
      const int a = truth(t.arg(0)), b = truth(t.arg(1));
      return (a == 1 || b == 1) ? 1 : (a == 0 && b == 0) ? 0 : -1;
    }
    case Op::Ult: case Op::Ule: case Op::Slt: case Op::Sle: case Op::Eq:
      if (tracked(t.arg(0))) return compare(t.op(), range(t.arg(0)), range(t.arg(1)));
      return -1;
    default: return -1;
  }
}

void Evaluator::restrict(const Term& t, const std::optional<BvRange>& r, int depth) {
  if (!r) {
    s_.bottom = true;
    return;
  }
  memo_.clear();
  truth_memo_.clear();
  if (t.op() == Op::Var) {
    auto m = meet(range(t), *r);
    if (!m) s_.bottom = true;
    else s_.ranges[t.var()] = *m;
  } else if (t.op() == Op::BvConst) {
    if (!meet(range(t), *r)) s_.bottom = true;
  } else if ((t.op() == Op::ZeroExt || t.op() == Op::SignExt) && tracked(t.arg(0))) {
    const unsigned w = t.arg(0).sort().width();
    auto inner = t.op() == Op::ZeroExt ? BvRange::from_unsigned(w, r->ulo, r->uhi)
                                       : BvRange::from_signed(w, r->slo, r->shi);
    restrict(t.arg(0), inner, depth);
  } else if ((t.op() == Op::Add || t.op() == Op::Sub) && t.arg(1).op() == Op::BvConst) {
    // x + c in r  <=>  x in r - c (modular; only when the shifted range does not wrap)
    const BvRange c = BvRange::constant(t.sort().width(), t.arg(1).bits());
    const BvRange back = abstract_binary(t.op() == Op::Add ? Op::Sub : Op::Add, *r, c);
    if (!back.is_top()) restrict(t.arg(0), back, depth);
  }
  memo_.clear();
  truth_memo_.clear();
}

void Evaluator::refine_comparison(const Term& cond, bool want, int depth) {
  const Term& x = cond.arg(0);
  const Term& y = cond.arg(1);
  if (!tracked(x)) return;
  const BvRange a = range(x), b = range(y);
  const unsigned w = a.width;
  Op op = cond.op();
  if (op == Op::Eq) {
    if (want) {
      restrict(x, meet(a, b), depth);
      restrict(y, meet(a, b), depth);
    } else if (b.is_constant() || a.is_constant()) {
      const bool bc = b.is_constant();
      const BvRange& k = bc ? b : a;
      const BvRange& o = bc ? a : b;
      std::optional<BvRange> r = o;
      if (o.ulo == k.ulo) r = BvRange::from_unsigned(w, o.ulo + 1, o.uhi);
      else if (o.uhi == k.ulo) r = BvRange::from_unsigned(w, o.ulo, o.uhi - 1);
      if (r && o.slo == k.slo) r = meet(*r, *BvRange::from_signed(w, o.slo + 1, o.shi));
      else if (r && o.shi == k.slo) r = meet(*r, *BvRange::from_signed(w, o.slo, o.shi - 1));
      restrict(bc ? x : y, r, depth);
    }
    return;
  }
  // Normalise to x < y or x <= y (strict), swapping for the negation.
  const bool is_unsigned = op == Op::Ult || op == Op::Ule;
  bool strict = op == Op::Ult || op == Op::Slt;
  const Term* lo_t = &x;
  const Term* hi_t = &y;
  BvRange lo = a, hi = b;
  if (!want) {  // !(x < y) == y <= x ; !(x <= y) == y < x
    std::swap(lo_t, hi_t);
    std::swap(lo, hi);
    strict = !strict;
  }
  const i128 d = strict ? 1 : 0;
  if (is_unsigned) {
    restrict(*lo_t, BvRange::from_unsigned(w, 0, hi.uhi - d), depth);
    restrict(*hi_t, BvRange::from_unsigned(w, lo.ulo + d, lo.umax()), depth);
  } else {
    restrict(*lo_t, BvRange::from_signed(w, lo.smin(), hi.shi - d), depth);
    restrict(*hi_t, BvRange::from_signed(w, lo.slo + d, lo.smax()), depth);
  }
}

void Evaluator::refine(const Term& cond, bool want, int depth) {
  if (s_.bottom || depth > static_cast<int>(limits_.interval_refine_depth)) return;
  switch (cond.op()) {
    case Op::BoolConst:
      if (cond.bool_value() != want) s_.bottom = true;
      return;
    case Op::Not: refine(cond.arg(0), !want, depth + 1); return;
    case Op::And: case Op::Or: {
      const bool conj = cond.op() == Op::And;
      if (conj == want) {  // both sides have the wanted value
        refine(cond.arg(0), want, depth + 1);
        refine(cond.arg(1), want, depth + 1);
      } else if (truth(cond.arg(0)) == (want ? 0 : 1)) {
        refine(cond.arg(1), want, depth + 1);
      } else if (truth(cond.arg(1)) == (want ? 0 : 1)) {
        refine(cond.arg(0), want, depth + 1);
      }
      return;
    }
    case Op::Var: {
      auto it = s_.bools.find(cond.var());
      if (it != s_.bools.end() && it->second != want) {
        s_.bottom = true;
        return;
      }
      s_.bools[cond.var()] = want;
      if (auto d = s_.defs.find(cond.var()); d != s_.defs.end()) {
        const Term def = d->second;
        refine(def, want, depth + 1);
      }
      return;
    }
    case Op::Ult: case Op::Ule: case Op::Slt: case Op::Sle: case Op::Eq:
      refine_comparison(cond, want, depth);
      return;
    default: return;
  }
}

void forget(AbsState& s, VarId v) {
  s.ranges.erase(v);
  s.bools.erase(v);
  s.defs.erase(v);
  std::erase_if(s.defs, [v](const auto& e) {
    std::set<VarId> vars;
    transform::collect_vars(e.second, vars);
    return vars.count(v) > 0;
  });
}

void assign(AbsState& s, const ir::Program& p, VarId v, const Term& t, const EngineLimits& limits) {
  Evaluator ev(s, limits);
  std::optional<BvRange> r;
  int b = -1;
  if (tracked(t)) r = ev.range(t);
  if (t.sort().is_bool()) b = ev.truth(t);
  forget(s, v);
  if (r && !r->is_top()) s.ranges[v] = *r;
  if (b >= 0) s.bools[v] = b == 1;
  if (t.sort().is_bool()) {
    std::set<VarId> vars;
    transform::collect_vars(t, vars);
    if (!vars.count(v)) s.defs[v] = t;
  }
}

AbsState post(const ir::Edge& e, const ir::Program& p, AbsState s, const EngineLimits& limits) {
  for (const ir::Stmt& st : e.body) {
    if (s.bottom) break;
    switch (st.kind) {
      case ir::Stmt::Kind::Assign: assign(s, p, st.var, st.term, limits); break;
      case ir::Stmt::Kind::Havoc: forget(s, st.var); break;
      case ir::Stmt::Kind::Call:
        for (VarId out : st.outs) forget(s, out);
        break;
      case ir::Stmt::Kind::Assume:
      case ir::Stmt::Kind::Check: {
        Evaluator ev(s, limits);
        ev.refine(st.term, true);
        break;
      }
    }
  }
  return s;
}

}  // namespace

namespace {

class Fixpoint {
 public:
  Fixpoint(const ir::Program& p, const std::vector<ir::LocId>& cuts, const support::Deadline& d,
           const EngineLimits& limits)
      : p_(p), deadline_(d), limits_(limits), is_cut_(p.locs.size(), false), visits_(p.locs.size(), 0),
        states_(p.locs.size()) {
    for (ir::LocId l : cuts) is_cut_[l] = true;
    order_ = reverse_postorder();
    thresholds_ = program_constants();
  }

  bool solve();
  bool narrow();
  const std::optional<AbsState>& state(ir::LocId l) const { return states_[l]; }
  std::size_t visits() const { return edge_visits_; }

 private:
  std::vector<std::size_t> reverse_postorder() const;
  std::vector<i128> program_constants() const;
  std::vector<i128> thresholds_;

  const ir::Program& p_;
  const support::Deadline& deadline_;
  const EngineLimits& limits_;
  std::vector<bool> is_cut_;
  std::vector<unsigned> visits_;
  std::vector<std::optional<AbsState>> states_;
  std::vector<std::size_t> order_;  // rank per location
  std::size_t edge_visits_ = 0;
};

std::vector<std::size_t> Fixpoint::reverse_postorder() const {
  const std::vector<ir::LocId> post = ir::dfs_postorder(p_, p_.init);
  std::vector<std::size_t> rank(p_.locs.size(), p_.locs.size());
  for (std::size_t i = 0; i < post.size(); ++i) rank[post[post.size() - 1 - i]] = i;
  return rank;
}

std::vector<i128> Fixpoint::program_constants() const {
  // Widening thresholds: every small bit-vector constant c of the program's statements
  // (read both as signed and unsigned) and c +- 1.
  std::set<i128> out;
  std::set<ir::TermId> seen;
  for (const ir::Edge& e : p_.edges)
    for (const ir::Stmt& st : e.body) {
      if (!st.term.valid()) continue;
      std::vector<Term> stack{st.term};
      while (!stack.empty() && out.size() < limits_.interval_max_thresholds) {
        Term t = stack.back();
        stack.pop_back();
        if (!seen.insert(t.id()).second) continue;
        if (t.op() == Op::BvConst && t.sort().width() <= 64) {
          for (i128 c : {static_cast<i128>(t.bits()), static_cast<i128>(ir::to_signed(t.bits(), t.sort().width()))})
            for (i128 d : {-1, 0, 1}) out.insert(c + d);
        }
        for (const Term& a : t.args()) stack.push_back(a);
      }
    }
  return {out.begin(), out.end()};
}

bool Fixpoint::solve() {
  states_[p_.init] = AbsState{};
  std::set<std::pair<std::size_t, ir::LocId>> work{{order_[p_.init], p_.init}};
  while (!work.empty()) {
    if (deadline_.expired() || edge_visits_ > limits_.interval_max_edge_visits) return false;
    const ir::LocId loc = work.begin()->second;
    work.erase(work.begin());
    for (std::size_t ei : p_.outgoing(loc)) {
      ++edge_visits_;
      const ir::Edge& e = p_.edges[ei];
      AbsState next = post(e, p_, *states_[loc], limits_);
      if (next.bottom) continue;
      if (is_cut_[e.to]) next.defs.clear();
      std::optional<AbsState>& old = states_[e.to];
      AbsState merged = old ? join_states(*old, next, !is_cut_[e.to]) : next;
      if (old && is_cut_[e.to] && ++visits_[e.to] > 2) {
        // Thresholds first; after many more updates straight to the extremes (termination).
        merged = widen_states(*old, merged, visits_[e.to] > limits_.interval_threshold_widenings ? std::vector<i128>{} : thresholds_);
      }
      if (old && merged == *old) continue;
      old = std::move(merged);
      work.emplace(order_[e.to], e.to);
    }
  }
  return true;
}

bool Fixpoint::narrow() {
  std::vector<ir::LocId> locs;
  for (ir::LocId l = 0; l < p_.locs.size(); ++l)
    if (states_[l] && l != p_.init) locs.push_back(l);
  std::sort(locs.begin(), locs.end(), [&](ir::LocId a, ir::LocId b) { return order_[a] < order_[b]; });
  std::vector<std::vector<std::size_t>> incoming(p_.locs.size());
  for (std::size_t i = 0; i < p_.edges.size(); ++i) incoming[p_.edges[i].to].push_back(i);
  for (int pass = 0; pass < 2; ++pass) {
    for (ir::LocId l : locs) {
      if (deadline_.expired()) return false;
      AbsState acc{{}, {}, {}, true};
      for (std::size_t ei : incoming[l]) {
        const ir::Edge& e = p_.edges[ei];
        if (!states_[e.from]) continue;
        AbsState next = post(e, p_, *states_[e.from], limits_);
        ++edge_visits_;
        acc = join_states(acc, next, !is_cut_[l]);
      }
      if (is_cut_[l]) acc.defs.clear();
      AbsState m = meet_states(*states_[l], acc);
      if (!is_cut_[l]) m.defs = states_[l]->defs;  // keep path definitions (sound: old state's)
      states_[l] = std::move(m);
    }
  }
  return true;
}

Term range_invariant(const Term& v, const BvRange& r) {
  const unsigned w = r.width;
  const BvRange t = BvRange::top(w);
  std::vector<Term> parts;
  auto bv = [w](i128 x) { return ir::mk_bv(w, static_cast<std::uint64_t>(x)); };
  if (r.slo != t.slo) parts.push_back(ir::mk_binary(Op::Sle, bv(r.slo), v));
  if (r.shi != t.shi) parts.push_back(ir::mk_binary(Op::Sle, v, bv(r.shi)));
  // The unsigned view adds something only when the signed one does not already imply it.
  const bool implied = (r.slo >= 0 || r.shi < 0);
  if (!implied) {
    if (r.ulo != t.ulo) parts.push_back(ir::mk_binary(Op::Ule, bv(r.ulo), v));
    if (r.uhi != t.uhi) parts.push_back(ir::mk_binary(Op::Ule, v, bv(r.uhi)));
  }
  return ir::mk_and(parts);
}

}  // namespace

IntervalResult interval_invariants(const ir::Program& program, const std::vector<ir::LocId>& cut_points,
                                   const std::vector<std::vector<bool>>& live,
                                   const support::Deadline& deadline, const EngineLimits& limits) {
  IntervalResult out;
  // Procedure bodies are not reached from init by edges: their states would read as
  // unreachable. The analysis is intraprocedural, so modular programs get nothing.
  if (!program.procedures.empty()) return out;
  Fixpoint fp(program, cut_points, deadline, limits);
  if (!fp.solve() || !fp.narrow()) {
    out.edge_visits = fp.visits();
    return out;
  }
  out.completed = true;
  out.edge_visits = fp.visits();
  for (ir::LocId l : cut_points) {
    if (l == program.init) continue;
    const auto& s = fp.state(l);
    if (!s || s->bottom) {
      out.invariants[l] = ir::mk_false();
      continue;
    }
    std::vector<Term> parts;
    for (const auto& [v, r] : s->ranges)
      if (live.empty() || live.at(l).at(v)) parts.push_back(range_invariant(program.var_term(v), r));
    for (const auto& [v, b] : s->bools)
      if (live.empty() || live.at(l).at(v)) parts.push_back(b ? program.var_term(v) : ir::mk_not(program.var_term(v)));
    Term inv = ir::mk_and(parts);
    if (!inv.is_true()) out.invariants[l] = inv;
  }
  return out;
}

}  // namespace verdict::engines::invariants
