#include "evidence/block_obligations.h"

#include <algorithm>
#include <unordered_map>

namespace verdict::evidence {

using ir::Term;

namespace {

/// Values of the program's variables along a block, with the condition to be there.
struct State {
  Term reach;
  std::vector<Term> values;  ///< one per program variable
};

/// `t` with every program variable replaced by its value in `values` (post-order, no
/// recursion; the checker's own, not transform's).
Term evaluate(const Term& root, const std::vector<Term>& values) {
  std::unordered_map<ir::TermId, Term> done;
  std::vector<std::pair<Term, bool>> stack{{root, false}};
  while (!stack.empty()) {
    auto [t, expanded] = stack.back();
    stack.pop_back();
    if (done.count(t.id())) continue;
    if (t.op() == ir::Op::Var) {
      done.emplace(t.id(), t.var() < values.size() ? values[t.var()] : t);
      continue;
    }
    if (!expanded) {
      stack.emplace_back(t, true);
      for (const Term& a : t.args()) stack.emplace_back(a, false);
      continue;
    }
    std::vector<Term> args;
    for (const Term& a : t.args()) args.push_back(done.at(a.id()));
    done.emplace(t.id(), ir::rebuild(t, args));
  }
  return done.at(root.id());
}

/// Locations to annotate: init, the given invariants' locations, and the targets of back
/// edges of depth-first searches started at every location (so every cycle has one).
std::vector<bool> annotated_locations(const ir::Program& p, const std::map<ir::LocId, Term>& invariants) {
  std::vector<bool> cut(p.locs.size(), false);
  cut.at(p.init) = true;
  for (const auto& [loc, inv] : invariants) cut.at(loc) = true;
  std::vector<std::vector<ir::LocId>> succ(p.locs.size());
  for (const ir::Edge& e : p.edges) succ.at(e.from).push_back(e.to);
  enum : char { New, Open, Done };
  std::vector<char> mark(p.locs.size(), New);
  for (ir::LocId root = 0; root < p.locs.size(); ++root) {
    if (mark[root] != New) continue;
    std::vector<std::pair<ir::LocId, std::size_t>> stack{{root, 0}};
    mark[root] = Open;
    while (!stack.empty()) {
      auto& [loc, next] = stack.back();
      if (next == succ[loc].size()) {
        mark[loc] = Done;
        stack.pop_back();
        continue;
      }
      const ir::LocId to = succ[loc][next++];
      if (mark[to] == Open) cut[to] = true;  // a back edge closes a cycle at `to`
      if (mark[to] == New) {
        mark[to] = Open;
        stack.emplace_back(to, 0);
      }
    }
  }
  return cut;
}

class Deriver {
 public:
  Deriver(const ir::Program& p, const std::map<ir::LocId, Term>& invariants)
      : p_(p), invariants_(invariants), cut_(annotated_locations(p, invariants)), exclusive_(branches_exclusive(p)) {}

  bool has_calls() {
    for (const ir::Edge& e : p_.edges)
      for (const ir::Stmt& s : e.body)
        if (s.kind == ir::Stmt::Kind::Call) {
          out_.unsupported = "the program has calls";
          return true;
        }
    return false;
  }

  BlockObligations bounded(unsigned bound) {
    if (has_calls()) return out_;
    std::map<ir::LocId, std::vector<State>> frontier;
    frontier[p_.init].push_back(State{ir::mk_true(), initial()});
    std::vector<Term> violations;
    // bound + 1 rounds: the last one must find no edge that can still be taken.
    for (unsigned depth = 0; depth <= bound && !frontier.empty(); ++depth) {
      std::map<ir::LocId, std::vector<State>> next;
      for (const auto& [loc, arrivals] : frontier) {
        const State here = merge(arrivals);
        if (here.reach.is_false()) continue;
        for (const ir::Edge& e : p_.edges) {
          if (e.from != loc) continue;
          State s = here;
          execute(e, s, &violations);
          if (!s.reach.is_false()) next[e.to].push_back(std::move(s));
        }
      }
      frontier = std::move(next);
    }
    std::vector<Term> beyond;
    for (const auto& [loc, arrivals] : frontier)
      for (const State& s : arrivals) beyond.push_back(s.reach);
    const std::string n = std::to_string(bound);
    out_.initiation_and_consecution.push_back(
        {"every execution ends within " + n + " steps", ir::mk_or(beyond), p_.init, p_.init, std::nullopt});
    out_.safety.push_back({"no check fails within " + n + " steps", ir::mk_or(violations), p_.init, p_.init, std::nullopt});
    return out_;
  }

