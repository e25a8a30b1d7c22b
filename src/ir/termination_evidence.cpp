#include "ir/termination_evidence.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "support/invariant.h"

namespace verdict::ir {

using ir::Op;
using ir::Term;

bool LinearFunction::is_zero() const {
  return constant == 0 && std::all_of(terms.begin(), terms.end(), [](const auto& t) { return t.second == 0; });
}

unsigned ranking_width(const ir::Program& program) {
  // Frontends use either bit-vectors (C) or integers (Python) for numbers, never both.
  if (std::any_of(program.vars.begin(), program.vars.end(), [](const ir::Variable& v) { return v.sort.is_int(); }))
    return 0;
  unsigned widest = 1;
  for (const ir::Variable& v : program.vars)
    if (v.sort.is_bv()) widest = std::max(widest, v.sort.width());
  // |coefficient| <= 2^20, fewer than 2^20 terms and |constant| < 2^63: no sum can wrap.
  return std::max(widest + 44, 72u);
}

Term ranking_lt(const Term& a, const Term& b) { return ir::mk_binary(a.sort().is_int() ? Op::Lt : Op::Slt, a, b); }
Term ranking_le(const Term& a, const Term& b) { return ir::mk_binary(a.sort().is_int() ? Op::Le : Op::Sle, a, b); }

Term ranking_constant(unsigned width, std::int64_t v) {
  if (width == 0) return ir::mk_int(v);
  if (width <= 64) return ir::mk_bv(width, static_cast<std::uint64_t>(v) & ir::mask(width));
  return ir::mk_sext(width - 64, ir::mk_bv(64, static_cast<std::uint64_t>(v)));
}

namespace {

/// The integer value of variable term `x` (of program variable `v`) at `width`.
Term widened(const ir::Program& program, ir::VarId v, const Term& x, unsigned width) {
  if (x.sort().is_bool()) return ir::mk_ite(x, ranking_constant(width, 1), ranking_constant(width, 0));
  if (width == 0) {
    VERDICT_INVARIANT(x.sort().is_int(), "a bit-vector in a ranking function over integers");
    return x;
  }
  const unsigned w = x.sort().width();
  if (w >= width) return ir::mk_extract(width - 1, 0, x);
  return program.vars.at(v).is_signed ? ir::mk_sext(width - w, x) : ir::mk_zext(width - w, x);
}

}  // namespace

Term ranking_term(const ir::Program& program, const LinearFunction& f, unsigned width,
                  const std::function<Term(ir::VarId)>& value) {
  Term sum = ranking_constant(width, f.constant);
  for (const auto& [v, c] : f.terms) {
    if (c == 0) continue;
    // c * x as +/- |c| * x: a negative constant has almost every bit set, and each set
    // bit costs an adder when the product is bit-blasted.
    const Term x = widened(program, v, value(v), width);
    const std::int64_t mag = c < 0 ? -c : c;
    const Term scaled = mag == 1 ? x : ir::mk_binary(Op::Mul, ranking_constant(width, mag), x);
    sum = ir::mk_binary(c < 0 ? Op::Sub : Op::Add, sum, scaled);
  }
  return sum;
}

Term ranking_decrease(const ir::Program& program, const LinearFunction& before, const LinearFunction& after,
                      unsigned width, const std::function<Term(ir::VarId)>& post) {
  // Coefficients per pre-state variable, and the post-state terms that are not one.
  std::map<ir::VarId, std::int64_t> pre;
  for (const auto& [v, c] : before.terms) pre[v] += c;
  LinearFunction rest;
  rest.constant = before.constant - after.constant;
  std::vector<std::pair<Term, std::int64_t>> other;
  for (const auto& [v, c] : after.terms) {
    const Term x = post(v);
    const bool same_reading = x.op() == Op::Var && x.var() < program.vars.size() &&
                              program.vars[x.var()].sort == program.vars[v].sort &&
                              program.vars[x.var()].is_signed == program.vars[v].is_signed;
    if (same_reading)
      pre[x.var()] -= c;
    else
      other.push_back({widened(program, v, x, width), c});
  }
  for (const auto& [v, c] : pre) rest.terms.push_back({v, c});
  Term sum = ranking_term(program, rest, width, [&](ir::VarId v) { return program.var_term(v); });
  for (const auto& [x, c] : other) {
    const std::int64_t mag = c < 0 ? -c : c;
    const Term scaled = mag == 1 ? x : ir::mk_binary(Op::Mul, ranking_constant(width, mag), x);
    sum = ir::mk_binary(c < 0 ? Op::Add : Op::Sub, sum, scaled);
  }
  return sum;
}

LinearFunction linear_sum(const LinearFunction& a, const LinearFunction& b) {
  std::map<ir::VarId, std::int64_t> sum;
  for (const auto& [v, c] : a.terms) sum[v] += c;
  for (const auto& [v, c] : b.terms) sum[v] += c;
  LinearFunction out;
  out.constant = a.constant + b.constant;
  for (const auto& [v, c] : sum)
    if (c != 0) out.terms.push_back({v, c});
  return out;
}

std::string print_linear(const ir::Program& program, const LinearFunction& f) {
  std::string out;
  for (const auto& [v, c] : f.terms) {
    if (c == 0) continue;
    const ir::Variable& var = program.vars.at(v);
    const std::string name = var.source_name.empty() ? var.name : var.source_name;
    const std::int64_t mag = std::llabs(c);
    if (out.empty())
      out += c < 0 ? "-" : "";
    else
      out += c < 0 ? " - " : " + ";
    out += (mag == 1 ? "" : std::to_string(mag) + "*") + name;
  }
  if (f.constant != 0 || out.empty()) {
    if (out.empty())
      out = std::to_string(f.constant);
    else
      out += (f.constant < 0 ? " - " : " + ") + std::to_string(std::llabs(f.constant));
  }
  return out;
}

}  // namespace verdict::ir
