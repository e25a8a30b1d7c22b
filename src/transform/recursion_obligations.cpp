#include "transform/recursion_obligations.h"

#include "support/scc.h"
#include "transform/cutpoints.h"
#include "transform/term_rewrite.h"

namespace verdict::transform {

using ir::LinearFunction;
using ir::Op;
using ir::Term;

namespace {


/// A path of segments ending at a call, as the formula of its steps and the state on
/// arrival (composition of the segments' post-states).
struct PathToCall {
  Term condition;
  std::vector<Term> state;
};

}  // namespace

std::vector<int> procedure_of_locations(const ir::Program& p) {
  std::vector<int> owner(p.locs.size(), -1);
  for (std::size_t k = 0; k < p.procedures.size(); ++k) {
    std::vector<ir::LocId> work{p.procedures[k].entry};
    owner[p.procedures[k].entry] = static_cast<int>(k);
    while (!work.empty()) {
      const ir::LocId l = work.back();
      work.pop_back();
      for (std::size_t e : p.outgoing(l)) {
        const ir::LocId to = p.edges[e].to;
        if (owner[to] != -1) continue;
        owner[to] = static_cast<int>(k);
        work.push_back(to);
      }
    }
  }
  return owner;
}

std::vector<std::pair<std::string, Term>> recursion_obligations(
    const ir::Program& p, const std::map<std::uint32_t, LinearFunction>& functions,
    const std::map<ir::LocId, Term>& invariants, const std::set<std::uint32_t>& only_callers,
    const std::map<std::uint32_t, LinearFunction>& next) {
  const transform::CutPointSystem sys = build_cut_point_system(p);
  std::vector<Segment> steps = sys.segments;
  for (Segment& s : call_return_segments(p, sys)) steps.push_back(std::move(s));
  const std::vector<int> owner = procedure_of_locations(p);
  std::vector<std::vector<std::size_t>> succ(p.procedures.size());
  for (const CallSegment& c : sys.calls)
    if (owner[c.from] >= 0) succ[static_cast<std::size_t>(owner[c.from])].push_back(c.callee);
  const support::SccResult scc = support::strongly_connected_components(succ);
  const unsigned width = ir::ranking_width(p);
  static const LinearFunction zero;
  const auto function = [&](std::uint32_t k) -> const LinearFunction& {
    auto it = functions.find(k);
    return it == functions.end() ? zero : it->second;
  };
  const auto second = [&](std::uint32_t k) -> const LinearFunction& {
    auto it = next.find(k);
    return it == next.end() ? zero : it->second;
  };
  const auto inv = [&](ir::LocId l) {
    auto it = invariants.find(l);
    return it == invariants.end() ? ir::mk_true() : it->second;
  };
  std::vector<std::pair<std::string, Term>> out;
  for (const CallSegment& c : sys.calls) {
    if (owner[c.from] < 0) continue;
    const auto caller = static_cast<std::uint32_t>(owner[c.from]);
    if (scc.component[caller] != scc.component[c.callee]) continue;
    if (!only_callers.empty() && !only_callers.count(caller)) continue;
    // The paths of up to three steps that end at the call, each from a cut point with its
    // invariant (the path conditions say more than the invariant at the call alone).
    std::vector<PathToCall> paths{{inv(c.from), {}}};
    for (ir::VarId v = 0; v < p.vars.size(); ++v) paths[0].state.push_back(p.var_term(v));
    std::vector<PathToCall> frontier = paths;
    std::vector<ir::LocId> frontier_at{c.from};
    for (int depth = 0; depth < 3; ++depth) {
      std::vector<PathToCall> next;
      std::vector<ir::LocId> next_at;
      for (std::size_t f = 0; f < frontier.size(); ++f) {
        for (const Segment& s : steps) {
          if (s.to != frontier_at[f] || owner[s.from] != owner[c.from]) continue;
          const auto through = [&](const Term& t) {
            return substitute(t, [&](ir::VarId v) { return v < s.post.size() ? s.post[v] : Term(); });
          };
          PathToCall longer{ir::mk_and({inv(s.from), s.guard, through(frontier[f].condition)}), {}};
          for (const Term& t : frontier[f].state) longer.state.push_back(through(t));
          next.push_back(longer);
          next_at.push_back(s.from);
        }
      }
      if (next.empty() || next.size() > 16) break;
      paths = next;
      frontier = std::move(next);
      frontier_at = std::move(next_at);
    }
    const ir::Procedure& callee = p.procedures[c.callee];
    for (const PathToCall& path : paths) {
      const auto at_call = [&](ir::VarId v) { return path.state.at(v); };
      const auto in_callee = [&](ir::VarId v) -> Term {
        for (std::size_t i = 0; i < callee.params.size(); ++i)
          if (callee.params[i] == v) return substitute(c.args[i], at_call);
        return p.var_term(v);
      };
      const Term zero_value = ir::ranking_constant(width, 0);
      const Term before = ir::ranking_term(p, function(caller), width, at_call);
      const Term after = ir::ranking_term(p, function(c.callee), width, in_callee);
      Term good = ir::mk_and(ir::ranking_lt(after, before), ir::ranking_le(zero_value, before));
      if (!next.empty()) {
        // Lexicographic: or the first does not grow and the second decreases.
        const Term before2 = ir::ranking_term(p, second(caller), width, at_call);
        const Term after2 = ir::ranking_term(p, second(c.callee), width, in_callee);
        good = ir::mk_or(good, ir::mk_and({ir::ranking_le(after, before), ir::ranking_lt(after2, before2),
                                           ir::ranking_le(zero_value, before2)}));
      }
      out.push_back({"recursive call of " + callee.name + " at " + ir::location_label(p, c.from) + " decreases",
                     ir::mk_and(path.condition, ir::mk_not(good))});
    }
  }
  return out;
}

}  // namespace verdict::transform
