#include "engines/invariants/relational_candidates.h"

namespace verdict::engines::invariants {

using ir::Op;
using ir::Term;

namespace {

std::vector<Term> pair_candidates(const Term& x, const Term& y) {
  return {ir::mk_eq(x, y), ir::mk_binary(Op::Sle, x, y), ir::mk_binary(Op::Sle, y, x),
          ir::mk_binary(Op::Ule, x, y), ir::mk_binary(Op::Ule, y, x)};
}

std::vector<Term> candidates_at(const ir::Program& p, const std::vector<ir::VarId>& vars, const CandidateOptions& o) {
  std::vector<Term> out;
  if (vars.size() > o.max_pair_vars) return out;
  for (std::size_t i = 0; i < vars.size(); ++i)
    for (std::size_t j = i + 1; j < vars.size(); ++j)
      if (p.vars[vars[i]].sort == p.vars[vars[j]].sort)
        for (Term c : pair_candidates(p.var_term(vars[i]), p.var_term(vars[j]))) out.push_back(c);
  if (vars.size() > o.max_triple_vars) return out;
  for (std::size_t i = 0; i < vars.size(); ++i)
    for (std::size_t j = i + 1; j < vars.size(); ++j)
      for (std::size_t k = 0; k < vars.size(); ++k) {
        if (k == i || k == j) continue;
        const ir::Sort& s = p.vars[vars[i]].sort;
        if (p.vars[vars[j]].sort != s || p.vars[vars[k]].sort != s) continue;
        out.push_back(ir::mk_eq(ir::mk_binary(Op::Add, p.var_term(vars[i]), p.var_term(vars[j])), p.var_term(vars[k])));
      }
  return out;
}

}  // namespace

std::map<ir::LocId, Term> relational_candidates(const ir::Program& program, const std::vector<ir::LocId>& cut_points,
                                                const std::vector<std::vector<bool>>& live,
                                                const CandidateOptions& options) {
  std::map<ir::LocId, Term> out;
  for (ir::LocId l : cut_points) {
    if (l == program.init) continue;
    std::vector<ir::VarId> vars;
    for (ir::VarId v = 0; v < program.vars.size(); ++v)
      if (live.at(l).at(v) && program.vars[v].sort.is_bv()) vars.push_back(v);
    Term c = ir::mk_and(candidates_at(program, vars, options));
    if (!c.is_true()) out[l] = c;
  }
  return out;
}

}  // namespace verdict::engines::invariants
