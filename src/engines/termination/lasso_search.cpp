#include "engines/termination/lasso_search.h"

#include <map>

#include "engines/bmc/bmc_engine.h"
#include "transform/cutpoints.h"

namespace verdict::engines::termination {

using ir::Stmt;
using ir::Term;

namespace {

/// Redirects every edge entering `head` to a new location and returns that location; the
/// caller adds the edges from it to `head`. Edge indices are unchanged.
ir::LocId split_head(ir::Program& p, ir::LocId head) {
  const ir::LocId entry = p.add_loc(p.locs[head].name + ".monitor", p.locs[head].loc);
  for (ir::Edge& e : p.edges)
    if (e.to == head) e.to = entry;
  if (p.init == head) p.init = entry;
  return entry;
}

std::size_t havocs_in(const ir::Program& p, const std::vector<std::size_t>& edges) {
  std::size_t n = 0;
  for (std::size_t e : edges)
    for (const Stmt& s : p.edges[e].body) n += s.kind == Stmt::Kind::Havoc ? 1 : 0;
  return n;
}

/// The repeat monitor: snapshot variables, a flag and the head the snapshot was taken at.
struct Monitor {
  ir::Program program;
  std::size_t original_edges = 0;
  std::map<std::size_t, ir::LocId> snapshot_edges;  ///< edge index -> head
};

Monitor instrument(const ir::Program& original, const std::vector<ir::LocId>& heads) {
  Monitor m{original, original.edges.size(), {}};
  ir::Program& p = m.program;
  const std::size_t n = original.vars.size();
  const ir::VarId taken = p.add_var(ir::Variable{"monitor.taken", ir::Sort::boolean(), "", "_Bool", false, {}});
  const ir::VarId at = p.add_var(ir::Variable{"monitor.head", ir::Sort::bitvec(32), "", "unsigned", false, {}});
  std::vector<ir::VarId> snap(n);
  for (ir::VarId v = 0; v < n; ++v)
    snap[v] = p.add_var(ir::Variable{"monitor.snap." + original.vars[v].name, original.vars[v].sort, "", "", false, {}});
  // Execution starts with the flag clear.
  const ir::LocId start = p.add_loc("monitor.start");
  p.add_edge(start, p.init, {Stmt::assign(taken, ir::mk_false())});
  p.init = start;
  const auto live = transform::live_variables(original);
  const ir::PropId repeat = p.add_prop(ir::PropertyKind::Assertion, "the state at a loop head repeats", {});
  for (ir::LocId h : heads) {
    const ir::LocId entry = split_head(p, h);
    const Term not_taken = ir::mk_not(p.var_term(taken));
    const Term here = ir::mk_eq(p.var_term(at), ir::mk_bv(32, h));
    p.add_edge(entry, h, {Stmt::assume(not_taken)});
    std::vector<Stmt> snapshot{Stmt::assume(not_taken), Stmt::assign(taken, ir::mk_true()),
                               Stmt::assign(at, ir::mk_bv(32, h))};
    std::vector<Term> same{here};
    for (ir::VarId v = 0; v < n; ++v) {
      if (!live[h][v]) continue;
      snapshot.push_back(Stmt::assign(snap[v], p.var_term(v)));
      same.push_back(ir::mk_eq(p.var_term(v), p.var_term(snap[v])));
    }
    m.snapshot_edges[p.edges.size()] = h;
    p.add_edge(entry, h, snapshot);
    p.add_edge(entry, h, {Stmt::assume(p.var_term(taken)), Stmt::check(repeat, ir::mk_not(ir::mk_and(same)))});
  }
  return m;
}

/// `p` with every bit-vector or integer input between -16 and 16 (read as its variable's type).
ir::Program with_small_inputs(ir::Program p) {
  for (ir::Edge& e : p.edges) {
    std::vector<Stmt> body;
    for (Stmt& s : e.body) {
      body.push_back(s);
      if (s.kind == Stmt::Kind::Havoc && p.vars[s.var].sort.is_int()) {
        const Term x = p.var_term(s.var);
        body.push_back(Stmt::assume(ir::mk_and(ir::mk_binary(ir::Op::Le, ir::mk_int(-15), x),
                                               ir::mk_binary(ir::Op::Le, x, ir::mk_int(16))), s.loc));
        continue;
      }
      if (s.kind != Stmt::Kind::Havoc || !p.vars[s.var].sort.is_bv() || p.vars[s.var].sort.width() < 8) continue;
      const unsigned w = p.vars[s.var].sort.width();
      const Term x = p.var_term(s.var);
      const Term small = p.vars[s.var].is_signed
                             ? ir::mk_and(ir::mk_binary(ir::Op::Sle, ir::mk_bv(w, ir::mask(w) & ~std::uint64_t{15}), x),
                                          ir::mk_binary(ir::Op::Sle, x, ir::mk_bv(w, 16)))
                             : ir::mk_binary(ir::Op::Ule, x, ir::mk_bv(w, 16));
      body.push_back(Stmt::assume(small, s.loc));
    }
    e.body = std::move(body);
  }
  return p;
}

}  // namespace

LassoSearch find_lasso(const ir::Program& program, const std::vector<ir::LocId>& heads,
                       const EngineContext& context) {
  LassoSearch out;
  if (heads.empty()) {
    out.reason = "no loop";
    return out;
  }
  const Monitor m = instrument(program, heads);
  bmc::BmcEngine bmc;
  // Small inputs first (a witness such as g2(5, 0) reads better than one with arbitrary
  // large numbers); the restriction only ever drops executions, so a lasso found with it is
  // a lasso of the program, and nothing is concluded when none is found.
  EngineContext small_context{context.options, context.deadline.child(0.3), context.check_candidate};
  EngineResult r = bmc.run(with_small_inputs(m.program), small_context);
  if (r.status != EngineResult::Status::Violation) r = bmc.run(m.program, context);
  if (r.status != EngineResult::Status::Violation || !r.counterexample) {
    out.reason = r.status == EngineResult::Status::Safe ? "no state repeats at a loop head on any execution"
                                                        : r.reason;
    return out;
  }
  ir::LassoWitness w;
  bool in_loop = false;
  for (std::size_t e : r.counterexample->edges) {
    auto snap = m.snapshot_edges.find(e);
    if (snap != m.snapshot_edges.end()) {
      in_loop = true;
      w.head = snap->second;
    }
    if (e >= m.original_edges) continue;
    (in_loop ? w.loop_edges : w.stem_edges).push_back(e);
  }
  // The monitor's own edges read no inputs: the stem's inputs come first.
  const std::size_t stem_inputs = havocs_in(program, w.stem_edges);
  const auto& values = r.counterexample->havoc_values;
  if (!in_loop || stem_inputs > values.size()) {
    out.reason = "the lasso found does not fit the program";
    return out;
  }
  w.stem_inputs.assign(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(stem_inputs));
  w.loop_inputs.assign(values.begin() + static_cast<std::ptrdiff_t>(stem_inputs), values.end());
  out.witness = std::move(w);
  return out;
}

std::optional<Stem> find_stem(const ir::Program& program, ir::LocId head, const EngineContext& context,
                              const ir::Term& avoid) {
  ir::Program p = program;
  const ir::LocId entry = split_head(p, head);
  const ir::PropId reached = p.add_prop(ir::PropertyKind::Assertion, "the loop head is reached", {});
  p.add_edge(entry, head, {Stmt::assume(ir::mk_not(avoid)), Stmt::check(reached, ir::mk_false())});
  bmc::BmcEngine bmc;
  const EngineResult r = bmc.run(p, context);
  if (r.status != EngineResult::Status::Violation || !r.counterexample) return std::nullopt;
  Stem stem;
  for (std::size_t e : r.counterexample->edges)
    if (e < program.edges.size()) stem.edges.push_back(e);
  stem.inputs = r.counterexample->havoc_values;
  return stem;
}

}  // namespace verdict::engines::termination
