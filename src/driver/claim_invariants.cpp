#include "driver/claim_invariants.h"

#include <functional>
#include <vector>

#include "transform/term_rewrite.h"

namespace verdict::driver {

namespace {

/// Weakest preconditions, from one loop head, of the first loop claim on every path; the
/// walk stops at loop heads, at the exit and at locations without edges (nothing to claim
/// there: `true`).
class HeadWalk {
 public:
  HeadWalk(const ir::Program& p, const std::set<std::uint32_t>& loop_claims, ir::LocId head)
      : p_(p), loop_claims_(loop_claims), head_(head) {}

  /// The invariant at the head, or nullopt (then `why` says why).
  std::optional<ir::Term> run() { return at(head_, true); }

  std::set<std::uint32_t> met;  ///< the claim numbers found
  std::string why;

 private:
  bool is_loop_claim(const ir::Stmt& s) const {
    return s.kind == ir::Stmt::Kind::Check && p_.props.at(s.prop).kind == ir::PropertyKind::WitnessClaim &&
           loop_claims_.count(p_.props.at(s.prop).claim) > 0;
  }

  std::optional<ir::Term> at(ir::LocId l, bool start) {
    if (!start && (p_.locs.at(l).loop_head || l == p_.exit)) return ir::mk_true();
    if (auto it = memo_.find(l); it != memo_.end()) return it->second;
    if (++visits_ > 2000) {
      why = "the loop condition is too large to follow from the loop head to the claim";
      return std::nullopt;
    }
    std::vector<ir::Term> all;
    for (std::size_t e : p_.outgoing(l)) {
      std::optional<ir::Term> w = through(p_.edges[e]);
      if (!w) return std::nullopt;
      all.push_back(*w);
    }
    const ir::Term result = ir::mk_and(all);
    memo_.emplace(l, result);
    return result;
  }

  std::optional<ir::Term> through(const ir::Edge& e) {
    std::size_t end = 0;
    while (end < e.body.size() && !is_loop_claim(e.body[end])) ++end;
    std::optional<ir::Term> post;
    if (end < e.body.size()) {
      met.insert(p_.props.at(e.body[end].prop).claim);
      post = e.body[end].term;
    } else {
      post = at(e.to, false);
    }
    if (!post) return std::nullopt;
    ir::Term q = *post;
    for (std::size_t i = end; i-- > 0;) {
      const ir::Stmt& s = e.body[i];
      switch (s.kind) {
        case ir::Stmt::Kind::Assign:
          q = transform::substitute(q, std::unordered_map<ir::VarId, ir::Term>{{s.var, s.term}});
          break;
        case ir::Stmt::Kind::Assume:
        case ir::Stmt::Kind::Check: q = ir::mk_implies(s.term, q); break;
        case ir::Stmt::Kind::Havoc: {
          std::set<ir::VarId> vars;
          transform::collect_vars(q, vars);
          if (vars.count(s.var) == 0) break;
          why = "a claim depends on an input read before it (" + s.note + ")";
          return std::nullopt;
        }
        case ir::Stmt::Kind::Call: why = "a call before a claim"; return std::nullopt;
      }
    }
    return q;
  }

  const ir::Program& p_;
  const std::set<std::uint32_t>& loop_claims_;
  ir::LocId head_;
  std::map<ir::LocId, ir::Term> memo_;
  unsigned visits_ = 0;
};

/// Whether a loop claim is met on some path from `head` before another loop head.
bool reaches_claim(const ir::Program& p, const std::set<std::uint32_t>& loop_claims, ir::LocId head) {
  std::vector<ir::LocId> stack{head};
  std::set<ir::LocId> seen{head};
  while (!stack.empty()) {
    const ir::LocId l = stack.back();
    stack.pop_back();
    for (std::size_t e : p.outgoing(l)) {
      for (const ir::Stmt& s : p.edges[e].body)
        if (s.kind == ir::Stmt::Kind::Check && p.props.at(s.prop).kind == ir::PropertyKind::WitnessClaim &&
            loop_claims.count(p.props.at(s.prop).claim) > 0)
          return true;
      const ir::LocId to = p.edges[e].to;
      if (!p.locs.at(to).loop_head && seen.insert(to).second) stack.push_back(to);
    }
  }
  return false;
}

}  // namespace

HeadInvariants head_invariants(const ir::Program& program, const std::set<std::uint32_t>& loop_claims) {
  HeadInvariants out;
  for (ir::LocId l = 0; l < program.locs.size(); ++l) {
    if (!program.locs[l].loop_head || !reaches_claim(program, loop_claims, l)) continue;
    HeadWalk walk(program, loop_claims, l);
    const std::optional<ir::Term> inv = walk.run();
    if (!inv) {
      out.unsupported = walk.why;
      return out;
    }
    out.invariants[l] = *inv;
    out.claims[l] = walk.met;
  }
  return out;
}

}  // namespace verdict::driver
