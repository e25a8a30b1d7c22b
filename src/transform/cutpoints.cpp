#include "transform/cutpoints.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "ir/graph.h"
#include "support/invariant.h"
#include "support/scc.h"
#include "transform/term_rewrite.h"

namespace verdict::transform {

using ir::LocId;
using ir::Term;
using ir::VarId;

Term CallSegment::at_call(const ir::Program& program, VarId v) const {
  const ir::Procedure& proc = program.procedures.at(callee);
  for (std::size_t i = 0; i < proc.params.size(); ++i)
    if (proc.params[i] == v) return args[i];
  auto it = frame.find(v);
  return it == frame.end() ? Term() : ir::mk_var(it->second, program.vars.at(v).sort);
}

std::vector<VarId> CutPointSystem::live_vars(LocId loc) const {
  std::vector<VarId> out;
  const auto& l = live.at(loc);
  for (VarId v = 0; v < l.size(); ++v)
    if (l[v]) out.push_back(v);
  return out;
}

namespace {

/// Marks every location on a cycle of the CFA.
void mark_cycle_locations(const ir::Program& p, std::vector<bool>& cut) {
  std::vector<std::vector<std::size_t>> succ(p.locs.size());
  for (const ir::Edge& e : p.edges) succ[e.from].push_back(e.to);
  const support::SccResult scc = support::strongly_connected_components(succ);
  for (const ir::Edge& e : p.edges)
    if (scc.component[e.from] == scc.component[e.to]) cut[e.from] = cut[e.to] = true;
}

}  // namespace

std::vector<LocId> choose_cut_points(const ir::Program& p, std::size_t* added, CutPointChoice choice) {
  std::vector<bool> cut(p.locs.size(), false);
  cut[p.init] = true;
  if (choice == CutPointChoice::EveryLoopLocation) mark_cycle_locations(p, cut);
  for (LocId l = 0; l < p.locs.size(); ++l)
    if (p.locs[l].loop_head) cut[l] = true;
  for (const ir::Procedure& proc : p.procedures) cut[proc.entry] = cut[proc.exit] = true;
  for (const ir::Edge& e : p.edges)
    if (ir::is_call_edge(e)) cut[e.from] = cut[e.to] = true;
  // DFS with the loop heads already cut: every remaining back-edge target closes a cycle
  // the marks missed. Repeat until no cycle is left (one round suffices; loop for safety).
  std::size_t extra = 0;
  for (;;) {
    std::set<LocId> more = ir::back_edge_targets(p, [&](LocId l) { return static_cast<bool>(cut[l]); });
    if (more.empty()) break;
    for (LocId l : more) cut[l] = true;
    extra += more.size();
  }
  if (added) *added = extra;
  std::vector<LocId> points;
  for (LocId l = 0; l < p.locs.size(); ++l)
    if (cut[l]) points.push_back(l);
  return points;
}

namespace {

using Bits = std::vector<std::uint64_t>;

/// Per edge: variables read before written (gen) and variables written (kill).
struct GenKill {
  std::vector<VarId> gen, kill;
};

GenKill gen_kill(const ir::Edge& e) {
  std::set<VarId> gen, kill;
  for (auto it = e.body.rbegin(); it != e.body.rend(); ++it) {
    if (it->kind == ir::Stmt::Kind::Assign || it->kind == ir::Stmt::Kind::Havoc) {
      gen.erase(it->var);
      kill.insert(it->var);
    }
    for (VarId out : it->outs) {
      gen.erase(out);
      kill.insert(out);
    }
    if (it->term.valid()) collect_vars(it->term, gen);
    for (const Term& a : it->args) collect_vars(a, gen);
  }
  return GenKill{{gen.begin(), gen.end()}, {kill.begin(), kill.end()}};
}

}  // namespace

std::vector<std::vector<bool>> live_variables(const ir::Program& p, const std::vector<bool>& wanted) {
  const std::size_t n = p.vars.size(), words = (n + 63) / 64;
  std::vector<Bits> live(p.locs.size(), Bits(words, 0));
  std::vector<GenKill> gk;
  gk.reserve(p.edges.size());
  for (const ir::Edge& e : p.edges) gk.push_back(gen_kill(e));
  std::vector<std::vector<std::size_t>> incoming(p.locs.size());
  for (std::size_t i = 0; i < p.edges.size(); ++i) incoming[p.edges[i].to].push_back(i);
  std::deque<LocId> work;
  std::vector<bool> queued(p.locs.size(), true);
  for (LocId l = 0; l < p.locs.size(); ++l) work.push_back(l);
  Bits in(words);
  while (!work.empty()) {
    const LocId to = work.front();
    work.pop_front();
    queued[to] = false;
    for (std::size_t ei : incoming[to]) {
      const ir::Edge& e = p.edges[ei];
      in = live[to];
      for (VarId v : gk[ei].kill) in[v / 64] &= ~(std::uint64_t{1} << (v % 64));
      for (VarId v : gk[ei].gen) in[v / 64] |= std::uint64_t{1} << (v % 64);
      bool changed = false;
      Bits& from = live[e.from];
      for (std::size_t w = 0; w < words; ++w) {
        const std::uint64_t merged = from[w] | in[w];
        if (merged != from[w]) {
          from[w] = merged;
          changed = true;
        }
      }
      if (changed && !queued[e.from]) {
        queued[e.from] = true;
        work.push_back(e.from);
      }
    }
  }
  std::vector<std::vector<bool>> out(p.locs.size());
  for (LocId l = 0; l < p.locs.size(); ++l) {
    if (!wanted.empty() && !wanted[l]) continue;
    out[l].assign(n, false);
    for (VarId v = 0; v < n; ++v) out[l][v] = (live[l][v / 64] >> (v % 64)) & 1;
  }
  return out;
}

namespace {

/// One symbolic path bundle: its guard and the variables it changed.
struct PathState {
  Term guard;
  std::unordered_map<VarId, Term> changed;
};

class Summariser {
 public:
  Summariser(const ir::Program& p, CutPointSystem& sys) : p_(p), sys_(sys) {}

