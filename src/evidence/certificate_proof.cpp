#include "evidence/certificate_proof.h"

#include "evidence/c_expr.h"
#include "evidence/python_expr.h"
#include "transform/cutpoints.h"
#include "transform/term_rewrite.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <tuple>

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

/// The function copy a location or variable belongs to: its name's prefix ("f#2" of
/// "f#2.while.cond"), as the C frontend names them.
std::string instance_of(const std::string& name) { return name.substr(0, name.find('.')); }

/// `inv` at `loc` as C over the current values of its own function's source variables.
std::optional<std::string> scoped_c_text(const ir::Program& p, ir::LocId loc, const ir::Term& inv,
                                         const std::vector<bool>& live) {
  const std::string instance = instance_of(p.locs[loc].name);
  std::set<ir::VarId> vars;
  transform::collect_vars(inv, vars);
  std::set<std::string> names;
  for (const ir::VarId v : vars) {
    const ir::Variable& var = p.vars.at(v);
    const bool usable = !var.source_name.empty() && var.source_name[0] != '\\' && instance_of(var.name) == instance &&
                        v < live.size() && live[v];
    // Two variables of one source name would print alike.
    if (!usable || !names.insert(var.source_name).second) return std::nullopt;
  }
  return print_exact_c_expr(inv, p);
}

}  // namespace

std::vector<LoopInvariant> loop_invariants(const ir::Program& program, const std::map<ir::LocId, ir::Term>& invariants) {
  std::vector<LoopInvariant> result;
  if (program.language != "C") return result;
  // (function, file, line, column) -> the loop heads there
  std::map<std::tuple<std::string, std::string, unsigned, unsigned>, std::vector<ir::LocId>> positions;
  std::vector<bool> wanted(program.locs.size(), false);
  for (ir::LocId l = 0; l < program.locs.size(); ++l) {
    const ir::Location& loc = program.locs[l];
    if (!loc.loop_head) continue;
    const std::string instance = instance_of(loc.name);
    positions[{instance.substr(0, instance.find('#')), loc.loc.file, loc.loc.line, loc.loc.column}].push_back(l);
    wanted[l] = true;
  }
  const std::vector<std::vector<bool>> live = transform::live_variables(program, wanted);
  for (const auto& [key, heads] : positions) {
    std::vector<std::string> texts;
    for (const ir::LocId head : heads) {
      const auto inv = invariants.find(head);
      const std::optional<std::string> text =
          inv == invariants.end() ? std::nullopt : scoped_c_text(program, head, inv->second, live[head]);
      if (!text) {
        texts.clear();
        break;
      }
      if (std::find(texts.begin(), texts.end(), *text) == texts.end()) texts.push_back(*text);
    }
    std::string expression = texts.size() == 1 ? texts[0] : "";
    for (std::size_t i = 0; texts.size() > 1 && i < texts.size(); ++i)
      expression += (i ? " || (" : "(") + texts[i] + ")";
    result.push_back(LoopInvariant{program.locs[heads.front()].loc, std::get<0>(key), expression});
  }
  return result;
}

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