  BlockObligations run() {
    if (has_calls()) return out_;
    out_.initiation_and_consecution.push_back(
        {"initiation at " + name(p_.init), ir::mk_not(inv(p_.init)), p_.init, p_.init, std::nullopt});
    for (ir::LocId l = 0; l < p_.locs.size(); ++l)
      if (cut_[l]) block_from(l);
    return out_;
  }

 private:
  std::vector<Term> initial() const {
    std::vector<Term> values;
    for (ir::VarId v = 0; v < p_.vars.size(); ++v) values.push_back(ir::mk_var(v, p_.vars[v].sort));
    return values;
  }
  Term inv(ir::LocId l) const {
    auto it = invariants_.find(l);
    return it == invariants_.end() ? ir::mk_true() : it->second;
  }
  std::string name(ir::LocId l) const {
    const ir::Location& loc = p_.locs.at(l);
    return loc.loc.line > 0 ? loc.name + " (line " + std::to_string(loc.loc.line) + ")" : loc.name;
  }

  /// Executes the loop-free block that starts at annotated location `start`.
  void block_from(ir::LocId start) {
    // The block's locations, in an order where every edge inside it goes forward.
    std::vector<ir::LocId> order;
    std::vector<char> seen(p_.locs.size(), 0);
    topological(start, seen, order, true);
    std::reverse(order.begin(), order.end());

    std::map<ir::LocId, std::vector<State>> arriving;
    arriving[start].push_back(State{inv(start), initial()});
    for (ir::LocId loc : order) {
      auto it = arriving.find(loc);
      if (it == arriving.end()) continue;
      const State here = merge(it->second);
      arriving.erase(it);
      if (loc != start && cut_[loc]) {  // the block ends at another annotated location
        const Term next = evaluate(inv(loc), here.values);
        out_.initiation_and_consecution.push_back(
            {"consecution " + name(start) + " -> " + name(loc), ir::mk_and(here.reach, ir::mk_not(next)), start, loc,
             std::nullopt});
        continue;
      }
      for (const ir::Edge& e : p_.edges) {
        if (e.from != loc) continue;
        State s = here;
        execute(e, s);
        if (e.to == start) {  // a cycle back to the start (a self-loop block)
          out_.initiation_and_consecution.push_back({"consecution " + name(start) + " -> " + name(start),
                                                     ir::mk_and(s.reach, ir::mk_not(evaluate(inv(start), s.values))),
                                                     start, start, std::nullopt});
          continue;
        }
        arriving[e.to].push_back(std::move(s));
      }
    }
  }

  /// Post-order of the locations reachable from `loc` without passing an annotated one
  /// (annotated targets included, not entered).
  void topological(ir::LocId loc, std::vector<char>& seen, std::vector<ir::LocId>& post, bool is_start) {
    std::vector<std::pair<ir::LocId, std::size_t>> stack{{loc, 0}};
    seen[loc] = 1;
    while (!stack.empty()) {
      auto& [l, next] = stack.back();
      const bool enter = l == loc ? is_start || !cut_[l] : !cut_[l];
      std::size_t i = next;
      for (; enter && i < p_.edges.size(); ++i)
        if (p_.edges[i].from == l && !seen[p_.edges[i].to]) break;
      if (!enter || i >= p_.edges.size()) {
        post.push_back(l);
        stack.pop_back();
        continue;
      }
      next = i + 1;
      const ir::LocId to = p_.edges[i].to;
      seen[to] = 1;
      stack.emplace_back(to, 0);
    }
  }

