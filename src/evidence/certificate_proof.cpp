#include "evidence/certificate_proof.h"

#include "evidence/python_expr.h"

namespace verdict::evidence {

std::vector<ProofItem> invariant_items(const ir::Program& program, const std::map<ir::LocId, ir::Term>& invariants) {
  std::vector<ProofItem> items;
  for (const auto& [loc, inv] : invariants) {
    if (inv.is_true()) continue;
    const ir::Location& l = program.locs.at(loc);
    std::string kind = "invariant", text = print_source_expr(inv, program);
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
