#include "transform/cutpoint_unrolling.h"

#include "transform/term_rewrite.h"

namespace verdict::transform {

using ir::Term;
using ir::VarId;

namespace {
constexpr VarId kPcBase = 0xF0000000u;  // pc variables live above every state copy
}

CutPointUnrolling::CutPointUnrolling(const ir::Program& program, const CutPointSystem& system)
    : program_(program), system_(system) {
  for (unsigned i = 0; i < system.cut_points.size(); ++i) index_[system.cut_points[i]] = i;
  while ((std::size_t{1} << pc_width_) < system.cut_points.size()) ++pc_width_;
}

Term CutPointUnrolling::var(unsigned step, VarId v) const {
  const VarId id = static_cast<VarId>(step * system_.num_vars() + v);
  return ir::mk_var(id, system_.sort_of(v, program_));
}

Term CutPointUnrolling::at_step(unsigned step, const Term& t) const {
  if (step == 0) return t;
  return substitute(t, [&](VarId v) { return var(step, v); });
}

Term CutPointUnrolling::at(unsigned step, ir::LocId loc) const {
  const Term pc = ir::mk_var(kPcBase + step, ir::Sort::bitvec(pc_width_));
  return ir::mk_eq(pc, ir::mk_bv(pc_width_, index_.at(loc)));
}

Term CutPointUnrolling::pc_valid(unsigned step) const {
  const std::size_t n = system_.cut_points.size();
  if (n == (std::size_t{1} << pc_width_)) return ir::mk_true();
  const Term pc = ir::mk_var(kPcBase + step, ir::Sort::bitvec(pc_width_));
  return ir::mk_binary(ir::Op::Ult, pc, ir::mk_bv(pc_width_, n));
}

Term CutPointUnrolling::transition(unsigned step) const {
  std::vector<Term> options;
  for (const Segment& s : system_.segments) {
    std::vector<Term> parts{at(step, s.from), at(step + 1, s.to), at_step(step, s.guard)};
    const auto& live = system_.live.at(s.to);
    for (VarId v = 0; v < system_.num_program_vars; ++v)
      if (live[v]) parts.push_back(ir::mk_eq(var(step + 1, v), at_step(step, s.post[v])));
    options.push_back(ir::mk_and(parts));
  }
  return ir::mk_or(options);
}

Term CutPointUnrolling::violation(unsigned step) const {
  std::vector<Term> options;
  for (const ViolationPath& v : system_.violations)
    options.push_back(ir::mk_and(at(step, v.from), at_step(step, v.condition)));
  return ir::mk_or(options);
}

Term CutPointUnrolling::invariant(unsigned step, const std::map<ir::LocId, Term>& invariants) const {
  std::vector<Term> parts;
  for (const auto& [loc, inv] : invariants)
    if (index_.count(loc)) parts.push_back(ir::mk_implies(at(step, loc), at_step(step, inv)));
  return ir::mk_and(parts);
}

}  // namespace verdict::transform
