#include "smt/policy_solver.h"

#include <z3++.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

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

  /// The regular language of byte strings.
  z3::expr byte_strings() { return z3::star(translate_regex(*re_any_char())); }

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
      case RegexKind::AnyChar: return z3::range(str(std::string(1, '\0')), str(std::string(1, '\xff')));
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

PolicySolveResult solve_policy(const FormulaRef& query, const std::vector<FormulaRef>& preferences,
                               unsigned timeout_ms) {
  const auto start = std::chrono::steady_clock::now();
  PolicySolveResult result;
  try {
    z3::context ctx;
    Translator t(ctx);
    z3::solver solver(ctx);
    z3::params p(ctx);
    p.set("timeout", timeout_ms == 0 ? 1u : timeout_ms);
    solver.set(p);
    solver.add(t.formula(query));
    // Strings range over bytes (characters 0-255), as the concrete evaluator sees them.
    for (const auto& [name, sv] : t.vars())
      if (sv.first == VarSort::String) solver.add(z3::in_re(sv.second, t.byte_strings()));
    const bool debug = std::getenv("VERDICT_POLICY_DEBUG") != nullptr;
    if (debug) std::fprintf(stderr, "---- query\n%s\n", solver.to_smt2().c_str());
    const z3::check_result r = solver.check();
    if (debug) std::fprintf(stderr, "check: %d after %.1f ms\n", static_cast<int>(r), elapsed_ms(start));
    if (r == z3::unsat) {
      result.status = PolicySat::Unsat;
    } else if (r == z3::unknown) {
      result.status = PolicySat::Unknown;
      result.reason = "the solver gave up: " + solver.reason_unknown();
    } else {
      result.status = PolicySat::Sat;
      z3::model m = solver.get_model();
      if (!preferences.empty()) {
        solver.push();
        for (const auto& pref : preferences) solver.add(t.formula(pref));
        if (solver.check() == z3::sat) m = solver.get_model();
        if (debug) std::fprintf(stderr, "preferences checked after %.1f ms\n", elapsed_ms(start));
      }
      result.model = read_model(ctx, m, t);
    }
  } catch (const z3::exception& e) {
    result.status = PolicySat::Unknown;
    result.reason = std::string("solver error: ") + e.msg();
  }
  result.time_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace verdict::smt
