#include "smt/policy_solver.h"

#include "smt/cancel_watcher.h"

#include <z3++.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

namespace verdict::smt {

namespace {

double elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

class Translator {
 public:
  explicit Translator(z3::context& ctx) : ctx_(ctx) {}

  z3::expr formula(const FormulaRef& f) {
    auto it = formulas_.find(f.get());
    if (it != formulas_.end()) return it->second;
    z3::expr e = translate(*f);
    formulas_.emplace(f.get(), e);
    return e;
  }

  /// Every variable seen, with its sort.
  const std::map<std::string, std::pair<VarSort, z3::expr>>& vars() const { return vars_; }

 private:
  z3::expr var(const std::string& name, VarSort sort) {
    auto it = vars_.find(name);
    if (it != vars_.end()) return it->second.second;
    z3::expr e = ctx_.bool_const(name.c_str());
    switch (sort) {
      case VarSort::Bool: break;
      case VarSort::String: e = ctx_.string_const(name.c_str()); break;
      case VarSort::Int: e = ctx_.int_const(name.c_str()); break;
      case VarSort::Real: e = ctx_.real_const(name.c_str()); break;
      case VarSort::Bits128: e = ctx_.bv_const(name.c_str(), 128); break;
    }
    vars_.emplace(name, std::make_pair(sort, e));
    return e;
  }

  z3::expr str(const std::string& s) {
    return z3::expr(ctx_, Z3_mk_lstring(ctx_, static_cast<unsigned>(s.size()), s.data()));
  }

  z3::expr bits(const std::array<std::uint8_t, 16>& b) {
    unsigned long long hi = 0, lo = 0;
    for (int i = 0; i < 8; ++i) hi = (hi << 8) | b[i];
    for (int i = 8; i < 16; ++i) lo = (lo << 8) | b[i];
    return z3::concat(ctx_.bv_val(static_cast<std::uint64_t>(hi), 64), ctx_.bv_val(static_cast<std::uint64_t>(lo), 64));
  }

  z3::expr regex(const RegexRef& r) {
    auto it = regexes_.find(r.get());
    if (it != regexes_.end()) return it->second;
    z3::expr e = translate_regex(*r);
    regexes_.emplace(r.get(), e);
    return e;
  }

  z3::expr translate_regex(const PolicyRegex& r) {
    z3::sort str_sort = ctx_.string_sort();
    z3::sort re_sort = ctx_.re_sort(str_sort);
    switch (r.kind) {
      case RegexKind::Literal: return z3::to_re(str(r.text));
      case RegexKind::AnyChar:  // every character Z3 knows (up to U+2FFFF)
        return z3::range(z3::expr(ctx_, Z3_mk_string(ctx_, "\\u{0}")), z3::expr(ctx_, Z3_mk_string(ctx_, "\\u{2ffff}")));
      case RegexKind::AnyString: return z3::re_full(re_sort);
      case RegexKind::Range:
        return z3::range(str(std::string(1, static_cast<char>(r.lo))), str(std::string(1, static_cast<char>(r.hi))));
      case RegexKind::Star: return z3::star(regex(r.kids[0]));
      case RegexKind::Loop: return regex(r.kids[0]).loop(r.lo, r.hi);
      case RegexKind::Concat:
      case RegexKind::Union: {
        z3::expr acc = regex(r.kids[0]);
        for (std::size_t i = 1; i < r.kids.size(); ++i)
          acc = r.kind == RegexKind::Concat ? z3::concat(acc, regex(r.kids[i])) : acc + regex(r.kids[i]);
        return acc;
      }
    }
    return z3::re_empty(re_sort);
  }

  z3::expr compare(const PolicyFormula& f) {
    z3::expr v = var(f.var, f.sort);
    z3::expr c = f.sort == VarSort::Int ? ctx_.int_val(f.text.c_str()) : ctx_.real_val(f.text.c_str());
    switch (f.op) {
      case CmpOp::Lt: return v < c;
      case CmpOp::Le: return v <= c;
      case CmpOp::Eq: return v == c;
      case CmpOp::Ge: return v >= c;
      case CmpOp::Gt: return v > c;
    }
    return v == c;
  }

  z3::expr term(const StrTerm& t) {
    z3::expr acc = str("");
    bool first = true;
    for (const auto& p : t) {
      z3::expr e = p.var.empty() ? str(p.text)
                                 : z3::ite(var(p.present, VarSort::Bool), var(p.var, VarSort::String), str(p.text));
      acc = first ? e : z3::concat(acc, e);
      first = false;
    }
    return acc;
  }

