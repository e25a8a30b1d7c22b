// The results of a BMC run: counterexample extraction from a model, the exhaustive
// (safe) result with per-property statuses, and don't-know results.
#include <deque>
#include <map>
#include <set>

#include "engines/bmc/bmc_run.h"
#include "ir/graph.h"

namespace verdict::engines::bmc {

using ir::Term;

std::optional<RawCounterexample> BmcRun::extract(const CheckInstance& inst) {
  const auto& steps = unroller_.steps();
  const auto& nodes = unroller_.nodes();
  std::deque<std::size_t> path{inst.step};
  // Walk back: in any model at most one incoming step of a reached node is taken.
  for (std::size_t n = steps[inst.step].from; n != 0;) {
    std::optional<std::size_t> taken;
    for (std::size_t s : nodes[n].incoming) {
      auto v = solver_->model_value(steps[s].pc_end);
      if (v && v->as_bool()) {
        taken = s;
        break;
      }
    }
    if (!taken) return std::nullopt;
    path.push_front(*taken);
    n = steps[*taken].from;
  }
  RawCounterexample cex;
  cex.violated = inst.prop;
  for (std::size_t s : path) {
    cex.edges.push_back(steps[s].edge);
    for (const auto& [stmt, sym] : steps[s].havocs) {
      if (s == inst.step && stmt > inst.stmt) break;
      auto v = solver_->model_value(sym);
      if (!v) return std::nullopt;
      cex.havoc_values.push_back(*v);
    }
  }
  return cex;
}

EngineResult BmcRun::violation(const CheckInstance& inst) {
  auto cex = extract(inst);
  if (!cex) return unknown("a violation seems possible but no concrete path could be extracted from the model");
  EngineResult r;
  r.status = EngineResult::Status::Violation;
  r.counterexample = std::move(cex);
  const ir::Property& prop = p_.props.at(inst.prop);
  r.properties.push_back(PropertyStatus{ir::to_string(ir::property_class(prop.kind)), prop.description,
                                        prop.loc, PropertyState::Violated});
  r.notes.push_back("shortest violation: " + std::to_string(inst.depth) + " steps");
  add_stats(r);
  return r;
}

std::string BmcRun::incomplete_reason() const {
  // Inlined copies of one construct share its text: each is named once.
  std::string reason;
  std::set<std::string> named;
  for (std::size_t i : incomplete_) {
    const ir::Property& prop = p_.props.at(unroller_.instances()[i].prop);
    std::string item = prop.description;
    if (prop.loc.known()) item += " at " + prop.loc.str();
    item += prop.kind == ir::PropertyKind::BoundReached ? " is reachable (bound reached)"
                                                        : " is reachable (not modelled precisely)";
    if (!named.insert(item).second) continue;
    if (!reason.empty()) reason += "; ";
    reason += item;
  }
  return reason;
}

EngineResult BmcRun::unknown(std::string reason) {
  EngineResult r;
  r.status = EngineResult::Status::Unknown;
  const std::string incomplete = incomplete_reason();
  r.reason = incomplete.empty() ? std::move(reason) : incomplete + "; " + reason;
  r.tried.push_back("bounded model checking to depth " + std::to_string(depth()) + " (limit: " +
                    std::to_string(ctx_.options.max_steps) + " steps)");
  add_stats(r);
  return r;
}

std::string BmcRun::stopped_reason() const {
  const std::string explored = std::to_string(depth());
  return ctx_.deadline.cancelled() ? "cancelled after exploring " + explored + " steps"
                                   : "time limit reached after exploring " + explored + " steps";
}

EngineResult BmcRun::gave_up() {
  const std::string explored = std::to_string(depth() - 1);
  const std::string why = solver_->reason_unknown();
  if (ctx_.deadline.expired() || why == "timeout" || why == "canceled") {
    return unknown(ctx_.deadline.cancelled() ? "cancelled after exploring " + explored + " steps"
                                             : "time limit reached after exploring " + explored + " steps");
  }
  return unknown("the solver gave up at depth " + std::to_string(depth()) + " (" + why +
                 "); no violation within " + explored + " steps");
}

bool BmcRun::acyclic() const { return ir::back_edge_targets(p_).empty(); }

EngineResult BmcRun::exhaustive() {
  const std::string steps = std::to_string(depth());
  if (!incomplete_.empty()) {
    EngineResult r;
    r.reason = incomplete_reason();
    r.tried.push_back("bounded model checking to depth " + steps + " (every path ends within the bound)");
    add_stats(r);
    return r;
  }
  EngineResult r;
  r.status = EngineResult::Status::Safe;
  r.proof = Proof{"exhaustive bounded model checking (every path ends within " + steps + " steps)", {}, {}};
  // Without cycles the checks alone are the obligations; otherwise the bound is the
  // certificate: the checker unrolls the program itself to it.
  r.certificate = Certificate{};
  if (!acyclic()) r.certificate->bound = depth();
  r.properties = statuses();
  std::size_t unreachable = 0;
  for (const auto& s : r.properties) unreachable += s.status == PropertyState::Unreachable;
  if (unreachable > 0)
    r.notes.push_back(std::to_string(unreachable) + " of " + std::to_string(r.properties.size()) +
                      " checks are unreachable (no execution reaches them)");
  add_stats(r);
  return r;
}

namespace {

/// Where a check with condition `false` on edge `e` is decided: the branching location
/// in front of it (an assert's `if`), found over at most one assume-only edge.
ir::LocId decision_site(const ir::Program& p, const ir::Edge& e) {
  if (p.outgoing(e.from).size() > 1) return e.from;
  std::optional<std::size_t> single_in;
  for (std::size_t i = 0; i < p.edges.size(); ++i) {
    if (p.edges[i].to != e.from) continue;
    if (single_in) return e.from;
    single_in = i;
  }
  if (!single_in) return e.from;
  const ir::Edge& in = p.edges[*single_in];
  for (const ir::Stmt& st : in.body)
    if (st.kind != ir::Stmt::Kind::Assume) return e.from;
  return p.outgoing(in.from).size() > 1 ? in.from : e.from;
}

}  // namespace

std::vector<PropertyStatus> BmcRun::statuses() {
  // A check with a condition is vacuous if no execution reaches it. A check with condition
  // `false` (a reach_error() call, the failing branch of an assert) is safe exactly when
  // unreachable, so its vacuity is that of the branch deciding it (the decision site).
  std::map<ir::PropId, std::vector<Term>> reach;
  std::map<ir::PropId, std::set<ir::LocId>> sites;
  for (const ir::Edge& e : p_.edges)
    for (const ir::Stmt& st : e.body)
      if (st.kind == ir::Stmt::Kind::Check && !is_incomplete(p_, st.prop)) {
        reach[st.prop];
        if (st.term.is_false()) sites[st.prop].insert(decision_site(p_, e));
      }
  for (const CheckInstance& inst : unroller_.instances()) {
    const ir::Stmt& st = p_.edges[unroller_.steps()[inst.step].edge].body[inst.stmt];
    if (!inst.reach.is_false() && reach.count(inst.prop) && !st.term.is_false()) reach[inst.prop].push_back(inst.reach);
  }
  for (const Node& node : unroller_.nodes())
    for (auto& [prop_id, locs] : sites)
      if (locs.count(node.loc) && !node.reach.is_false()) reach[prop_id].push_back(node.reach);
  std::vector<PropertyStatus> out;
  for (const auto& [prop_id, conditions] : reach) {
    const ir::Property& prop = p_.props.at(prop_id);
    bool unreachable = conditions.empty();
    if (!unreachable && !ctx_.deadline.expired()) {
      unreachable = check_any(conditions) == smt::SatResult::Unsat;
      solver_->add(ir::mk_not(active_));
    }
    out.push_back(PropertyStatus{ir::to_string(ir::property_class(prop.kind)), prop.description, prop.loc,
                                 unreachable ? PropertyState::Unreachable : PropertyState::Safe});
  }
  return out;
}

void BmcRun::add_stats(EngineResult& r) const {
  r.notes.push_back("bmc: " + std::to_string(depth()) + " steps, " + std::to_string(unroller_.nodes().size()) +
                    " nodes, " + std::to_string(unroller_.instances().size()) + " check instances, " +
                    std::to_string(solver_->checks()) + " solver checks");
}

}  // namespace verdict::engines::bmc
