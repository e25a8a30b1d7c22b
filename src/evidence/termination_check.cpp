#include "evidence/termination_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "evidence/certificate_check.h"
#include "evidence/cvc5_prove.h"
#include "support/scc.h"
#include "transform/cutpoints.h"
#include "transform/recursion_obligations.h"
#include "transform/term_rewrite.h"

namespace verdict::evidence {

using ir::Op;
using ir::ranking_constant;
using ir::ranking_decrease;
using ir::ranking_term;
using ir::ranking_width;
using ir::Term;

namespace {

/// Indices of the segments in `edges` whose ends lie in one strongly connected component
/// of the graph those segments form over the cut points.
std::vector<std::size_t> cycle_segments(const transform::CutPointSystem& sys, const std::vector<std::size_t>& edges,
                                        std::size_t num_locs) {
  std::vector<std::vector<std::size_t>> succ(num_locs);
  for (std::size_t i : edges) succ[sys.segments[i].from].push_back(sys.segments[i].to);
  const support::SccResult scc = support::strongly_connected_components(succ);
  std::vector<std::size_t> out;
  for (std::size_t i : edges)
    if (scc.component[sys.segments[i].from] == scc.component[sys.segments[i].to]) out.push_back(i);
  return out;
}

class RankingChecker {
 public:
  RankingChecker(const ir::Program& p, const RankingCertificate& c, const support::Deadline& d)
      : p_(p), cert_(c), deadline_(d), sys_(transform::build_cut_point_system(p, c.every_loop_location ? transform::CutPointChoice::EveryLoopLocation
                                                                         : transform::CutPointChoice::LoopHeads)),
        width_(ranking_width(p)) {
    // In a modular program a call is a step of the caller that returns; that it returns is
    // the recursion obligations' job.
    for (transform::Segment& s : transform::call_return_segments(p, sys_)) sys_.segments.push_back(std::move(s));
  }

  TerminationCheck run();

 private:
  Term inv(ir::LocId l) const {
    auto it = cert_.invariants.find(l);
    return it == cert_.invariants.end() ? ir::mk_true() : it->second;
  }
  static const LinearFunction& function(const std::map<ir::LocId, LinearFunction>& functions, ir::LocId l) {
    static const LinearFunction zero;
    auto it = functions.find(l);
    return it == functions.end() ? zero : it->second;
  }
  static const LinearFunction& function(const RankingLevel& level, ir::LocId l) { return function(level.functions, l); }
  Term value(const RankingLevel& level, ir::LocId l, const std::function<Term(ir::VarId)>& vars) const {
    return ranking_term(p_, function(level, l), width_, vars);
  }
  bool well_formed();
  bool recursion_holds();
  bool level_holds(std::size_t index, const RankingLevel& level, const std::vector<std::size_t>& segments);
  bool discharge(const std::string& name, const Term& formula);

