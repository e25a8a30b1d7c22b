#include "ir/program.h"

#include <algorithm>

#include "support/invariant.h"

namespace verdict::ir {

PropertyClass property_class(PropertyKind kind) {
  switch (kind) {
    case PropertyKind::Assertion:
    case PropertyKind::UncaughtException: return PropertyClass::UnreachCall;
    case PropertyKind::SignedOverflow:
    case PropertyKind::DivisionByZero:
    case PropertyKind::InvalidShift: return PropertyClass::NoOverflow;
    case PropertyKind::Unsupported:
    case PropertyKind::BoundReached: return PropertyClass::Incomplete;
    case PropertyKind::WitnessClaim: return PropertyClass::WitnessClaim;
  }
  return PropertyClass::Incomplete;
}

const char* to_string(PropertyClass c) {
  switch (c) {
    case PropertyClass::UnreachCall: return "unreach-call";
    case PropertyClass::NoOverflow: return "no-overflow";
    case PropertyClass::Incomplete: return "incomplete";
    case PropertyClass::WitnessClaim: return "witness-claim";
  }
  return "?";
}

const char* to_string(PropertyKind k) {
  switch (k) {
    case PropertyKind::Assertion: return "assertion";
    case PropertyKind::SignedOverflow: return "signed-overflow";
    case PropertyKind::DivisionByZero: return "division-by-zero";
    case PropertyKind::InvalidShift: return "invalid-shift";
    case PropertyKind::UncaughtException: return "uncaught-exception";
    case PropertyKind::Unsupported: return "unsupported";
    case PropertyKind::BoundReached: return "bound-reached";
    case PropertyKind::WitnessClaim: return "witness-claim";
  }
  return "?";
}

Stmt Stmt::assign(VarId v, Term t, SourceLocation l) {
  return Stmt{Kind::Assign, v, std::move(t), 0, std::move(l), {}, 0, {}, {}};
}
Stmt Stmt::havoc(VarId v, std::string origin, SourceLocation l) {
  return Stmt{Kind::Havoc, v, {}, 0, std::move(l), std::move(origin), 0, {}, {}};
}
Stmt Stmt::assume(Term t, SourceLocation l) {
  return Stmt{Kind::Assume, 0, std::move(t), 0, std::move(l), {}, 0, {}, {}};
}
Stmt Stmt::check(PropId p, Term t, SourceLocation l) {
  return Stmt{Kind::Check, 0, std::move(t), p, std::move(l), {}, 0, {}, {}};
}
Stmt Stmt::call(std::uint32_t callee, std::vector<Term> args, std::vector<VarId> outs, SourceLocation l) {
  return Stmt{Kind::Call, 0, {}, 0, std::move(l), {}, callee, std::move(args), std::move(outs)};
}

std::string location_label(const Program& program, LocId l) {
  const Location& loc = program.locs.at(l);
  return loc.loc.line > 0 ? "line " + std::to_string(loc.loc.line) : loc.name;
}

bool is_call_edge(const Edge& e) { return e.body.size() == 1 && e.body[0].kind == Stmt::Kind::Call; }

VarId Program::add_var(Variable v) {
  vars.push_back(std::move(v));
  return static_cast<VarId>(vars.size() - 1);
}

LocId Program::add_loc(std::string name, SourceLocation loc) {
  locs.push_back(Location{std::move(name), std::move(loc), false});
  return static_cast<LocId>(locs.size() - 1);
}

PropId Program::add_prop(PropertyKind kind, std::string description, SourceLocation loc) {
  props.push_back(Property{kind, std::move(description), std::move(loc), {}});
  return static_cast<PropId>(props.size() - 1);
}

void Program::add_edge(LocId from, LocId to, std::vector<Stmt> body) {
  VERDICT_INVARIANT(from < locs.size() && to < locs.size(), "edge between unknown locations");
  edges.push_back(Edge{from, to, std::move(body)});
}

const std::vector<std::size_t>& Program::outgoing(LocId loc) const {
  std::lock_guard<std::mutex> lock(index_.mutex);
  if (index_.indexed_edges != edges.size() || index_.out.size() != locs.size()) {
    index_.out.assign(locs.size(), {});
    for (std::size_t i = 0; i < edges.size(); ++i) index_.out[edges[i].from].push_back(i);
    index_.indexed_edges = edges.size();
  }
  return index_.out.at(loc);
}

std::optional<std::pair<std::size_t, VarId>> assigned_parameter(const Program& program) {
  for (std::size_t i = 0; i < program.procedures.size(); ++i)
    for (const Edge& e : program.edges)
      for (const Stmt& s : e.body)
        for (VarId param : program.procedures[i].params) {
          const bool assigns = (s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::Havoc) && s.var == param;
          if (assigns || std::find(s.outs.begin(), s.outs.end(), param) != s.outs.end())
            return std::make_pair(i, param);
        }
  return std::nullopt;
}

}  // namespace verdict::ir
