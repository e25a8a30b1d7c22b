#include "transform/termination_view.h"

namespace verdict::transform {

TerminationViewStats make_termination_view(ir::Program& program, TerminationView view) {
  TerminationViewStats stats;
  for (ir::Edge& edge : program.edges) {
    for (ir::Stmt& s : edge.body) {
      if (s.kind != ir::Stmt::Kind::Check) continue;
      const ir::PropertyKind kind = program.props.at(s.prop).kind;
      const bool assertion = kind == ir::PropertyKind::Assertion || kind == ir::PropertyKind::UncaughtException;
      const bool undefined = ir::property_class(kind) != ir::PropertyClass::Incomplete;
      if (assertion || view == TerminationView::Witness || (view == TerminationView::DefinedProof && undefined)) {
        s = ir::Stmt::assume(s.term, s.loc);
        ++stats.assumed;
      } else {
        ++stats.kept;
      }
    }
  }
  return stats;
}

}  // namespace verdict::transform
