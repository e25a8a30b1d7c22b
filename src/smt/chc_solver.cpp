#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
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
  std::set<const void*> seen;
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
      t = decode_z3(fi.else_value(), sys.predicates[i].params, why);
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

}  // namespace

HornResult solve_horn(const HornSystem& system, const support::Deadline& deadline, double budget_s) {
  HornResult out;
  try {
    HornEncoding h(system);
    z3::solver s(h.ctx(), "HORN");
    z3::params p(h.ctx());
    unsigned ms = std::max(1u, deadline.remaining_ms());
    if (budget_s > 0) ms = std::min(ms, static_cast<unsigned>(budget_s * 1000) + 1);
    p.set("timeout", ms);
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
  }
}

std::string horn_to_smt2(const HornSystem& system) {
  HornEncoding h(system);
  z3::solver s(h.ctx(), "HORN");
  for (const HornClause& c : system.clauses) s.add(h.clause(c));
  return "(set-logic HORN)\n" + s.to_smt2();
}

}  // namespace verdict::smt
