#include "smt/linear_problem.h"

#include <z3++.h>

#include "smt/cancel_watcher.h"

namespace verdict::smt {

std::optional<std::vector<Rational>> solve_rational(std::size_t unknowns, const std::vector<LinearRow>& rows,
                                                    const support::Deadline& deadline) {
  if (deadline.expired()) return std::nullopt;
  z3::context ctx;
  z3::solver solver(ctx, "QF_LRA");
  std::vector<z3::expr> x;
  for (std::size_t i = 0; i < unknowns; ++i) x.push_back(ctx.real_const(("c" + std::to_string(i)).c_str()));
  for (const LinearRow& row : rows) {
    z3::expr sum = ctx.real_val(0);
    for (const auto& [i, a] : row.terms) sum = sum + ctx.real_val(static_cast<int64_t>(a)) * x.at(i);
    const z3::expr b = ctx.real_val(static_cast<int64_t>(row.bound));
    switch (row.kind) {
      case LinearRow::Kind::GreaterEq: solver.add(sum >= b); break;
      case LinearRow::Kind::Greater: solver.add(sum > b); break;
      case LinearRow::Kind::LessEq: solver.add(sum <= b); break;
    }
  }
  try {
    z3::params p(ctx);
    p.set("timeout", deadline.remaining_ms());
    solver.set(p);
    z3::check_result r;
    {
      CancelWatcher watcher(ctx, deadline);
      r = solver.check();
    }
    if (r != z3::sat) return std::nullopt;
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

}  // namespace verdict::smt
