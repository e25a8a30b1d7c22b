#include "transform/term_rewrite.h"

#include <unordered_set>

namespace verdict::transform {

using ir::Op;
using ir::Term;

Term substitute(const Term& root, const std::function<Term(ir::VarId)>& lookup,
                std::unordered_map<ir::TermId, Term>& memo) {
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
    memo.emplace(t.id(), changed ? ir::rebuild(t, args) : t);
  }
  return memo.at(root.id());
}

Term substitute(const Term& t, const std::function<Term(ir::VarId)>& lookup) {
  std::unordered_map<ir::TermId, Term> memo;
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
  std::unordered_set<ir::TermId> seen;
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
