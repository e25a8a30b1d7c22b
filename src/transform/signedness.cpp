#include "transform/signedness.h"

#include <vector>

namespace verdict::transform {

namespace {

/// Whether `t` computes a signed number under the views in `is_signed`.
bool signed_term(const ir::Term& t, const std::vector<bool>& is_signed) {
  switch (t.op()) {
    case ir::Op::Var: return t.var() < is_signed.size() && is_signed[t.var()];
    case ir::Op::Add: case ir::Op::Sub: case ir::Op::Mul: case ir::Op::Neg: case ir::Op::SDiv:
    case ir::Op::SRem: case ir::Op::Ite: {
      const std::size_t first = t.op() == ir::Op::Ite ? 1 : 0;
      for (std::size_t i = first; i < t.args().size(); ++i)
        if (signed_term(t.arg(i), is_signed)) return true;
      return false;
    }
    case ir::Op::SignExt: return true;
    default: return false;
  }
}

/// Per variable: read it as a signed number (the fixpoint described in the header).
std::vector<bool> infer_signedness(const ir::Program& program) {
  std::vector<bool> is_signed(program.vars.size(), false);
  std::vector<bool> fixed(program.vars.size(), false);
  for (ir::VarId v = 0; v < program.vars.size(); ++v) {
    const ir::Variable& var = program.vars[v];
    is_signed[v] = var.is_signed;
    fixed[v] = !var.type_name.empty() || !var.sort.is_bv();
  }
  for (bool changed = true; changed;) {
    changed = false;
    const auto mark = [&](ir::VarId v) {
      if (fixed[v] || is_signed[v]) return;
      is_signed[v] = true;
      changed = true;
    };
    for (const ir::Edge& e : program.edges) {
      for (const ir::Stmt& s : e.body) {
        if (s.kind == ir::Stmt::Kind::Assign && signed_term(s.term, is_signed)) mark(s.var);
        if (s.kind != ir::Stmt::Kind::Call) continue;
        const ir::Procedure& proc = program.procedures.at(s.callee);
        for (std::size_t i = 0; i < s.outs.size(); ++i)
          if (is_signed[proc.results[i]]) mark(s.outs[i]);
      }
    }
  }
  return is_signed;
}

}  // namespace

void mark_signed_temporaries(ir::Program& program) {
  const std::vector<bool> is_signed = infer_signedness(program);
  for (ir::VarId v = 0; v < program.vars.size(); ++v)
    if (program.vars[v].type_name.empty()) program.vars[v].is_signed = is_signed[v];
}

}  // namespace verdict::transform