  /// Whether every location with several outgoing edges has exactly two, that begin with
  /// complementary assumptions. Then two paths from one state that meet again have
  /// exclusive conditions: they part at a location where one assumes c and the other !c
  /// of the same state.
  static bool branches_exclusive(const ir::Program& p) {
    std::vector<std::vector<const ir::Edge*>> out(p.locs.size());
    for (const ir::Edge& e : p.edges) out.at(e.from).push_back(&e);
    for (const auto& edges : out) {
      if (edges.size() <= 1) continue;
      if (edges.size() != 2 || edges[0]->body.empty() || edges[1]->body.empty()) return false;
      const ir::Stmt& a = edges[0]->body[0];
      const ir::Stmt& b = edges[1]->body[0];
      if (a.kind != ir::Stmt::Kind::Assume || b.kind != ir::Stmt::Kind::Assume) return false;
      if (!ir::mk_not(a.term).same(b.term) && !ir::mk_not(b.term).same(a.term)) return false;
    }
    return true;
  }

  /// One state for the executions arriving on several paths. Where the paths' conditions
  /// may overlap (nondeterministic branches), a fresh boolean per path picks which one an
  /// execution took, so that every execution on every path is represented.
  State merge(const std::vector<State>& in) {
    if (in.size() == 1) return in[0];
    State m = in.back();
    for (std::size_t i = in.size() - 1; i-- > 0;) {
      const Term took = exclusive_ ? in[i].reach : ir::mk_and(in[i].reach, ir::mk_var(next_fresh_++, ir::Sort::boolean()));
      for (ir::VarId v = 0; v < m.values.size(); ++v) m.values[v] = ir::mk_ite(took, in[i].values[v], m.values[v]);
      m.reach = ir::mk_or(took, m.reach);
    }
    return m;
  }

  /// Executes `e` from `s`. Each Check's violation becomes a safety obligation of its
  /// own, or, with `violations`, one more disjunct of a common one.
  void execute(const ir::Edge& e, State& s, std::vector<Term>* violations = nullptr) {
    for (const ir::Stmt& st : e.body) {
      switch (st.kind) {
        case ir::Stmt::Kind::Assign: s.values.at(st.var) = evaluate(st.term, s.values); break;
        case ir::Stmt::Kind::Havoc: s.values.at(st.var) = ir::mk_var(next_fresh_++, p_.vars.at(st.var).sort); break;
        case ir::Stmt::Kind::Assume: s.reach = ir::mk_and(s.reach, evaluate(st.term, s.values)); break;
        case ir::Stmt::Kind::Check: {
          const Term holds = evaluate(st.term, s.values);
          if (violations != nullptr) {
            violations->push_back(ir::mk_and(s.reach, ir::mk_not(holds)));
            s.reach = ir::mk_and(s.reach, holds);
            break;
          }
          out_.safety.push_back({"safety of '" + p_.props.at(st.prop).description + "' on " + name(e.from) + " -> " +
                                     name(e.to),
                                 ir::mk_and(s.reach, ir::mk_not(holds)), e.from, e.to, st.prop});
          s.reach = ir::mk_and(s.reach, holds);  // execution goes on only where it held
          break;
        }
        case ir::Stmt::Kind::Call: break;  // excluded in run()
      }
    }
  }

  const ir::Program& p_;
  const std::map<ir::LocId, Term>& invariants_;
  std::vector<bool> cut_;
  bool exclusive_;
  ir::VarId next_fresh_ = 1u << 30;  // havoc symbols: far above the program's variables
  BlockObligations out_;
};

}  // namespace

BlockObligations block_obligations(const ir::Program& program, const std::map<ir::LocId, Term>& invariants) {
  return Deriver(program, invariants).run();
}

BlockObligations bounded_obligations(const ir::Program& program, unsigned bound) {
  static const std::map<ir::LocId, Term> none;
  return Deriver(program, none).bounded(bound);
}

}  // namespace verdict::evidence
