#include "transform/select_properties.h"

#include <algorithm>

namespace verdict::transform {

namespace {

bool selected_class(ir::PropertyClass c, const PropertySet& selected) {
  switch (c) {
    case ir::PropertyClass::UnreachCall: return selected.unreach_call;
    case ir::PropertyClass::NoOverflow: return selected.no_overflow;
    case ir::PropertyClass::Incomplete: return true;
  }
  return true;
}

}  // namespace

SelectPropertiesStats select_properties(ir::Program& program, const PropertySet& selected) {
  SelectPropertiesStats stats;
  for (ir::Edge& edge : program.edges) {
    auto drop = [&](const ir::Stmt& s) {
      if (s.kind != ir::Stmt::Kind::Check) return false;
      const bool keep = selected_class(ir::property_class(program.props.at(s.prop).kind), selected);
      ++(keep ? stats.kept : stats.removed);
      return !keep;
    };
    edge.body.erase(std::remove_if(edge.body.begin(), edge.body.end(), drop), edge.body.end());
  }
  return stats;
}

}  // namespace verdict::transform
