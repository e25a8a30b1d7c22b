#include "transform/select_properties.h"

#include <algorithm>

namespace verdict::transform {

namespace {

enum class Fate { Keep, Remove, Demote };

Fate fate_of(ir::PropertyKind kind, const PropertySet& selected) {
  switch (kind) {
    case ir::PropertyKind::Assertion: return selected.unreach_call ? Fate::Keep : Fate::Remove;
    // An exception ends the execution: outside the question it cannot be dropped (the
    // execution would go on), so reaching it means don't know.
    case ir::PropertyKind::UncaughtException: return selected.unreach_call ? Fate::Keep : Fate::Demote;
    case ir::PropertyKind::SignedOverflow: return selected.no_overflow ? Fate::Keep : Fate::Remove;
    case ir::PropertyKind::DivisionByZero:
    case ir::PropertyKind::InvalidShift:
      return selected.no_overflow && selected.other_undefined_arithmetic ? Fate::Keep : Fate::Demote;
    case ir::PropertyKind::Unsupported:
    case ir::PropertyKind::BoundReached:
    case ir::PropertyKind::WitnessClaim: return Fate::Keep;
  }
  return Fate::Keep;
}

}  // namespace

SelectPropertiesStats select_properties(ir::Program& program, const PropertySet& selected) {
  SelectPropertiesStats stats;
  std::vector<Fate> fates;
  for (ir::Property& p : program.props) {
    fates.push_back(fate_of(p.kind, selected));
    if (fates.back() != Fate::Demote) continue;
    p.description = "undefined behaviour not covered by the question: " + p.description;
    p.kind = ir::PropertyKind::Unsupported;
  }
  for (ir::Edge& edge : program.edges) {
    auto drop = [&](const ir::Stmt& s) {
      if (s.kind != ir::Stmt::Kind::Check) return false;
      switch (fates.at(s.prop)) {
        case Fate::Keep: ++stats.kept; return false;
        case Fate::Demote: ++stats.demoted; return false;
        case Fate::Remove: ++stats.removed; return true;
      }
      return false;
    };
    edge.body.erase(std::remove_if(edge.body.begin(), edge.body.end(), drop), edge.body.end());
  }
  return stats;
}

}  // namespace verdict::transform
