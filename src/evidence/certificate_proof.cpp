#include "evidence/certificate_proof.h"

#include "evidence/python_expr.h"

#include <cstdint>
#include <optional>

namespace verdict::evidence {

namespace {

using ir::Op;

/// A lower or upper integer bound `x > c` / `x < c` (strict form) of variable term x, if
/// `t` is one: c <= x is c - 1 < x, x <= c is x < c + 1.
struct Bound {
  ir::VarId var;
  bool lower;
  std::int64_t strict;  ///< x > strict (lower) or x < strict (upper)
};

std::optional<Bound> bound_of(const ir::Term& t) {
  if ((t.op() != Op::Lt && t.op() != Op::Le) || !t.arg(0).sort().is_int()) return std::nullopt;
  const ir::Term& a = t.arg(0);
  const ir::Term& b = t.arg(1);
  const bool le = t.op() == Op::Le;
  if (a.op() == Op::IntConst && b.op() == Op::Var && (!le || a.int_value() != INT64_MIN))
    return Bound{b.var(), true, le ? a.int_value() - 1 : a.int_value()};
  if (a.op() == Op::Var && b.op() == Op::IntConst && (!le || b.int_value() != INT64_MAX))
    return Bound{a.var(), false, le ? b.int_value() + 1 : b.int_value()};
  return std::nullopt;
}

/// `inv` without the conjuncts that another conjunct's bound on the same variable implies.
ir::Term without_implied_bounds(const ir::Term& inv) {
  if (inv.op() != Op::And) return inv;
  std::vector<ir::Term> items, stack{inv};
  while (!stack.empty()) {
    const ir::Term x = stack.back();
    stack.pop_back();
    if (x.op() == Op::And) {
      stack.push_back(x.arg(1));
      stack.push_back(x.arg(0));
    } else {
      items.push_back(x);
    }
  }
  std::vector<ir::Term> kept;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto bi = bound_of(items[i]);
    bool implied = false;
    for (std::size_t j = 0; j < items.size() && bi && !implied; ++j) {
      const auto bj = bound_of(items[j]);
      if (j == i || !bj || bj->var != bi->var || bj->lower != bi->lower) continue;
      // bj implies bi when it is tighter, or equally tight and listed first (one stays).
      const bool tighter = bi->lower ? bj->strict > bi->strict : bj->strict < bi->strict;
      implied = tighter || (bj->strict == bi->strict && j < i);
    }
    if (!implied) kept.push_back(items[i]);
  }
  return ir::mk_and(kept);
}

}  // namespace

std::vector<ProofItem> invariant_items(const ir::Program& program, const std::map<ir::LocId, ir::Term>& invariants) {
  std::vector<ProofItem> items;
  for (const auto& [loc, inv] : invariants) {
    if (inv.is_true()) continue;
    const ir::Location& l = program.locs.at(loc);
    std::string kind = "invariant", text = print_source_expr(without_implied_bounds(inv), program);
    for (const ir::Procedure& proc : program.procedures) {
      if (loc == proc.entry) kind = "precondition of " + proc.name;
      if (loc == proc.exit) kind = "summary of " + proc.name;
    }
    if (l.loc.line == 0) text += "  (at " + l.name + ")";
    items.push_back(ProofItem{kind, l.loc, std::move(text)});
  }
  return items;
}

}  // namespace verdict::evidence
