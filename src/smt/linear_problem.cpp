#include "smt/linear_problem.h"

#include <z3++.h>

#include "smt/cancel_watcher.h"

namespace verdict::smt {

namespace {

z3::expr_vector rows_as_constraints(z3::context& ctx, const std::vector<z3::expr>& x,
                                    const std::vector<LinearRow>& rows, bool integer) {
  z3::expr_vector out(ctx);
  const auto num = [&](std::int64_t v) {
    return integer ? ctx.int_val(static_cast<int64_t>(v)) : ctx.real_val(static_cast<int64_t>(v));
  };
  for (const LinearRow& row : rows) {
    z3::expr sum = num(0);
    for (const auto& [i, a] : row.terms) sum = sum + num(a) * x.at(i);
    const z3::expr b = num(row.bound);
    switch (row.kind) {
      case LinearRow::Kind::GreaterEq: out.push_back(sum >= b); break;
      case LinearRow::Kind::Greater: out.push_back(sum > b); break;
      case LinearRow::Kind::LessEq: out.push_back(sum <= b); break;
    }
  }
  return out;
}

/// `n` unknowns c0, c1, ... over the integers or the rationals.
std::vector<z3::expr> make_unknowns(z3::context& ctx, std::size_t n, bool integer) {
  std::vector<z3::expr> x;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string name = "c" + std::to_string(i);
    x.push_back(integer ? ctx.int_const(name.c_str()) : ctx.real_const(name.c_str()));
  }
  return x;
}

/// Checks `s` (a solver or an optimizer) within `deadline`.
template <typename Solver>
z3::check_result check_within(z3::context& ctx, Solver& s, const support::Deadline& deadline) {
  // The watcher's interrupt, not Z3's "timeout" parameter (see z3_solver.cpp).
  CancelWatcher watcher(ctx, deadline);
  return s.check();
}

}  // namespace

std::optional<std::vector<Rational>> solve_rational(std::size_t unknowns, const std::vector<LinearRow>& rows,
                                                    const support::Deadline& deadline) {
  if (deadline.expired()) return std::nullopt;
  z3::context ctx;
  const std::vector<z3::expr> x = make_unknowns(ctx, unknowns, false);
  try {
    z3::solver solver(ctx, "QF_LRA");
    solver.add(rows_as_constraints(ctx, x, rows, false));
    if (check_within(ctx, solver, deadline) != z3::sat) return std::nullopt;
    const z3::model m = solver.get_model();
    std::vector<Rational> out;
    for (const z3::expr& xi : x) {
      const z3::expr v = m.eval(xi, true);
      std::int64_t num = 0, den = 1;
      if (!v.numerator().is_numeral_i64(num) || !v.denominator().is_numeral_i64(den)) return std::nullopt;
      out.push_back(Rational{num, den});
    }
    return out;
  } catch (const z3::exception&) {
    return std::nullopt;
  }
}

std::optional<std::vector<std::int64_t>> solve_integer_minimal(std::size_t unknowns,
                                                               const std::vector<LinearRow>& rows,
                                                               const std::vector<std::int64_t>& weights,
                                                               const support::Deadline& deadline) {
  if (deadline.expired()) return std::nullopt;
  z3::context ctx;
  const std::vector<z3::expr> x = make_unknowns(ctx, unknowns, true);
  try {
    z3::optimize opt(ctx);
    opt.add(rows_as_constraints(ctx, x, rows, true));
    z3::expr cost = ctx.int_val(0);
    for (std::size_t i = 0; i < unknowns && i < weights.size(); ++i) {
      if (weights[i] == 0) continue;
      const z3::expr m = ctx.int_const(("m" + std::to_string(i)).c_str());
      opt.add(m >= x[i]);
      opt.add(m >= -x[i]);
      cost = cost + ctx.int_val(static_cast<int64_t>(weights[i])) * m;
    }
    opt.minimize(cost);
    if (check_within(ctx, opt, deadline) != z3::sat) return std::nullopt;
    const z3::model m = opt.get_model();
    std::vector<std::int64_t> out;
    for (const z3::expr& xi : x) {
      std::int64_t v = 0;
      if (!m.eval(xi, true).is_numeral_i64(v)) return std::nullopt;
      out.push_back(v);
    }
    return out;
  } catch (const z3::exception&) {
    return std::nullopt;
  }
}

}  // namespace verdict::smt