  const ir::Program& p_;
  const RankingCertificate& cert_;
  const support::Deadline& deadline_;
  transform::CutPointSystem sys_;
  unsigned width_;
  TerminationCheck out_;
};

bool RankingChecker::discharge(const std::string& name, const Term& formula) {
  return discharge_obligation(name, formula, deadline_, out_.obligations_checked, out_.message);
}

bool RankingChecker::well_formed() {
  for (const RankingLevel& level : cert_.levels) {
    std::vector<std::pair<ir::LocId, LinearFunction>> all(level.functions.begin(), level.functions.end());
    all.insert(all.end(), level.phase.begin(), level.phase.end());
    for (const auto& [loc, f] : all) {
      if (loc >= p_.locs.size() || !sys_.is_cut[loc]) {
        out_.message = "ranking function at location " + std::to_string(loc) + ", which is not a cut point";
        return false;
      }
      for (const auto& [v, c] : f.terms) {
        const bool ok = v < p_.vars.size() && (p_.vars[v].sort.is_bv() || p_.vars[v].sort.is_bool() || p_.vars[v].sort.is_int()) &&
                        c >= -ir::kMaxRankingCoefficient && c <= ir::kMaxRankingCoefficient;
        if (!ok) {
          out_.message = "ranking function at " + ir::location_label(p_, loc) + " has an invalid term";
          return false;
        }
      }
    }
  }
  return true;
}

bool RankingChecker::level_holds(std::size_t index, const RankingLevel& level,
                                 const std::vector<std::size_t>& segments) {
  const auto pre = [&](ir::VarId v) { return p_.var_term(v); };
  for (std::size_t i : segments) {
    const transform::Segment& s = sys_.segments[i];
    const auto post = [&](ir::VarId v) { return s.post.at(v); };
    const Term before = value(level, s.from, pre);
    const Term decrease = ranking_decrease(p_, function(level, s.from), function(level, s.to), width_, post);
    const Term step = ir::mk_and(inv(s.from), s.guard);
    const Term zero = ranking_constant(width_, 0), one = ranking_constant(width_, 1);
    const std::string where = "level " + std::to_string(index + 1) + ", " + ir::location_label(p_, s.from) + " -> " +
                              ir::location_label(p_, s.to);
    const bool strict = level.decreasing.count({s.from, s.to}) > 0;
    if (level.phase.count(s.from)) {
      // Two phases: the phase function decreases (strict) or does not increase; the
      // function decreases by at least 1 minus the phase's value before (strict) or does
      // not increase.
      const LinearFunction& phase_from = function(level.phase, s.from);
      const Term phase_decrease = ranking_decrease(p_, phase_from, function(level.phase, s.to), width_, post);
      const Term lagging = ranking_decrease(p_, ir::linear_sum(function(level, s.from), phase_from),
                                            function(level, s.to), width_, post);
      const Term good = strict ? ir::mk_and({ir::ranking_le(one, phase_decrease), ir::ranking_le(one, lagging),
                                             ir::ranking_le(zero, before)})
                               : ir::mk_and(ir::ranking_le(zero, phase_decrease), ir::ranking_le(zero, decrease));
      if (!discharge((strict ? "two-phase decrease, " : "two-phase no increase, ") + where,
                     ir::mk_and(step, ir::mk_not(good))))
        return false;
    } else if (strict) {
      const Term good = ir::mk_and(ir::ranking_le(one, decrease), ir::ranking_le(zero, before));
      if (!discharge("decrease, " + where, ir::mk_and(step, ir::mk_not(good)))) return false;
    } else if (!discharge("no increase, " + where, ir::mk_and(step, ir::ranking_lt(decrease, zero)))) {
      return false;
    }
  }
  return true;
}

bool RankingChecker::recursion_holds() {
  std::vector<std::pair<std::uint32_t, const ir::LinearFunction*>> functions;
  for (const auto& [k, f] : cert_.recursion) functions.push_back({k, &f});
  for (const auto& [k, f] : cert_.recursion_next) {
    if (!cert_.recursion.count(k)) {
      out_.message = "a second recursion ranking function without a first";
      return false;
    }
    functions.push_back({k, &f});
  }
  for (const auto& [k, fp] : functions) {
    const ir::LinearFunction& f = *fp;
    if (k >= p_.procedures.size()) {
      out_.message = "a recursion ranking function for an unknown procedure";
      return false;
    }
    const auto& params = p_.procedures[k].params;
    for (const auto& [v, c] : f.terms)
      if (std::find(params.begin(), params.end(), v) == params.end()) {
        out_.message = "the recursion ranking function of " + p_.procedures[k].name + " is not over its parameters";
        return false;
      }
  }
  for (const auto& [name, formula] : transform::recursion_obligations(p_, cert_.recursion, cert_.safety_invariants, {},
                                                                        cert_.recursion_next))
    if (!discharge(name, formula)) return false;
  return true;
}

TerminationCheck RankingChecker::run() {
  if (!well_formed()) return out_;
  ir::Certificate safety;
  safety.invariants = cert_.safety_invariants;
  safety.k = cert_.safety_k;
  const CertificateCheck safety_check = check_certificate(p_, safety, deadline_);
  if (!safety_check.valid) {
    out_.message = "absence of undefined behaviour: " + safety_check.message;
    return out_;
  }
  ir::Certificate supporting;
  supporting.invariants = cert_.invariants;
  const CertificateCheck inv_check = check_certificate(p_, supporting, deadline_, {cert_.every_loop_location, false});
  if (!inv_check.valid) {
    out_.message = "supporting invariants: " + inv_check.message;
    return out_;
  }
  out_.obligations_checked = safety_check.obligations_checked;
  out_.obligations_checked.insert(out_.obligations_checked.end(), inv_check.obligations_checked.begin(),
                                  inv_check.obligations_checked.end());
  if (!recursion_holds()) return out_;
  std::vector<std::size_t> remaining(sys_.segments.size());
  for (std::size_t i = 0; i < remaining.size(); ++i) remaining[i] = i;
  for (std::size_t k = 0; k < cert_.levels.size(); ++k) {
    const RankingLevel& level = cert_.levels[k];
    remaining = cycle_segments(sys_, remaining, p_.locs.size());
    if (!level_holds(k, level, remaining)) return out_;
    remaining.erase(std::remove_if(remaining.begin(), remaining.end(),
                                   [&](std::size_t i) {
                                     return level.decreasing.count({sys_.segments[i].from, sys_.segments[i].to}) > 0;
                                   }),
                    remaining.end());
  }
  remaining = cycle_segments(sys_, remaining, p_.locs.size());
  if (!remaining.empty()) {
    const transform::Segment& s = sys_.segments[remaining.front()];
    out_.message = "the segment " + ir::location_label(p_, s.from) + " -> " + ir::location_label(p_, s.to) +
                   " is still on a cycle after the last ranking level";
    return out_;
  }
  out_.valid = true;
  out_.message = "cvc5 proved " + std::to_string(out_.obligations_checked.size()) + " obligations (" +
                 std::to_string(cert_.levels.size()) + " ranking levels, " + std::to_string(sys_.cut_points.size()) +
                 " cut points)";
  return out_;
}

/// Runs the forced `edges` consuming `inputs`; the run must take them all.
ir::Execution run_forced(const ir::Program& p, const std::vector<std::size_t>& edges,
                         const std::vector<ir::Value>& inputs, std::string& error) {
  ir::RunLimits limits;
  limits.forced_edges = edges;
  limits.max_steps = edges.size();
  ir::Execution ex = ir::run(p, inputs, limits);
  const bool all_taken = ex.outcome == ir::Execution::Outcome::StepLimit ||
                         (edges.empty() && ex.outcome != ir::Execution::Outcome::Error);
  if (!all_taken || ex.edges.size() != edges.size()) {
    error = std::string("the IR interpreter's run ") + ir::to_string(ex.outcome) +
            (ex.message.empty() ? "" : " (" + ex.message + ")") + " after " + std::to_string(ex.edges.size()) +
            " of " + std::to_string(edges.size()) + " steps";
  }
  return ex;
}

bool ends_at(const ir::Program& p, const std::vector<std::size_t>& edges, ir::LocId head) {
  return edges.empty() ? p.init == head : p.edges.at(edges.back()).to == head;
}

template <typename T>
std::vector<T> concat(std::vector<T> a, const std::vector<T>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

TerminationCheck check_ranking(const ir::Program& program, const RankingCertificate& certificate,
                               const support::Deadline& deadline) {
  RankingChecker checker(program, certificate, deadline);
  return checker.run();
}

TerminationCheck check_complete_run(const ir::Program& program, const CompleteRun& run) {
  TerminationCheck out;
  for (const ir::Edge& e : program.edges)
    for (const ir::Stmt& s : e.body)
      if (s.kind == ir::Stmt::Kind::Havoc || s.kind == ir::Stmt::Kind::Call) {
        out.message = "the program has inputs or calls";
        return out;
      }
  const auto live = transform::live_variables(program);
  for (bool read_first : live.at(program.init))
    if (read_first) {
      out.message = "a variable is read before it is written: the initial state matters";
      return out;
    }
  ir::RunLimits limits;
  limits.max_steps = run.max_steps;
  const ir::Execution ex = ir::run(program, {}, limits);
  using Outcome = ir::Execution::Outcome;
  if (ex.outcome != Outcome::Exited && ex.outcome != Outcome::Blocked) {
    out.message = std::string("the run ") + ir::to_string(ex.outcome) + " after " + std::to_string(ex.edges.size()) +
                  " steps";
    return out;
  }
  out.valid = true;
  out.message = "the program has no inputs; the IR interpreter ran its only execution to its end in " +
                std::to_string(ex.edges.size()) + " steps";
  return out;
}

TerminationCheck check_lasso(const ir::Program& program, const LassoWitness& lasso) {
  TerminationCheck out;
  if (lasso.loop_edges.empty() || !ends_at(program, lasso.stem_edges, lasso.head) ||
      program.edges.at(lasso.loop_edges.front()).from != lasso.head ||
      program.edges.at(lasso.loop_edges.back()).to != lasso.head) {
    out.message = "the lasso's loop does not start and end at its loop head";
    return out;
  }
  // Stem, then the loop twice: after the first round every temporary is periodic too, so
  // the whole state after the second round must equal the state after the first.
  const auto once_edges = concat(lasso.stem_edges, lasso.loop_edges);
  const auto once_inputs = concat(lasso.stem_inputs, lasso.loop_inputs);
  std::string error;
  out.stem = run_forced(program, lasso.stem_edges, lasso.stem_inputs, error);
  const ir::Execution once = run_forced(program, once_edges, once_inputs, error);
  const ir::Execution twice =
      run_forced(program, concat(once_edges, lasso.loop_edges), concat(once_inputs, lasso.loop_inputs), error);
  if (!error.empty()) {
    out.message = "replay of the lasso failed: " + error;
    return out;
  }
  if (!(once.final_state == twice.final_state)) {
    out.message = "replay of the lasso: the state at the loop head does not repeat";
    return out;
  }
  out.repeated = once.final_state;
  out.valid = true;
  out.message = "replayed by the IR interpreter: after the stem (" + std::to_string(lasso.stem_edges.size()) +
                " steps) the loop at " + ir::location_label(program, lasso.head) + " returns to the same state every " +
                std::to_string(lasso.loop_edges.size()) + " steps";
  return out;
}

TerminationCheck check_recurrent_set(const ir::Program& program, const RecurrentSetWitness& witness,
                                     const support::Deadline& deadline) {
  TerminationCheck out;
  std::string error;
  out.stem = run_forced(program, witness.stem_edges, witness.stem_inputs, error);
  if (!error.empty() || !ends_at(program, witness.stem_edges, witness.head)) {
    out.message = "replay of the stem failed: " + (error.empty() ? "it does not end at the loop head" : error);
    return out;
  }
  try {
    if (!ir::evaluate(witness.set, out.stem.final_state).as_bool()) {
      out.message = "the stem's last state is not in the recurrent set";
      return out;
    }
  } catch (const ir::EvalError& e) {
    out.message = std::string("the recurrent set cannot be evaluated: ") + e.what();
    return out;
  }
  const transform::CutPointSystem sys = transform::build_cut_point_system(program);
  if (witness.head >= sys.is_cut.size() || !sys.is_cut[witness.head]) {
    out.message = "the recurrent set is not at a cut point";
    return out;
  }
  std::vector<Term> enabled;
  for (const transform::Segment& s : sys.segments) {
    if (s.from != witness.head || s.to != witness.head) continue;
    enabled.push_back(s.guard);
    const Term next = transform::substitute(witness.set, [&](ir::VarId v) { return s.post.at(v); });
    const std::string why = prove_unsat_cvc5(ir::mk_and({witness.set, s.guard, ir::mk_not(next)}), deadline);
    if (!why.empty()) {
      out.message = "closure of the recurrent set not proved: " + why;
      return out;
    }
    out.obligations_checked.push_back("closure under the loop at " + ir::location_label(program, witness.head));
  }
  const std::string why = prove_unsat_cvc5(ir::mk_and(witness.set, ir::mk_not(ir::mk_or(enabled))), deadline);
  if (!why.empty()) {
    out.message = "that the loop cannot be left from the recurrent set was not proved: " + why;
    return out;
  }
  out.obligations_checked.push_back("no exit from the recurrent set at " + ir::location_label(program, witness.head));
  out.valid = true;
  out.message = "cvc5 proved " + std::to_string(out.obligations_checked.size()) +
                " obligations: every state of the set stays in the loop and returns into the set";
  return out;
}

}  // namespace verdict::evidence
