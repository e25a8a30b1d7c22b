#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "smt/chc.h"
#include "smt/chc_decode.h"
#include "smt/cancel_watcher.h"
#include "smt/encoder.h"

namespace verdict::smt {

namespace {

void collect(const ir::Term& t, std::map<ir::VarId, ir::Sort>& out) {
  std::vector<ir::Term> stack{t};
  std::set<ir::TermId> seen;
  while (!stack.empty()) {
    ir::Term x = stack.back();
    stack.pop_back();
    if (!seen.insert(x.id()).second) continue;
    if (x.op() == ir::Op::Var) out.emplace(x.var(), x.sort());
    for (const ir::Term& a : x.args()) stack.push_back(a);
  }
}

class HornEncoding {
 public:
  explicit HornEncoding(const HornSystem& sys) : sys_(sys), enc_(ctx_, "v") {
    for (const HornPredicate& p : sys.predicates) {
      z3::sort_vector domain(ctx_);
      for (const ir::Term& v : p.params) domain.push_back(enc_.sort(v.sort()));
      decls_.push_back(ctx_.function(p.name.c_str(), domain, ctx_.bool_sort()));
    }
  }

  z3::expr clause(const HornClause& c) {
    std::map<ir::VarId, ir::Sort> vars;
    collect(c.constraint, vars);
    for (const ir::Term& a : c.head_args) collect(a, vars);
    z3::expr body = enc_.encode(c.constraint);
    if (c.body) {
      for (const ir::Term& p : sys_.predicates[*c.body].params) collect(p, vars);
      body = apply(*c.body, sys_.predicates[*c.body].params) && body;
    }
    for (const HornApp& app : c.calls) {
      for (const ir::Term& a : app.args) collect(a, vars);
      body = apply(app.pred, app.args) && body;
    }
    z3::expr head = c.head ? apply(*c.head, c.head_args) : ctx_.bool_val(false);
    z3::expr_vector bound(ctx_);
    for (const auto& [v, s] : vars) bound.push_back(enc_.var(v, s));
    z3::expr f = z3::implies(body, head);
    return bound.empty() ? f : z3::forall(bound, f);
  }

  z3::context& ctx() { return ctx_; }
  const z3::func_decl& decl(std::size_t i) const { return decls_[i]; }

 private:
  z3::expr apply(std::size_t pred, const std::vector<ir::Term>& args) {
    z3::expr_vector a(ctx_);
    for (const ir::Term& t : args) a.push_back(enc_.encode(t));
    return decls_[pred](a);
  }