  void summarise(LocId from);

 private:
  Term value(const PathState& s, VarId v) const {
    auto it = s.changed.find(v);
    return it == s.changed.end() ? p_.var_term(v) : it->second;
  }
  Term eval(const PathState& s, const Term& t) const {
    return substitute(t, [&](VarId v) {
      auto it = s.changed.find(v);
      return it == s.changed.end() ? Term() : it->second;
    });
  }
  PathState merge(const std::vector<PathState>& in) const;
  /// Runs edge `ei` from `s`; records violations; returns the state at the edge's target.
  PathState run_edge(LocId from, std::size_t ei, PathState s);
  VarId havoc_var(std::size_t edge, std::size_t stmt, VarId v);
  std::vector<LocId> topo_order(LocId from) const;

  const ir::Program& p_;
  CutPointSystem& sys_;
  std::map<std::pair<std::size_t, std::size_t>, VarId> havocs_;
};

PathState Summariser::merge(const std::vector<PathState>& in) const {
  if (in.size() == 1) return in[0];
  PathState out;
  std::vector<Term> guards;
  std::set<VarId> keys;
  for (const PathState& s : in) {
    guards.push_back(s.guard);
    for (const auto& [v, t] : s.changed) keys.insert(v);
  }
  out.guard = ir::mk_or(guards);
  for (VarId v : keys) {
    Term t = value(in.back(), v);
    for (std::size_t i = in.size() - 1; i-- > 0;) t = ir::mk_ite(in[i].guard, value(in[i], v), t);
    out.changed.emplace(v, t);
  }
  return out;
}

VarId Summariser::havoc_var(std::size_t edge, std::size_t stmt, VarId v) {
  auto key = std::make_pair(edge, stmt);
  if (auto it = havocs_.find(key); it != havocs_.end()) return it->second;
  ir::Variable aux = p_.vars.at(v);
  aux.name = "havoc." + aux.name + ".e" + std::to_string(edge) + "." + std::to_string(stmt);
  const VarId id = static_cast<VarId>(sys_.num_program_vars + sys_.aux_vars.size());
  sys_.aux_vars.push_back(std::move(aux));
  havocs_.emplace(key, id);
  return id;
}

PathState Summariser::run_edge(LocId from, std::size_t ei, PathState s) {
  const ir::Edge& e = p_.edges[ei];
  for (std::size_t i = 0; i < e.body.size() && !s.guard.is_false(); ++i) {
    const ir::Stmt& st = e.body[i];
    switch (st.kind) {
      case ir::Stmt::Kind::Assign: s.changed[st.var] = eval(s, st.term); break;
      case ir::Stmt::Kind::Havoc: {
        const VarId h = havoc_var(ei, i, st.var);
        s.changed[st.var] = ir::mk_var(h, p_.vars.at(st.var).sort);
        break;
      }
      case ir::Stmt::Kind::Assume: s.guard = ir::mk_and(s.guard, eval(s, st.term)); break;
      case ir::Stmt::Kind::Call:
        VERDICT_INVARIANT(false, "call edges are summarised as call segments");
        break;
      case ir::Stmt::Kind::Check: {
        const Term c = eval(s, st.term);
        const Term bad = ir::mk_and(s.guard, ir::mk_not(c));
        if (!bad.is_false()) sys_.violations.push_back(ViolationPath{from, st.prop, st.loc, bad});
        s.guard = ir::mk_and(s.guard, c);
        break;
      }
    }
  }
  return s;
}

std::vector<LocId> Summariser::topo_order(LocId from) const {
  // Reverse DFS post-order of the region reachable from `from` without entering cut points.
  std::vector<LocId> post = ir::dfs_postorder(p_, from, [&](LocId l) { return static_cast<bool>(sys_.is_cut[l]); });
  std::reverse(post.begin(), post.end());
  return post;
}

void Summariser::summarise(LocId from) {
  std::unordered_map<LocId, std::vector<PathState>> pending;
  std::map<LocId, std::vector<PathState>> arrivals;
  pending[from].push_back(PathState{ir::mk_true(), {}});
  for (LocId loc : topo_order(from)) {
    auto it = pending.find(loc);
    if (it == pending.end()) continue;
    const PathState here = merge(it->second);
    pending.erase(it);
    for (std::size_t ei : p_.outgoing(loc)) {
      const ir::Edge& e = p_.edges[ei];
      if (ir::is_call_edge(e)) {  // its source is a cut point, so loc == from here
        const ir::Stmt& c = e.body[0];
        sys_.calls.push_back(CallSegment{from, e.to, c.callee, c.args, c.outs, c.loc, {}});
        continue;
      }
      PathState s = run_edge(from, ei, here);
      if (s.guard.is_false()) continue;
      const LocId to = p_.edges[ei].to;
      (sys_.is_cut[to] ? arrivals[to] : pending[to]).push_back(std::move(s));
    }
  }
  for (auto& [to, states] : arrivals) {
    const PathState s = merge(states);
    Segment seg{from, to, s.guard, {}};
    seg.post.reserve(sys_.num_program_vars);
    for (VarId v = 0; v < sys_.num_program_vars; ++v) seg.post.push_back(value(s, v));
    sys_.segments.push_back(std::move(seg));
  }
}

/// Makes a procedure's parameters live at its cut points, and its results at its exit.
/// A call's argument variables stay live after it (the call does not change them): the
/// state after the call can then relate the result to them directly, and solvers need
/// no projection (`exists`) to describe it.
void add_frame_variables(const ir::Program& p, CutPointSystem& sys) {
  for (const ir::Edge& e : p.edges) {
    if (!ir::is_call_edge(e)) continue;
    std::set<VarId> used;
    for (const Term& a : e.body[0].args) collect_vars(a, used);
    for (VarId v : used) sys.live[e.to][v] = true;
  }
  for (const ir::Procedure& proc : p.procedures) {
    for (LocId l : ir::dfs_postorder(p, proc.entry)) {
      if (!sys.is_cut[l]) continue;
      for (VarId v : proc.params) sys.live[l][v] = true;
      if (l == proc.exit)
        for (VarId v : proc.results) sys.live[l][v] = true;
    }
  }
}

/// Auxiliary variables for the callee's state at every call (see CallSegment::frame).
void add_call_frames(const ir::Program& p, CutPointSystem& sys) {
  for (std::size_t i = 0; i < sys.calls.size(); ++i) {
    CallSegment& c = sys.calls[i];
    const ir::Procedure& proc = p.procedures.at(c.callee);
    for (LocId l : {proc.entry, proc.exit}) {
      for (VarId v : sys.live_vars(l)) {
        if (std::find(proc.params.begin(), proc.params.end(), v) != proc.params.end() || c.frame.count(v)) continue;
        ir::Variable aux = p.vars.at(v);
        aux.name = "call" + std::to_string(i) + "." + aux.name;
        const auto id = static_cast<VarId>(sys.num_program_vars + sys.aux_vars.size());
        sys.aux_vars.push_back(std::move(aux));
        c.frame.emplace(v, id);
      }
    }
  }
}

}  // namespace

std::vector<Segment> call_return_segments(const ir::Program& p, const CutPointSystem& sys) {
  std::vector<Segment> out;
  for (const CallSegment& c : sys.calls) {
    Segment s{c.from, c.to, ir::mk_true(), {}};
    for (VarId v = 0; v < sys.num_program_vars; ++v) s.post.push_back(p.var_term(v));
    const ir::Procedure& proc = p.procedures.at(c.callee);
    for (std::size_t j = 0; j < c.outs.size(); ++j) {
      const Term result = c.at_call(p, proc.results.at(j));
      VERDICT_INVARIANT(result.valid(), "a call's results have frame variables");
      s.post.at(c.outs[j]) = result;
    }
    out.push_back(std::move(s));
  }
  return out;
}

CutPointSystem build_cut_point_system(const ir::Program& p, CutPointChoice choice) {
  CutPointSystem sys;
  sys.num_program_vars = p.vars.size();
  sys.cut_points = choose_cut_points(p, &sys.stats.added_beyond_loop_heads, choice);
  sys.is_cut.assign(p.locs.size(), false);
  for (LocId l : sys.cut_points) sys.is_cut[l] = true;
  sys.live = live_variables(p, sys.is_cut);
  add_frame_variables(p, sys);
  Summariser s(p, sys);
  for (LocId l : sys.cut_points) s.summarise(l);
  add_call_frames(p, sys);
  sys.stats.cut_points = sys.cut_points.size();
  sys.stats.segments = sys.segments.size();
  sys.stats.violation_paths = sys.violations.size();
  return sys;
}

}  // namespace verdict::transform