  // Star-only glob: prefix, suffix, and the middle pieces found left to right (leftmost
  // occurrences are always a valid choice when `*` is the only wildcard).
  z3::expr glob(const PolicyFormula& f) {
    z3::expr x = var(f.var, VarSort::String);
    if (f.parts.size() == 1) return x == term(f.parts[0]);
    const z3::expr first = term(f.parts.front()), last = term(f.parts.back());
    z3::expr_vector all(ctx_);
    all.push_back(z3::prefixof(first, x));
    all.push_back(z3::suffixof(last, x));
    z3::expr pos = first.length();
    for (std::size_t i = 1; i + 1 < f.parts.size(); ++i) {
      const z3::expr mid = term(f.parts[i]);
      z3::expr at = z3::indexof(x, mid, pos);
      all.push_back(at >= 0);
      pos = at + mid.length();
    }
    all.push_back(pos <= x.length() - last.length());
    return z3::mk_and(all);
  }

  z3::expr translate(const PolicyFormula& f) {
    switch (f.kind) {
      case FormulaKind::True: return ctx_.bool_val(true);
      case FormulaKind::False: return ctx_.bool_val(false);
      case FormulaKind::And:
      case FormulaKind::Or: {
        z3::expr_vector kids(ctx_);
        for (const auto& k : f.kids) kids.push_back(formula(k));
        return f.kind == FormulaKind::And ? z3::mk_and(kids) : z3::mk_or(kids);
      }
      case FormulaKind::Not: return !formula(f.kids[0]);
      case FormulaKind::BoolVar: return var(f.var, VarSort::Bool);
      case FormulaKind::StrEq: return var(f.var, VarSort::String) == str(f.text);
      case FormulaKind::InRegex: return z3::in_re(var(f.var, VarSort::String), regex(f.regex));
      case FormulaKind::Glob: return glob(f);
      case FormulaKind::Compare: return compare(f);
      case FormulaKind::BitsInRange: {
        z3::expr v = var(f.var, VarSort::Bits128);
        return z3::ule(bits(f.lo), v) && z3::ule(v, bits(f.hi));
      }
    }
    return ctx_.bool_val(false);
  }

  z3::context& ctx_;
  std::unordered_map<const PolicyFormula*, z3::expr> formulas_;
  std::unordered_map<const PolicyRegex*, z3::expr> regexes_;
  std::map<std::string, std::pair<VarSort, z3::expr>> vars_;
};

std::string string_value(z3::context& ctx, const z3::expr& e) {
  unsigned len = 0;
  Z3_char_ptr p = Z3_get_lstring(ctx, e, &len);
  if (ctx.check_error() == Z3_OK && p != nullptr) return std::string(p, len);
  return e.get_string();
}

std::string numeral_text(const z3::expr& e, VarSort sort) {
  std::string s = Z3_get_numeral_string(e.ctx(), e);
  if (sort == VarSort::Int || s.find('/') == std::string::npos) return s;
  return e.get_decimal_string(20);
}

std::string bits_text(const z3::expr& e) {
  char buf[40];
  const std::uint64_t hi = z3::expr(e.extract(127, 64).simplify()).get_numeral_uint64();
  const std::uint64_t lo = z3::expr(e.extract(63, 0).simplify()).get_numeral_uint64();
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(hi),
                static_cast<unsigned long long>(lo));
  return buf;
}

PolicyModel read_model(z3::context& ctx, const z3::model& m, const Translator& t) {
  PolicyModel out;
  for (const auto& [name, sv] : t.vars()) {
    const auto& [sort, v] = sv;
    z3::expr val = m.eval(v, true);
    switch (sort) {
      case VarSort::Bool: out.values[name] = val.is_true() ? "true" : "false"; break;
      case VarSort::String: out.values[name] = string_value(ctx, val); break;
      case VarSort::Int:
      case VarSort::Real: out.values[name] = numeral_text(val, sort); break;
      case VarSort::Bits128: out.values[name] = bits_text(val); break;
    }
  }
  return out;
}

}  // namespace