  const HornSystem& sys_;
  z3::context ctx_;
  Encoder enc_;
  std::vector<z3::func_decl> decls_;
};

/// Whether some subterm of `e` satisfies `hit` (each shared subterm visited once).
template <typename Hit>
bool any_subterm(const z3::expr& e, Hit hit) {
  std::vector<z3::expr> todo{e};
  std::set<unsigned> seen;
  while (!todo.empty()) {
    const z3::expr x = todo.back();
    todo.pop_back();
    if (!seen.insert(Z3_get_ast_id(x.ctx(), x)).second) continue;
    if (hit(x)) return true;
    if (x.is_quantifier()) todo.push_back(x.body());
    if (x.is_app())
      for (unsigned i = 0; i < x.num_args(); ++i) todo.push_back(x.arg(i));
  }
  return false;
}

bool mentions(const z3::expr& e, const z3::expr& k) {
  return any_subterm(e, [&](const z3::expr& x) { return z3::eq(x, k); });
}

/// A term s with `lhs == rhs` <=> `k == s` (k not in s), when lhs is k or a sum with k as
/// one addend (modular and mathematical sums alike).
std::optional<z3::expr> solve_for(const z3::expr& lhs, const z3::expr& rhs, const z3::expr& k) {
  if (mentions(rhs, k)) return std::nullopt;
  if (z3::eq(lhs, k)) return rhs;
  if (!lhs.is_app() || (lhs.decl().decl_kind() != Z3_OP_BADD && lhs.decl().decl_kind() != Z3_OP_ADD))
    return std::nullopt;
  std::optional<z3::expr> rest;
  bool found = false;
  for (unsigned i = 0; i < lhs.num_args(); ++i) {
    const z3::expr a = lhs.arg(i);
    if (z3::eq(a, k) && !found) {
      found = true;
    } else if (mentions(a, k)) {
      return std::nullopt;
    } else {
      rest = rest ? *rest + a : a;
    }
  }
  if (!found) return std::nullopt;
  return rest ? rhs - *rest : rhs;
}

void conjuncts(const z3::expr& e, std::vector<z3::expr>& out) {
  if (e.is_app() && e.decl().decl_kind() == Z3_OP_AND) {
    for (unsigned i = 0; i < e.num_args(); ++i) conjuncts(e.arg(i), out);
  } else {
    out.push_back(e);
  }
}

struct NotEliminated {};

/// `e` (without free de Bruijn variables) with every `exists` removed by solving its
/// variables from equalities among the body's conjuncts; throws NotEliminated.
z3::expr eliminate(const z3::expr& e) {
  if (!any_subterm(e, [](const z3::expr& x) { return x.is_quantifier(); })) return e;
  if (e.is_app()) {
    z3::expr_vector args(e.ctx());
    for (unsigned i = 0; i < e.num_args(); ++i) args.push_back(eliminate(e.arg(i)));
    return e.decl()(args);
  }
  if (!e.is_quantifier() || !e.is_exists()) throw NotEliminated{};
  const unsigned n = Z3_get_quantifier_num_bound(e.ctx(), e);
  z3::expr_vector fresh(e.ctx());
  for (unsigned i = 0; i < n; ++i) {  // de Bruijn index i is the (n-1-i)-th declared variable
    z3::sort sort(e.ctx(), Z3_get_quantifier_bound_sort(e.ctx(), e, n - 1 - i));
    fresh.push_back(e.ctx().constant(("qe!" + std::to_string(i)).c_str(), sort));
  }
  z3::expr inner = e.body();
  z3::expr body = eliminate(inner.substitute(fresh));
  for (unsigned i = 0; i < n; ++i) {
    const z3::expr k = fresh[static_cast<int>(i)];
    std::vector<z3::expr> parts;
    conjuncts(body, parts);
    std::optional<z3::expr> value;
    for (const z3::expr& c : parts) {
      if (!c.is_app() || c.decl().decl_kind() != Z3_OP_EQ) continue;
      value = solve_for(c.arg(0), c.arg(1), k);
      if (!value) value = solve_for(c.arg(1), c.arg(0), k);
      if (value) break;
    }
    if (!value) {  // k is not defined: keep what does not mention it (weaker, see below)
      z3::expr_vector kept(e.ctx());
      for (const z3::expr& c : parts)
        if (!mentions(c, k)) kept.push_back(c);
      body = kept.empty() ? e.ctx().bool_val(true) : z3::mk_and(kept);
      continue;
    }
    z3::expr_vector from(e.ctx()), to(e.ctx());
    from.push_back(k);
    to.push_back(*value);
    body = body.substitute(from, to).simplify();
  }
  for (unsigned i = 0; i < n; ++i)
    if (mentions(body, fresh[static_cast<int>(i)])) throw NotEliminated{};
  return body;
}

/// Spacer reconstructs the predicates it inlined away as projections (`exists x. ...`),
/// nearly always of variables that equalities define; those are solved and substituted
/// (an equivalence). Conjuncts about other bound variables are dropped, which only
/// weakens the formula: the result is a candidate invariant, and every certificate is
/// re-checked independently anyway. What cannot be handled is left to the decoder.
z3::expr without_existentials(const z3::expr& e, const z3::func_decl& pred) {
  if (!any_subterm(e, [](const z3::expr& x) { return x.is_quantifier(); })) return e;
  z3::context& ctx = e.ctx();
  z3::expr_vector params(ctx), vars(ctx);
  for (unsigned j = 0; j < pred.arity(); ++j) {
    params.push_back(ctx.constant(("param!" + std::to_string(j)).c_str(), pred.domain(j)));
    vars.push_back(z3::expr(ctx, Z3_mk_bound(ctx, j, pred.domain(j))));
  }
  try {
    z3::expr closed = e;
    closed = closed.substitute(params);
    z3::expr open = eliminate(closed);
    return open.substitute(params, vars);
  } catch (const NotEliminated&) {
    return e;
  }
}

HornResult read_solution(const HornSystem& sys, HornEncoding& h, const z3::model& m) {
  HornResult out;
  for (std::size_t i = 0; i < sys.predicates.size(); ++i) {
    const z3::func_decl& f = h.decl(i);
    std::optional<ir::Term> t;
    std::string why;
    if (f.arity() == 0) {
      z3::expr v = m.eval(f(), true);
      t = decode_z3(v, {}, why);
    } else if (m.has_interp(f)) {
      z3::func_interp fi = m.get_func_interp(f);
      if (fi.num_entries() != 0) {
        out.reason = "interpretation with explicit entries";
        return out;
      }
      t = decode_z3(without_existentials(fi.else_value(), f), sys.predicates[i].params, why);
    } else {
      t = ir::mk_false();  // no interpretation: the predicate may be false
    }
    if (!t) {
      out.reason = "cannot read back Spacer's invariant: " + why;
      return out;
    }
    out.solution.push_back(*t);
  }
  out.status = SatResult::Sat;
  return out;
}

/// Query logging: with VERDICT_SMT2_LOG=DIR set, each system is written to DIR as SMT-LIB.
void log_system(const HornSystem& system) {
  const char* dir = std::getenv("VERDICT_SMT2_LOG");
  if (dir == nullptr) return;
  static std::atomic<unsigned> counter{0};
  std::ofstream(std::string(dir) + "/horn-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".smt2")
      << horn_to_smt2(system) << "(check-sat)\n";
}

}  // namespace

HornResult solve_horn(const HornSystem& system, const support::Deadline& deadline, double budget_s) {
  HornResult out;
  log_system(system);
  try {
    HornEncoding h(system);
    z3::solver s(h.ctx(), "HORN");
    z3::params p(h.ctx());
    // The time limit is the watcher's interrupt below (deadline and budget), not Z3's
    // "timeout" parameter (see z3_solver.cpp).
    p.set("fp.engine", "spacer");
    s.set(p);
    for (const HornClause& c : system.clauses) {
      if (deadline.expired()) {
        out.reason = "timeout while encoding the clauses";
        return out;
      }
      s.add(h.clause(c));
    }
    z3::check_result r;
    {
      CancelWatcher watcher(h.ctx(), deadline, budget_s);
      r = deadline.expired() ? z3::unknown : s.check();
    }
    if (r == z3::unsat) {
      out.status = SatResult::Unsat;
      return out;
    }
    if (r == z3::unknown) {
      out.reason = deadline.expired() ? "timeout" : s.reason_unknown();
      if (out.reason == "canceled") out.reason = "time budget used up";
      return out;
    }
    return read_solution(system, h, s.get_model());
  } catch (const z3::exception& e) {
    out.reason = std::string("z3: ") + e.msg();
    return out;
  } catch (const std::exception& e) {  // Spacer has let library exceptions escape
    out.reason = std::string("internal error in Z3's Spacer: ") + e.what();
    return out;
  }
}

std::string horn_to_smt2(const HornSystem& system) {
  HornEncoding h(system);
  z3::solver s(h.ctx(), "HORN");
  for (const HornClause& c : system.clauses) s.add(h.clause(c));
  return "(set-logic HORN)\n" + s.to_smt2();
}

}  // namespace verdict::smt
