#include "engines/invariants/relational_candidates.h"

#include <set>

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

/// The integer constants the program compares with (bounds of intervals over integers:
/// the interval analysis works on bit-vectors only), at most `limit` of them, and 0.
std::vector<std::int64_t> int_bounds(const ir::Program& p, std::size_t limit) {
  std::set<std::int64_t> out{0};
  std::vector<Term> stack;
  for (const ir::Edge& e : p.edges)
    for (const ir::Stmt& s : e.body)
      if (s.term.valid()) stack.push_back(s.term);
  std::set<ir::TermId> seen;
  while (!stack.empty() && out.size() < limit) {
    const Term t = stack.back();
    stack.pop_back();
    if (!seen.insert(t.id()).second) continue;
    if (t.op() == Op::Lt || t.op() == Op::Le || (t.op() == Op::Eq && t.arg(0).sort().is_int()))
      for (const Term& a : t.args())
        if (a.op() == Op::IntConst) out.insert(a.int_value());
    for (const Term& a : t.args()) stack.push_back(a);
  }
  return {out.begin(), out.end()};
}

/// Bounds and orders over the integer variables `vars`.
std::vector<Term> int_candidates(const ir::Program& p, const std::vector<ir::VarId>& vars,
                                 const std::vector<std::int64_t>& bounds) {
  std::vector<Term> out;
  for (ir::VarId v : vars) {
    const Term x = p.var_term(v);
    for (std::int64_t c : bounds) {
      out.push_back(ir::mk_binary(Op::Le, ir::mk_int(c), x));
      out.push_back(ir::mk_binary(Op::Le, x, ir::mk_int(c)));
      out.push_back(ir::mk_binary(Op::Lt, ir::mk_int(c), x));
      out.push_back(ir::mk_binary(Op::Lt, x, ir::mk_int(c)));
    }
  }
  for (std::size_t i = 0; i < vars.size(); ++i)
    for (std::size_t j = 0; j < vars.size(); ++j) {
      if (i == j) continue;
      out.push_back(ir::mk_binary(Op::Le, p.var_term(vars[i]), p.var_term(vars[j])));
      out.push_back(ir::mk_binary(Op::Lt, p.var_term(vars[i]), p.var_term(vars[j])));
      if (i < j) out.push_back(ir::mk_eq(p.var_term(vars[i]), p.var_term(vars[j])));
    }
  return out;
}

}  // namespace

std::map<ir::LocId, Term> relational_candidates(const ir::Program& program, const std::vector<ir::LocId>& cut_points,
                                                const std::vector<std::vector<bool>>& live,
                                                const CandidateOptions& options) {
  std::map<ir::LocId, Term> out;
  const std::vector<std::int64_t> bounds = int_bounds(program, 8);
  for (ir::LocId l : cut_points) {
    if (l == program.init) continue;
    std::vector<ir::VarId> vars, ints;
    for (ir::VarId v = 0; v < program.vars.size(); ++v) {
      if (live.at(l).at(v) && program.vars[v].sort.is_bv()) vars.push_back(v);
      if (live.at(l).at(v) && program.vars[v].sort.is_int()) ints.push_back(v);
    }
    std::vector<Term> all = candidates_at(program, vars, options);
    if (ints.size() <= options.max_pair_vars)
      for (const Term& t : int_candidates(program, ints, bounds)) all.push_back(t);
    Term c = ir::mk_and(all);
    if (!c.is_true()) out[l] = c;
  }
  return out;
}

}  // namespace verdict::engines::invariants