namespace {

struct Stage {
  const char* string_solver;  ///< "seq" (Z3's default) or "z3str3"
  unsigned budget_ms;
};

// Z3 4.8's two string solvers fail on different queries (the default one on `.*LITERAL.*`
// patterns, z3str3 on others), so each query runs a short turn of each, then the rest.
std::vector<Stage> stages(unsigned timeout_ms) {
  const unsigned t = timeout_ms == 0 ? 1u : timeout_ms;
  const unsigned first = std::min(t / 4 + 1, 700u);
  if (const char* s = std::getenv("VERDICT_POLICY_STRING_SOLVER")) return {{s, t}};
  return {{"seq", first}, {"z3str3", first}, {"seq", t > 2 * first ? t - 2 * first : 1u}};
}

// Z3 4.8 frees a context slowly after a query on a pattern with thousands of wildcards: a
// 6,000-character resource `*a*a...` kept one 0.5 s question busy for 45 s in Z3_del_context,
// past every deadline (found by the policy fuzz target, test/fuzz/). Such queries are not
// asked; no real policy comes near the bound.
constexpr std::size_t kMaxWildcardsPerPattern = 256;

/// The wildcards of a regular expression, a shared subexpression counted at each use.
std::size_t wildcards(const RegexRef& r, std::unordered_map<const PolicyRegex*, std::size_t>& memo) {
  if (!r) return 0;
  if (auto it = memo.find(r.get()); it != memo.end()) return it->second;
  std::size_t n = r->kind == RegexKind::Literal || r->kind == RegexKind::Concat || r->kind == RegexKind::Union ? 0 : 1;
  for (const RegexRef& k : r->kids) n += wildcards(k, memo);
  return memo[r.get()] = n;
}

/// The most wildcards in one pattern (glob or regular expression) of the formula.
std::size_t widest_pattern(const FormulaRef& f, std::unordered_set<const PolicyFormula*>& seen) {
  if (!f || !seen.insert(f.get()).second) return 0;
  std::size_t most = 0;
  if (f->kind == FormulaKind::Glob && !f->parts.empty()) most = f->parts.size() - 1;
  if (f->kind == FormulaKind::InRegex) {
    std::unordered_map<const PolicyRegex*, std::size_t> memo;
    most = wildcards(f->regex, memo);
  }
  for (const FormulaRef& k : f->kids) most = std::max(most, widest_pattern(k, seen));
  return most;
}

}  // namespace

PolicySolveResult solve_policy(const FormulaRef& query, const std::vector<FormulaRef>& preferences,
                               unsigned timeout_ms, const support::Deadline& deadline) {
  const auto start = std::chrono::steady_clock::now();
  PolicySolveResult result;
  const bool debug = std::getenv("VERDICT_POLICY_DEBUG") != nullptr;
  if (is_false(query)) {  // e.g. an identity policy asked about outsiders: nothing to solve
    result.status = PolicySat::Unsat;
    return result;
  }
  timeout_ms = std::min(timeout_ms, deadline.remaining_ms());
  if (timeout_ms == 0) {
    result.reason = "the time limit was reached";
    return result;
  }
  std::unordered_set<const PolicyFormula*> seen;
  std::size_t widest = widest_pattern(query, seen);
  for (const FormulaRef& pref : preferences) widest = std::max(widest, widest_pattern(pref, seen));
  if (widest > kMaxWildcardsPerPattern) {
    result.reason = "a pattern with " + std::to_string(widest) + " wildcards (more than " +
                    std::to_string(kMaxWildcardsPerPattern) + ") is not given to the solver";
    return result;
  }
  try {
    z3::context ctx;
    // Stops every check below at the deadline, whatever the solver is doing (the stages' own
    // budgets end earlier; this is the guarantee).
    CancelWatcher watcher(ctx, deadline.child(timeout_ms / 1000.0 + 0.05));
    Translator t(ctx);
    const z3::expr goal = t.formula(query);
    for (const Stage& stage : stages(timeout_ms)) {
      if (deadline.expired()) break;
      z3::solver solver(ctx);
      z3::params p(ctx);
      p.set("timeout", std::max(1u, std::min(stage.budget_ms, deadline.remaining_ms())));
      p.set("string_solver", stage.string_solver);
      solver.set(p);
      solver.add(goal);
      if (debug) std::fprintf(stderr, "---- query (%s)\n%s\n", stage.string_solver, solver.to_smt2().c_str());
      const z3::check_result r = solver.check();
      if (debug) std::fprintf(stderr, "check: %d after %.1f ms\n", static_cast<int>(r), elapsed_ms(start));
      if (r == z3::unsat) {
        result.status = PolicySat::Unsat;
        break;
      }
      if (r == z3::unknown) {
        result.status = PolicySat::Unknown;
        result.reason = "the solver gave up: " + solver.reason_unknown();
        continue;
      }
      result.status = PolicySat::Sat;
      z3::model m = solver.get_model();
      if (!preferences.empty()) {
        solver.push();
        for (const auto& pref : preferences) solver.add(t.formula(pref));
        if (!deadline.expired() && solver.check() == z3::sat) m = solver.get_model();
      }
      result.model = read_model(ctx, m, t);
      break;
    }
  } catch (const z3::exception& e) {
    result.status = PolicySat::Unknown;
    result.reason = std::string("solver error: ") + e.msg();
  }
  result.time_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace verdict::smt
