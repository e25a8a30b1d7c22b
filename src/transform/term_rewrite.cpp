#include "transform/term_rewrite.h"

#include <unordered_set>

namespace verdict::transform {

using ir::Op;
using ir::Term;

Term rebuild_term(const Term& t, const std::vector<Term>& a) {
  switch (t.op()) {
    case Op::BoolConst: case Op::BvConst: case Op::IntConst: case Op::Var: return t;
    case Op::Not: return ir::mk_not(a[0]);
    case Op::And: return ir::mk_and(a[0], a[1]);
    case Op::Or: return ir::mk_or(a[0], a[1]);
    case Op::Implies: return ir::mk_implies(a[0], a[1]);
    case Op::Ite: return ir::mk_ite(a[0], a[1], a[2]);
    case Op::Eq: return ir::mk_eq(a[0], a[1]);
    case Op::Neg: case Op::BvNot: return ir::mk_unary(t.op(), a[0]);
    case Op::Extract: return ir::mk_extract(t.hi(), t.lo(), a[0]);
    case Op::ZeroExt: return ir::mk_zext(t.ext_amount(), a[0]);
    case Op::SignExt: return ir::mk_sext(t.ext_amount(), a[0]);
    case Op::Concat: return ir::mk_concat(a[0], a[1]);
    case Op::Select: return ir::mk_select(a[0], a[1]);
    case Op::Store: return ir::mk_store(a[0], a[1], a[2]);
    case Op::ConstArray: return ir::mk_const_array(t.sort().index(), a[0]);
    default: return ir::mk_binary(t.op(), a[0], a[1]);
  }
}

Term substitute(const Term& root, const std::function<Term(ir::VarId)>& lookup,
                std::unordered_map<const void*, Term>& memo) {
  std::vector<std::pair<Term, bool>> stack{{root, false}};
  while (!stack.empty()) {
    const Term t = stack.back().first;
    if (memo.count(t.id())) {
      stack.pop_back();
      continue;
    }
    if (t.op() == Op::Var) {
      Term r = lookup(t.var());
      memo.emplace(t.id(), r.valid() ? r : t);
      stack.pop_back();
      continue;
    }
    if (t.args().empty()) {
      memo.emplace(t.id(), t);
      stack.pop_back();
      continue;
    }
    if (!stack.back().second) {
      stack.back().second = true;
      for (const Term& a : t.args())
        if (!memo.count(a.id())) stack.emplace_back(a, false);
      continue;
    }
    stack.pop_back();
    std::vector<Term> args;
    args.reserve(t.args().size());
    bool changed = false;
    for (const Term& a : t.args()) {
      args.push_back(memo.at(a.id()));
      changed = changed || !args.back().same(a);
    }
    memo.emplace(t.id(), changed ? rebuild_term(t, args) : t);
  }
  return memo.at(root.id());
}

Term substitute(const Term& t, const std::function<Term(ir::VarId)>& lookup) {
  std::unordered_map<const void*, Term> memo;
  Term r = substitute(t, lookup, memo);
  return r;
}

Term substitute(const Term& t, const std::unordered_map<ir::VarId, Term>& map) {
  return substitute(t, [&](ir::VarId v) {
    auto it = map.find(v);
    return it == map.end() ? Term() : it->second;
  });
}

void collect_vars(const Term& root, std::set<ir::VarId>& out) {
  std::unordered_set<const void*> seen;
  std::vector<Term> stack{root};
  while (!stack.empty()) {
    Term t = stack.back();
    stack.pop_back();
    if (!seen.insert(t.id()).second) continue;
    if (t.op() == Op::Var) out.insert(t.var());
    for (const Term& a : t.args()) stack.push_back(a);
  }
}

}  // namespace verdict::transform
