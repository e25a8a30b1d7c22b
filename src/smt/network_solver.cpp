#include <z3++.h>

#include <unordered_map>

#include "smt/network_formula.h"

namespace verdict::smt {

// ---- building (constant folding keeps the formulas the solver sees small) ----

namespace {
NetRef make(NetKind k, std::vector<NetRef> kids = {}) {
  auto f = std::make_shared<NetFormula>();
  f->kind = k;
  f->kids = std::move(kids);
  return f;
}
}  // namespace

NetRef net_true() {
  static const NetRef t = make(NetKind::True);
  return t;
}
NetRef net_false() {
  static const NetRef f = make(NetKind::False);
  return f;
}
bool net_is_false(const NetRef& f) { return f->kind == NetKind::False; }
bool net_is_true(const NetRef& f) { return f->kind == NetKind::True; }

NetRef net_and(std::vector<NetRef> kids) {
  std::vector<NetRef> keep;
  for (auto& k : kids) {
    if (net_is_false(k)) return net_false();
    if (!net_is_true(k)) keep.push_back(std::move(k));
  }
  if (keep.empty()) return net_true();
  if (keep.size() == 1) return keep[0];
  return make(NetKind::And, std::move(keep));
}

NetRef net_or(std::vector<NetRef> kids) {
  std::vector<NetRef> keep;
  for (auto& k : kids) {
    if (net_is_true(k)) return net_true();
    if (!net_is_false(k)) keep.push_back(std::move(k));
  }
  if (keep.empty()) return net_false();
  if (keep.size() == 1) return keep[0];
  return make(NetKind::Or, std::move(keep));
}

NetRef net_not(const NetRef& f) {
  if (net_is_true(f)) return net_false();
  if (net_is_false(f)) return net_true();
  if (f->kind == NetKind::Not) return f->kids[0];
  return make(NetKind::Not, {f});
}

NetRef net_in_range(const std::string& var, unsigned width, std::uint64_t lo, std::uint64_t hi) {
  const std::uint64_t max = width >= 64 ? ~0ull : (1ull << width) - 1;
  if (lo > hi || lo > max) return net_false();
  if (lo == 0 && hi >= max) return net_true();
  auto f = std::make_shared<NetFormula>();
  f->kind = NetKind::InRange;
  f->var = var;
  f->width = width;
  f->lo = lo;
  f->hi = std::min(hi, max);
  return f;
}

// ---- solving ----

constexpr std::size_t kMaxMemo = 200000;

struct NetSolver::Impl {
  z3::context ctx;
  z3::solver solver{ctx};
  std::map<std::string, std::pair<z3::expr, unsigned>> vars;
  // Translations, kept across queries; each entry holds its formula so that the address it is
  // keyed by is never reused by another formula while the entry exists.
  std::unordered_map<const NetFormula*, std::pair<NetRef, z3::expr>> memo;

  z3::expr var(const std::string& name, unsigned width) {
    auto it = vars.find(name);
    if (it == vars.end()) it = vars.emplace(name, std::make_pair(ctx.bv_const(name.c_str(), width), width)).first;
    return it->second.first;
  }

  z3::expr encode(const NetRef& f) {
    auto it = memo.find(f.get());
    if (it != memo.end()) return it->second.second;
    z3::expr e = ctx.bool_val(true);
    switch (f->kind) {
      case NetKind::True: break;
      case NetKind::False: e = ctx.bool_val(false); break;
      case NetKind::Not: e = !encode(f->kids[0]); break;
      case NetKind::And:
      case NetKind::Or: {
        z3::expr_vector v(ctx);
        for (const auto& k : f->kids) v.push_back(encode(k));
        e = f->kind == NetKind::And ? z3::mk_and(v) : z3::mk_or(v);
        break;
      }
      case NetKind::InRange: {
        const z3::expr x = var(f->var, f->width);
        if (f->lo == f->hi) e = x == ctx.bv_val(f->lo, f->width);
        else e = z3::uge(x, ctx.bv_val(f->lo, f->width)) && z3::ule(x, ctx.bv_val(f->hi, f->width));
        break;
      }
    }
    if (memo.size() > kMaxMemo) memo.clear();  // bounded memory over many queries
    memo.emplace(f.get(), std::make_pair(f, e));
    return e;
  }
};

NetSolver::NetSolver(unsigned timeout_ms) : impl_(std::make_unique<Impl>()) {
  z3::params p(impl_->ctx);
  p.set("timeout", timeout_ms);
  impl_->solver.set(p);
}

NetSolver::~NetSolver() = default;

void NetSolver::add_background(const NetRef& f) { impl_->solver.add(impl_->encode(f)); }

NetSolveResult NetSolver::check(const NetRef& f, const std::vector<NetRef>& preferences) {
  NetSolveResult out;
  Impl& m = *impl_;
  m.solver.push();
  unsigned scopes = 1;
  m.solver.add(m.encode(f));
  const z3::check_result r = m.solver.check();
  if (r == z3::unknown) {
    out.reason = "solver: " + m.solver.reason_unknown();
  } else if (r == z3::unsat) {
    out.status = NetSat::Unsat;
  } else {
    for (const auto& p : preferences) {
      m.solver.push();
      m.solver.add(m.encode(p));
      if (m.solver.check() != z3::sat) m.solver.pop();  // else keep it: its scope stays pushed
      else ++scopes;
    }
    m.solver.check();
    const z3::model model = m.solver.get_model();
    out.status = NetSat::Sat;
    for (const auto& [name, v] : m.vars) {
      const z3::expr value = model.eval(v.first, true);
      out.model[name] = value.get_numeral_uint64();
    }
  }
  m.solver.pop(scopes);
  return out;
}

}  // namespace verdict::smt
