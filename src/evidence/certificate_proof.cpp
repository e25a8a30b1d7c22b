#include "evidence/certificate_proof.h"

#include "evidence/c_expr.h"

namespace verdict::evidence {

std::vector<ProofItem> invariant_items(const ir::Program& program, const std::map<ir::LocId, ir::Term>& invariants) {
  std::vector<ProofItem> items;
  for (const auto& [loc, inv] : invariants) {
    if (inv.is_true()) continue;
    const ir::Location& l = program.locs.at(loc);
    std::string text = print_c_expr(inv, program);
    if (l.loc.line == 0) text += "  (at " + l.name + ")";
    items.push_back(ProofItem{"invariant", l.loc, std::move(text)});
  }
  return items;
}

}  // namespace verdict::evidence
