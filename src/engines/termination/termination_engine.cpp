#include "engines/termination/termination_engine.h"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <optional>

#include "engines/chc/chc_engine.h"
#include "engines/chc/int_encoding.h"
#include "engines/kinduction/kinduction_engine.h"
#include "engines/invariants/interval_analysis.h"
#include "engines/invariants/relational_candidates.h"
#include "engines/kinduction/houdini.h"
#include "engines/termination/lasso_search.h"
#include "engines/termination/ranking_synthesis.h"
#include "engines/termination/recurrent_set.h"
#include "engines/termination/recursion_ranking.h"
#include "ir/interpreter.h"
#include "smt/solver.h"
#include "support/scc.h"
#include "transform/cutpoints.h"

namespace verdict::engines::termination {

using ir::Term;
using Status = TerminationResult::Status;

namespace {

/// Stems (in different sign patterns) tried per loop for a recurrent set.
constexpr int kRecurrentSetStems = 3;

std::string at_line(const ir::Program& p, ir::LocId l) { return "the loop at " + ir::location_label(p, l); }

/// Inductive interval and relational invariants at the cut points.
std::map<ir::LocId, Term> cheap_invariants(const ir::Program& p, const transform::CutPointSystem& sys,
                                           const support::Deadline& deadline) {
  auto intervals = invariants::interval_invariants(p, sys.cut_points, sys.live, deadline);
  std::map<ir::LocId, Term> candidates = intervals.invariants;
  for (const auto& [l, c] : invariants::relational_candidates(p, sys.cut_points, sys.live))
    candidates[l] = candidates.count(l) ? ir::mk_and(candidates[l], c) : c;
  return kinduction::inductive_subset(p, sys, candidates, deadline);
}

/// The Checks that `invariants` do not exclude (by Z3), as property ids.
std::vector<ir::PropId> open_checks(const transform::CutPointSystem& sys, const std::map<ir::LocId, Term>& inv,
                                    const support::Deadline& deadline) {
  std::vector<ir::PropId> open;
  auto solver = smt::make_z3_solver();
  for (const transform::ViolationPath& v : sys.violations) {
    if (std::find(open.begin(), open.end(), v.prop) != open.end()) continue;
    auto it = inv.find(v.from);
    solver->push();
    solver->add(ir::mk_and(it == inv.end() ? ir::mk_true() : it->second, v.condition));
    if (solver->check({}, deadline) != smt::SatResult::Unsat) open.push_back(v.prop);
    solver->pop();
  }
  return open;
}

/// Cut points that lie on a cycle of the cut-point graph.
std::vector<ir::LocId> loop_heads(const ir::Program& p, const transform::CutPointSystem& sys) {
  std::vector<std::vector<std::size_t>> succ(p.locs.size());
  for (const transform::Segment& s : sys.segments) succ[s.from].push_back(s.to);
  const support::SccResult scc = support::strongly_connected_components(succ);
  std::vector<bool> on_cycle(p.locs.size(), false);
  for (const transform::Segment& s : sys.segments)
    if (scc.component[s.from] == scc.component[s.to]) on_cycle[s.from] = true;
  std::vector<ir::LocId> heads;
  for (ir::LocId l : sys.cut_points)
    if (on_cycle[l]) heads.push_back(l);
  return heads;
}

/// Whether every cycle through `head` returns to it directly (a loop without inner loops).
bool simple_loop(const transform::CutPointSystem& sys, ir::LocId head, const std::vector<ir::LocId>& heads) {
  for (const transform::Segment& s : sys.segments)
    if (s.from == head && s.to != head && std::find(heads.begin(), heads.end(), s.to) != heads.end()) return false;
  return true;
}

TerminationResult unknown(std::string reason, std::vector<std::string> tried) {
  TerminationResult r;
  r.reason = std::move(reason);
  r.tried = std::move(tried);
  return r;
}

}  // namespace

namespace {

/// Invariants at the loop heads that exclude every Check (undefined behaviour, unmodelled
/// constructs), as an invariant certificate: the cheap ones when they suffice, else
/// k-induction's (inlined programs), else Spacer's. Nullopt when none.
/// With `expensive` unset, only the cheap invariants are tried, and `open` receives the
/// Checks they leave open.
std::optional<Certificate> safety_certificate(const ir::Program& program, const EngineContext& context,
                                              std::vector<std::string>& tried, std::string& why,
                                              bool expensive = true, std::vector<ir::PropId>* open = nullptr) {
  const transform::CutPointSystem sys = transform::build_cut_point_system(program);
  if (sys.violations.empty()) return Certificate{};
  // The cheap invariants' Houdini filter does not know calls: inlined programs only.
  if (program.procedures.empty()) {
    std::map<ir::LocId, Term> inv = cheap_invariants(program, sys, context.deadline);
    const std::vector<ir::PropId> left = open_checks(sys, inv, context.deadline);
    if (left.empty()) return Certificate{inv, 1};
    if (open) *open = left;
  }
  if (!expensive) {
    why = "interval and relational invariants do not exclude undefined behaviour";
    return std::nullopt;
  }
  std::vector<std::unique_ptr<Engine>> engines;
  if (program.procedures.empty()) engines.push_back(std::make_unique<kinduction::KInductionEngine>());
  engines.push_back(std::make_unique<chc::ChcEngine>());
  bool violated = false;
  for (auto& engine : engines) {
    if (context.deadline.expired()) break;
    const EngineResult safe = engine->run(program, context);
    if (safe.status == EngineResult::Status::Safe && safe.certificate) {
      tried.push_back("invariants excluding undefined behaviour from " + engine->name());
      return *safe.certificate;
    }
    violated = violated || safe.status == EngineResult::Status::Violation;
    tried.push_back("invariants excluding undefined behaviour from " + engine->name() + ": " +
                    (safe.reason.empty() ? std::string("a check can fail") : safe.reason));
  }
  why = violated ? "undefined behaviour (or an unmodelled construct) is reachable"
                 : "that no undefined behaviour (or unmodelled construct) is reachable was not proved";
  return std::nullopt;
}

struct RankingAttempt {
  transform::CutPointChoice choice;
  std::map<ir::LocId, Term> invariants;
  RankingSearch search;
};

/// Ranking functions over the loop heads first (few unknowns), then over every location
/// of the loops (each path through a body its own segment, for lexicographic arguments).
RankingAttempt find_ranking(const ir::Program& program, const support::Deadline& deadline,
                            std::vector<std::string>& tried) {
  RankingAttempt attempt;
  const transform::CutPointSystem heads = transform::build_cut_point_system(program);
  const transform::CutPointSystem every =
      transform::build_cut_point_system(program, transform::CutPointChoice::EveryLoopLocation);
  // Where a loop body has several paths, the loop heads alone cannot tell them apart and
  // lexicographic arguments need every loop location: the loop heads get a few rounds only.
  const bool paths = every.cut_points.size() > heads.cut_points.size();
  for (const transform::CutPointSystem* sys : {&heads, &every}) {
    const bool at_heads = sys == &heads;
    if (!at_heads && !paths) break;  // the same cut points: nothing new to try
    RankingOptions options;
    if (at_heads && paths) {
      // The attempt at every location comes next: few rounds here, and at most a third of
      // the time for two-phase levels, whose checks can be slow.
      options.max_rounds = 12;
      options.two_phase_share = 0.3;
    }
    const auto choice = at_heads ? transform::CutPointChoice::LoopHeads : transform::CutPointChoice::EveryLoopLocation;
    attempt = RankingAttempt{choice, cheap_invariants(program, *sys, deadline), {}};
    attempt.search = synthesize_ranking(program, *sys, attempt.invariants, deadline, options);
    const char* where = at_heads ? "loop heads" : "every loop location";
    if (attempt.search.found) {
      tried.push_back("lexicographic linear ranking functions at " + std::string(where) + ": " +
                      std::to_string(attempt.search.levels.size()) + " levels");
      return attempt;
    }
    tried.push_back("lexicographic linear ranking functions at " + std::string(where) + " (" +
                    std::to_string(attempt.search.rounds) + " counterexample rounds): none for " +
                    at_line(program, attempt.search.failed_at) + ": " + attempt.search.reason);
    if (deadline.expired()) break;
  }
  return attempt;
}

}  // namespace

/// Each location's invariants of `a` and `b`, conjoined.
std::map<ir::LocId, Term> conjoined(const std::map<ir::LocId, Term>& a, const std::map<ir::LocId, Term>& b) {
  std::map<ir::LocId, Term> out = a;
  for (const auto& [loc, t] : b) {
    auto [it, fresh] = out.emplace(loc, t);
    if (!fresh) it->second = ir::mk_and(it->second, t);
  }
  return out;
}

/// Recursion ranking functions whose supporting invariants are not known in advance
/// (Terminator style): per recursive cycle and candidate function, its decrease at the
/// recursive calls (first with its lower bound, then alone and the bound found among the
/// program's constants) becomes a check of an instrumented copy of the program, and the
/// Horn-clause engine's invariants proving it, which hold over the reachable calls only
/// (e.g. n >= 0 where only non-negative arguments are passed), are added to `invariants`.
std::optional<RecursionRanking> rank_recursion_in_context(const ir::Program& program,
                                                          const transform::CutPointSystem& sys,
                                                          std::map<ir::LocId, Term>& invariants,
                                                          const EngineContext& context, std::vector<std::string>& tried) {
  RecursionRanking out;
  for (const std::vector<std::uint32_t>& cycle : recursive_cycles(program, sys)) {
    const auto candidates = recursion_candidates(program, cycle);
    std::size_t checks = 0;
    std::optional<std::map<std::uint32_t, ir::LinearFunction>> found;
    for (const bool bounded : {true, false}) {
      for (const auto& candidate : candidates) {
        if (found || context.deadline.expired()) break;
        // Each check gets a quarter of what is left (at least a second): most candidates fail
        // fast, on a reachable call where they do not decrease.
        const double left = context.deadline.remaining_ms() / 1000.0;
        const EngineContext sub{context.options, context.deadline.child(std::max(std::min(left, 1.0), left / 4)), {}};
        ++checks;
        const DecreaseChecks checked = with_decrease_checks(program, candidate, bounded);
        const EngineResult r = chc::ChcEngine().run(checked.program, sub);
        if (r.status != EngineResult::Status::Safe || !r.certificate || r.certificate->k != 1 ||
            r.certificate->bound != 0)
          continue;
        // The invariant where a call now starts holds where it started before (the check's
        // edge only assumes what the certificate proves).
        std::map<ir::LocId, Term> original;
        for (const auto& [loc, t] : r.certificate->invariants) {
          const auto moved = checked.moved.find(loc);
          const ir::LocId at = moved != checked.moved.end() ? moved->second : loc;
          if (at < program.locs.size()) original = conjoined(original, {{at, t}});
        }
        const std::map<ir::LocId, Term> both = conjoined(invariants, original);
        found = bounded ? (recursion_decreases(program, candidate, both, context.deadline)
                               ? std::optional(candidate) : std::nullopt)
                        : with_lower_bound(program, candidate, both, context.deadline);
        if (found) invariants = both;
      }
    }
    const std::string name = program.procedures[cycle.front()].name;
    if (!found) {
      tried.push_back("ranking functions for recursion with invariants of the reachable calls: none of " +
                      std::to_string(checks) + " candidate checks for " + name + " proved");
      return std::nullopt;
    }
    tried.push_back("ranking functions for recursion with invariants of the reachable calls: " + name + " after " +
                    std::to_string(checks) + " candidate checks");
    out.first.insert(found->begin(), found->end());
  }
  return out;
}

/// A modular program (calls kept, for recursion): Horn-clause invariants (procedure
/// summaries) exclude undefined behaviour and support the ranking functions of the loops
/// (calls there are steps that return) and of the recursive calls.
TerminationResult prove_modular(const ir::Program& program, const EngineContext& context) {
  std::vector<std::string> tried;
  std::string why;
  const std::optional<Certificate> safety = safety_certificate(program, context, tried, why);
  if (!safety || safety->k != 1)
    return unknown("that no undefined behaviour (or unmodelled construct) is reachable was not proved", tried);
  const std::map<ir::LocId, Term>* inv = &safety->invariants;
  transform::CutPointSystem sys = transform::build_cut_point_system(program);
  std::string recursion_reason;
  std::map<ir::LocId, Term> in_context;
  auto recursion = rank_recursion(program, sys, *inv, context.deadline, recursion_reason);
  if (!recursion) {
    tried.push_back("ranking functions for recursion: " + recursion_reason);
    in_context = *inv;
    recursion = rank_recursion_in_context(program, sys, in_context, context, tried);
    if (!recursion) return unknown("no ranking function found for the recursion", tried);
    inv = &in_context;
  }
  tried.push_back("ranking functions for recursion: " + std::to_string(recursion->first.size()) + " procedures" +
                  (recursion->next.empty() ? "" : ", lexicographic pairs"));
  for (transform::Segment& s : transform::call_return_segments(program, sys)) sys.segments.push_back(std::move(s));
  const RankingSearch loops = synthesize_ranking(program, sys, *inv, context.deadline);
  if (!loops.found) {
    tried.push_back("lexicographic linear ranking functions for the loops: none for " +
                    at_line(program, loops.failed_at) + ": " + loops.reason);
    return unknown("no ranking function found for " + at_line(program, loops.failed_at), tried);
  }
  TerminationResult r;
  r.status = Status::Terminates;
  ir::RankingCertificate cert{*inv, 1, recursion->first, recursion->next, false, *inv, loops.levels};
  r.ranking = std::move(cert);
  r.method = "ranking functions for recursive calls and loops, with procedure summaries";
  r.tried = std::move(tried);
  return r;
}

/// A program without inputs has one execution: run it (up to a step limit).
std::optional<TerminationResult> run_to_the_end(const ir::Program& program) {
  for (const ir::Edge& e : program.edges)
    for (const ir::Stmt& s : e.body)
      if (s.kind == ir::Stmt::Kind::Havoc || s.kind == ir::Stmt::Kind::Call) return std::nullopt;
  const auto live = transform::live_variables(program);
  if (std::find(live.at(program.init).begin(), live.at(program.init).end(), true) != live.at(program.init).end())
    return std::nullopt;
  ir::RunLimits limits;
  limits.max_steps = 2000000;
  const ir::Execution ex = ir::run(program, {}, limits);
  if (ex.outcome != ir::Execution::Outcome::Exited && ex.outcome != ir::Execution::Outcome::Blocked) return std::nullopt;
  TerminationResult r;
  r.status = Status::Terminates;
  r.complete_run = ir::CompleteRun{limits.max_steps};
  r.method = "the program has no inputs: its only execution runs to its end";
  return r;
}

namespace {

TerminationResult proved(const std::optional<Certificate>& safety, const RankingAttempt& ranking,
                         std::vector<std::string> tried) {
  TerminationResult r;
  r.status = Status::Terminates;
  r.ranking = ir::RankingCertificate{safety->invariants, safety->k, {}, {},
                                     ranking.choice == transform::CutPointChoice::EveryLoopLocation, ranking.invariants,
                                     ranking.search.levels};
  r.method = ranking.search.levels.empty() ? "no cycle: every execution is finite"
                                           : "lexicographic linear ranking functions with supporting invariants";
  r.tried = std::move(tried);
  return r;
}

/// A proof for `program` alone (its Checks shown unreachable), reusing a ranking attempt
/// or a safety certificate already made.
TerminationResult prove_inlined(const ir::Program& program, const EngineContext& context,
                                std::vector<std::string> tried = {}, std::optional<RankingAttempt> ranking = {},
                                std::optional<Certificate> safety = {}) {
  if (!ranking) ranking = find_ranking(program, context.deadline, tried);
  if (!ranking->search.found)
    return unknown("no ranking function found for " + at_line(program, ranking->search.failed_at), tried);
  std::string why;
  if (!safety) safety = safety_certificate(program, context, tried, why);
  if (!safety) return unknown("every loop has a ranking function, but " + why, tried);
  return proved(safety, *ranking, std::move(tried));
}

/// `invariants` over the integer reading's variables as terms over the bit-vector
/// variables of `defined`; nullopt when one cannot be translated.
std::optional<std::map<ir::LocId, Term>> to_bitvector(const std::map<ir::LocId, Term>& invariants,
                                                      const ir::Program& defined) {
  std::vector<Term> params;
  for (ir::VarId v = 0; v < defined.vars.size(); ++v)
    if (defined.vars[v].sort.is_bv()) params.push_back(defined.var_term(v));
  const auto is_signed = [&](ir::VarId v) { return defined.vars.at(v).is_signed; };
  std::map<ir::LocId, Term> out;
  for (const auto& [loc, inv] : invariants) {
    std::optional<Term> t = chc::bitvector_invariant(inv, params, is_signed);
    if (!t) return std::nullopt;
    out.emplace(loc, *t);
  }
  return out;
}

/// A proof over the integer reading, with its certificate translated for the defined
/// view (checked there by the driver: executions without undefined behaviour in C).
std::optional<TerminationResult> prove_over_integers(const ProofViews& views, const EngineContext& context,
                                                     std::vector<std::string>& tried) {
  if (!views.defined) return std::nullopt;  // no C semantics to re-check a proof in
  const std::string label = "over unbounded integers" + (views.refinement.empty() ? "" : ", " + views.refinement) + ": ";
  if (!views.integer) {
    tried.push_back(label + "no integer reading (an operation without one, e.g. bitwise)");
    return std::nullopt;
  }
  const ir::Program& integer = *views.integer;
  TerminationResult r;
  try {
    r = integer.procedures.empty() ? prove_inlined(integer, context) : prove_modular(integer, context);
  } catch (const std::exception& e) {
    // A solver stopped when this attempt's share of the time ran out (Z3 throws from a
    // cancelled context): the other attempts still run.
    tried.push_back(label + "stopped (" + e.what() + ")");
    return std::nullopt;
  }
  for (const std::string& t : r.tried) tried.push_back(label + t);
  if (r.status != Status::Terminates || !r.ranking) {
    if (!r.reason.empty()) tried.push_back(label + r.reason);
    return std::nullopt;
  }
  ir::RankingCertificate c = *r.ranking;
  const auto safety = to_bitvector(c.safety_invariants, *views.defined);
  const auto supporting = to_bitvector(c.invariants, *views.defined);
  if (!safety || !supporting || c.safety_k != 1) {
    tried.push_back(label + "a proof, but its invariants have no bit-vector translation");
    return std::nullopt;
  }
  c.safety_invariants = *safety;
  c.invariants = *supporting;
  r.integer_ranking = std::move(r.ranking);
  r.ranking = std::move(c);
  r.method += " over unbounded integers (signed arithmetic without wrap-around), re-checked in C for the "
              "executions without undefined behaviour";
  if (!views.refinement.empty()) r.method += ", with " + views.refinement;
  r.tried = tried;
  return r;
}

}  // namespace

TerminationResult prove_termination(const ir::Program& program, const EngineContext& context) {
  return prove_termination(ProofViews{program, nullptr, nullptr, nullptr, ""}, context);
}

TerminationResult prove_termination(const ProofViews& views, const EngineContext& context) {
  const ir::Program& program = views.proof;
  std::vector<std::string> tried;
  if (!program.procedures.empty()) {
    // Procedure summaries that exclude undefined behaviour are expensive (Spacer): the
    // integer reading, which needs none, first.
    const double share = context.deadline.remaining_ms() / 1000.0 * 0.4;
    const EngineContext integer_context{context.options, context.deadline.child(share), context.check_candidate};
    if (auto r = prove_over_integers(views, integer_context, tried)) return *r;
    TerminationResult r = prove_modular(program, context);
    r.tried.insert(r.tried.begin(), tried.begin(), tried.end());
    return r;
  }
  if (auto run = run_to_the_end(program)) return *run;
  // Where cheap invariants exclude undefined behaviour, a bit-vector ranking argument is
  // the shortest proof (one check, and it holds in every reading). Else the integer
  // reading: linear integer arithmetic is far cheaper than the bit-vector checks, and it
  // needs no proof that undefined behaviour is unreachable. Last the bit-vector argument
  // with the expensive safety engines, which also covers loops that end only by their
  // bit-width.
  std::string why;
  std::vector<ir::PropId> open;
  const std::optional<Certificate> cheap = safety_certificate(program, context, tried, why, false, &open);
  std::optional<RankingAttempt> bits;
  if (cheap) {
    const double share = views.integer && views.defined ? 0.5 : 1.0;  // the integer reading's turn next
    bits = find_ranking(program, context.deadline.child(context.deadline.remaining_ms() / 1000.0 * share), tried);
    if (bits->search.found) return proved(cheap, *bits, std::move(tried));
  }
  // The integer reading, then (where loops branch on a condition of their head's values)
  // the same with those loops split by it, for piecewise arguments; the bit-vector
  // argument with the expensive safety engines keeps a share unless a ranking attempt
  // over bit-vectors has already failed.
  const ProofViews* attempts[] = {views.refined, &views};
  for (std::size_t k = 0; k < 2; ++k) {
    if (!attempts[k]) continue;
    const bool plain_next = k == 0;
    const double share = context.deadline.remaining_ms() / 1000.0 * (plain_next ? 0.5 : bits ? 1.0 : 0.5);
    const EngineContext integer_context{context.options, context.deadline.child(share), context.check_candidate};
    if (auto r = prove_over_integers(*attempts[k], integer_context, tried)) {
      r->open_undefined = cheap ? std::vector<ir::PropId>{} : open;
      r->refined = k == 0;
      return *r;
    }
  }
  return prove_inlined(program, context, std::move(tried), std::move(bits), cheap);
}

TerminationResult find_nontermination(const ir::Program& program, const EngineContext& context) {
  const transform::CutPointSystem sys = transform::build_cut_point_system(program);
  const std::vector<ir::LocId> heads = loop_heads(program, sys);
  if (heads.empty()) return unknown("no loop", {"non-termination: the program has no cycle"});
  std::vector<std::string> tried;
  // A short lasso search first (most non-terminating loops repeat a state soon), then the
  // recurrent sets (for periods too long to unroll), then the lasso search again with
  // the time that is left.
  const auto lasso_phase = [&](double share) -> std::optional<TerminationResult> {
    EngineContext lasso_context{context.options, context.deadline.child(share), context.check_candidate};
    LassoSearch lasso = find_lasso(program, heads, lasso_context);
    if (!lasso.witness) {
      tried.push_back("lasso search (bounded model checking for a repeating state): " + lasso.reason);
      return std::nullopt;
    }
    TerminationResult r;
    r.status = Status::NonTerminating;
    r.lasso = std::move(lasso.witness);
    r.method = "lasso: a reachable state at a loop head repeats";
    return r;
  };
  const double remaining_s = context.deadline.remaining_ms() / 1000.0;
  if (auto r = lasso_phase(std::min(1.0, remaining_s * 0.25))) return *r;
  for (ir::LocId head : heads) {
    if (context.deadline.expired()) break;
    if (!simple_loop(sys, head, heads)) continue;
    // Stems into the loop in up to kRecurrentSetStems sign patterns of the variables:
    // the set grows from the state a stem reaches, and a loop may diverge in one sign only.
    ir::Term seen = ir::mk_false();
    std::string why;
    for (int attempt = 0; attempt < kRecurrentSetStems && !context.deadline.expired(); ++attempt) {
      EngineContext stem_context{context.options, context.deadline.child(1.0), context.check_candidate};
      const std::optional<Stem> stem = find_stem(program, head, stem_context, seen);
      if (!stem) {
        if (attempt == 0) why = "no execution reaching it found";
        break;
      }
      auto set = find_recurrent_set(program, sys, head, *stem, context.deadline.child(2.0), why);
      if (set) {
        TerminationResult r;
        r.status = Status::NonTerminating;
        r.recurrent_set = std::move(set);
        r.method = "closed recurrent set reached by a concrete execution";
        return r;
      }
      const ir::Term pattern = sign_pattern(program, sys, head, *stem);
      if (pattern.is_true()) break;
      seen = ir::mk_or(seen, pattern);
    }
    tried.push_back("recurrent set at " + at_line(program, head) + ": " + why);
  }
  if (!context.deadline.expired())
    if (auto r = lasso_phase(context.deadline.remaining_ms() / 1000.0)) return *r;
  return unknown("no non-terminating execution found", tried);
}

}  // namespace verdict::engines::termination
