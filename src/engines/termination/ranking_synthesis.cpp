#include "engines/termination/ranking_synthesis.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>

#include "smt/linear_problem.h"
#include "smt/solver.h"
#include "support/scc.h"

namespace verdict::engines::termination {

using ir::LinearFunction;
using ir::RankingLevel;
using ir::Op;
using ir::Term;

namespace {

/// The segments of `edges` inside one strongly connected component, grouped by component.
std::vector<std::vector<std::size_t>> cycles(const transform::CutPointSystem& sys,
                                             const std::vector<std::size_t>& edges, std::size_t num_locs) {
  std::vector<std::vector<std::size_t>> succ(num_locs);
  for (std::size_t i : edges) succ[sys.segments[i].from].push_back(sys.segments[i].to);
  const support::SccResult scc = support::strongly_connected_components(succ);
  std::map<std::size_t, std::vector<std::size_t>> by_component;
  for (std::size_t i : edges) {
    const std::size_t c = scc.component[sys.segments[i].from];
    if (c == scc.component[sys.segments[i].to]) by_component[c].push_back(i);
  }
  std::vector<std::vector<std::size_t>> out;
  for (auto& [c, segs] : by_component) out.push_back(std::move(segs));
  return out;
}

bool ranks(const ir::Variable& v) {
  if (v.sort.is_bool() || v.sort.is_int()) return true;
  if (!v.sort.is_bv()) return false;
  return v.sort.width() < 64 || (v.sort.width() == 64 && v.is_signed);
}

std::int64_t as_integer(const ir::Value& value, const ir::Variable& var) {
  if (var.sort.is_bool()) return value.bits ? 1 : 0;
  if (var.sort.is_int()) return value.ivalue;
  return var.is_signed ? ir::to_signed(value.bits, var.sort.width()) : static_cast<std::int64_t>(value.bits);
}

/// One transition observed: the values of the features at the segment's source (before)
/// and at its target (after).
struct Sample {
  std::size_t segment = 0;
  std::vector<std::int64_t> before, after;
};

/// Unknowns of the coefficient problem: per cut point a constant and one coefficient per
/// feature, numbered from 0 in that order.
struct Unknowns {
  std::map<ir::LocId, std::size_t> constant;
  std::map<ir::LocId, std::vector<std::size_t>> coefficient;
  /// The same for the phase function of a two-phase level (empty otherwise).
  std::map<ir::LocId, std::size_t> phase_constant;
  std::map<ir::LocId, std::vector<std::size_t>> phase_coefficient;
  std::size_t count = 0;
};

/// Rounds per segment in the first pass of a level's search (see ComponentSearch::run).
constexpr unsigned kFirstPassRounds = 4;

/// The search for one ranking level of one strongly connected component.
class ComponentSearch {
 public:
  ComponentSearch(const ir::Program& p, const transform::CutPointSystem& sys,
                  const std::map<ir::LocId, Term>& inv, std::vector<std::size_t> segments,
                  const support::Deadline& deadline, const RankingOptions& options)
      : p_(p), sys_(sys), inv_(inv), segments_(std::move(segments)), deadline_(&deadline), options_(options),
        width_(ir::ranking_width(p)) {
    for (std::size_t i : segments_)
      for (ir::LocId l : {sys_.segments[i].from, sys_.segments[i].to}) features(l);
    smt::SolverOptions so;
    bool bv_only = true;
    for (std::size_t v = 0; v < sys_.num_vars(); ++v) {
      const ir::Sort s = sys_.sort_of(static_cast<ir::VarId>(v), p_);
      bv_only = bv_only && (s.is_bv() || s.is_bool());
    }
    if (bv_only) so.logic = "QF_BV";
    checker_ = smt::make_z3_solver(so);
  }

  /// A level for this component, or nullopt with `reason_` set.
  std::optional<RankingLevel> run(unsigned& rounds);
  /// One pass of run(): plain levels, or two-phase ones.
  std::optional<RankingLevel> search_level(unsigned& rounds);
  [[nodiscard]] const std::string& reason() const { return reason_; }

 private:
  const std::vector<ir::VarId>& features(ir::LocId l) {
    auto it = features_.find(l);
    if (it != features_.end()) return it->second;
    std::vector<ir::VarId> f;
    for (ir::VarId v : sys_.live_vars(l))
      if (ranks(p_.vars[v])) f.push_back(v);
    return features_[l] = f;
  }
  std::optional<RankingLevel> solve_coefficients(std::int64_t bound, std::int64_t constant_bound, std::size_t strict);
  std::optional<RankingLevel> scale_to_integers(const std::vector<smt::Rational>& solution, const Unknowns& u,
                                                std::size_t strict) const;
  RankingLevel level_from(const Unknowns& u, std::size_t strict,
                          const std::function<std::int64_t(std::size_t)>& value) const;
  std::optional<RankingLevel> solve_integer(const Unknowns& u, const std::vector<smt::LinearRow>& rows,
                                            std::size_t strict);
  std::optional<RankingLevel> search_for(std::size_t strict, unsigned& rounds, unsigned& budget, std::size_t widest);
  bool refute(const RankingLevel& level, std::size_t segment);
  ir::Term small_values(ir::LocId l);
  ir::Term large_value(ir::LocId l);
  void add_sample(std::size_t segment);

  const ir::Program& p_;
  const transform::CutPointSystem& sys_;
  const std::map<ir::LocId, Term>& inv_;
  std::vector<std::size_t> segments_;
  const support::Deadline* deadline_;  ///< replaced by a shorter one for the two-phase pass
  const RankingOptions& options_;
  unsigned width_;
  std::map<ir::LocId, std::vector<ir::VarId>> features_;
  std::unique_ptr<smt::Solver> checker_;
  std::vector<Sample> samples_;
  std::string reason_;
  bool two_phase_ = false;  ///< searching two-phase levels (RankingLevel::phase)
};


/// Least common multiple of the denominators, or nullopt past 2^20.
std::optional<std::int64_t> common_denominator(const std::vector<smt::Rational>& values) {
  std::int64_t l = 1;
  for (const smt::Rational& r : values) {
    l = std::lcm(l, r.den);
    if (l > (std::int64_t{1} << 20)) return std::nullopt;
  }
  return l;
}

/// A linear problem over the rationals: every sample non-increasing, the samples of
/// `strict` decreasing and from a non-negative value. Its solution, scaled by the common
/// denominator, is an integer one: on integer samples a positive difference is then >= 1.
/// (Integer programs for the same question are slow to refute and hard to interrupt.)
std::optional<RankingLevel> ComponentSearch::solve_coefficients(std::int64_t bound, std::int64_t constant_bound,
                                                                std::size_t strict) {
  Unknowns u;
  std::vector<smt::LinearRow> rows;
  const auto within = [&](std::size_t x, std::int64_t b) {
    rows.push_back({{{x, 1}}, smt::LinearRow::Kind::LessEq, b});
    rows.push_back({{{x, 1}}, smt::LinearRow::Kind::GreaterEq, -b});
  };
  for (const auto& [l, f] : features_) {
    u.constant[l] = u.count++;
    within(u.constant[l], constant_bound);
    for (std::size_t i = 0; i < f.size(); ++i) {
      u.coefficient[l].push_back(u.count);
      within(u.count++, bound);
    }
    if (!two_phase_) continue;
    u.phase_constant[l] = u.count++;
    within(u.phase_constant[l], constant_bound);
    for (std::size_t i = 0; i < f.size(); ++i) {
      u.phase_coefficient[l].push_back(u.count);
      within(u.count++, bound);
    }
  }
  // value(before) - value(after) as a row, of the function or of the phase function
  const auto difference = [&](const Sample& s, ir::LocId from, ir::LocId to, bool phase) {
    auto& constant = phase ? u.phase_constant : u.constant;
    auto& coefficient = phase ? u.phase_coefficient : u.coefficient;
    smt::LinearRow row;
    row.terms.push_back({constant[from], 1});
    row.terms.push_back({constant[to], -1});
    for (std::size_t i = 0; i < s.before.size(); ++i) row.terms.push_back({coefficient[from][i], s.before[i]});
    for (std::size_t i = 0; i < s.after.size(); ++i) row.terms.push_back({coefficient[to][i], -s.after[i]});
    return row;
  };
  for (const Sample& s : samples_) {
    const transform::Segment& seg = sys_.segments[s.segment];
    smt::LinearRow d = difference(s, seg.from, seg.to, false);
    d.kind = smt::LinearRow::Kind::GreaterEq;
    d.bound = s.segment == strict ? 1 : 0;  // on integer samples, > 0 is >= 1
    if (two_phase_) {
      // phase(before) - phase(after) >= 1 (strict) or >= 0; and the function's difference
      // plus the phase's value before >= 1 (strict), or the difference alone >= 0.
      smt::LinearRow ph = difference(s, seg.from, seg.to, true);
      ph.kind = smt::LinearRow::Kind::GreaterEq;
      ph.bound = d.bound;
      rows.push_back(ph);
      if (s.segment == strict) {
        d.terms.push_back({u.phase_constant[seg.from], 1});
        for (std::size_t i = 0; i < s.before.size(); ++i) d.terms.push_back({u.phase_coefficient[seg.from][i], s.before[i]});
      }
    }
    rows.push_back(d);
    if (s.segment != strict) continue;
    smt::LinearRow nonneg;
    nonneg.terms.push_back({u.constant[seg.from], 1});
    for (std::size_t i = 0; i < s.before.size(); ++i) nonneg.terms.push_back({u.coefficient[seg.from][i], s.before[i]});
    rows.push_back(nonneg);
  }
  const auto solution = smt::solve_rational(u.count, rows, deadline_->child(options_.coefficient_timeout_s));
  if (!solution) return std::nullopt;
  // The simplest integer solution: few and small coefficients, constants only where
  // needed. Counterexamples tend to refute a candidate barely (a counter one step past
  // it), and an arbitrary solution then overfits them one step at a time (15 - i,
  // 16 - i, ...) where n - i fits them all.
  // (Over bit-vectors, where each check costs far more than a coefficient problem, the
  // first solution is kept: measured faster there.)
  std::vector<std::int64_t> weights(u.count, 1);
  for (const auto& [l, x] : u.constant) weights[x] = 16;
  for (const auto& [l, x] : u.phase_constant) weights[x] = 16;
  if (width_ == 0)
    if (const auto best = smt::solve_integer_minimal(u.count, rows, weights, deadline_->child(options_.coefficient_timeout_s)))
      return level_from(u, strict, [&](std::size_t x) { return (*best)[x]; });
  // A rational solution scaled by a small common denominator is the integer solution;
  // otherwise the integer problem is solved directly (it is feasible for loose bounds,
  // and the rational check has already ruled out most infeasible ones cheaply).
  if (const std::optional<RankingLevel> scaled = scale_to_integers(*solution, u, strict)) return scaled;
  return solve_integer(u, rows, strict);
}

std::optional<RankingLevel> ComponentSearch::scale_to_integers(const std::vector<smt::Rational>& solution,
                                                               const Unknowns& u, std::size_t strict) const {
  const std::optional<std::int64_t> scale = common_denominator(solution);
  if (!scale || *scale > 64) return std::nullopt;
  return level_from(u, strict, [&](std::size_t x) { return solution[x].num * (*scale / solution[x].den); });
}

RankingLevel ComponentSearch::level_from(const Unknowns& u, std::size_t strict,
                                         const std::function<std::int64_t(std::size_t)>& value) const {
  RankingLevel level;
  for (const auto& [l, f] : features_) {
    LinearFunction fn;
    fn.constant = value(u.constant.at(l));
    for (std::size_t i = 0; i < f.size(); ++i) fn.terms.push_back({f[i], value(u.coefficient.at(l)[i])});
    level.functions[l] = fn;
    if (!two_phase_) continue;
    LinearFunction ph;
    ph.constant = value(u.phase_constant.at(l));
    for (std::size_t i = 0; i < f.size(); ++i) ph.terms.push_back({f[i], value(u.phase_coefficient.at(l)[i])});
    level.phase[l] = ph;
  }
  level.decreasing.insert({sys_.segments[strict].from, sys_.segments[strict].to});
  return level;
}

std::optional<RankingLevel> ComponentSearch::solve_integer(const Unknowns& u, const std::vector<smt::LinearRow>& rows,
                                                           std::size_t strict) {
  auto solver = smt::make_z3_solver();
  const auto var = [](std::size_t x) { return ir::mk_var(static_cast<ir::VarId>(x), ir::Sort::integer()); };
  for (const smt::LinearRow& row : rows) {
    Term sum = ir::mk_int(0);
    for (const auto& [x, a] : row.terms) sum = ir::mk_binary(Op::Add, sum, ir::mk_binary(Op::Mul, ir::mk_int(a), var(x)));
    const Term b = ir::mk_int(row.bound);
    switch (row.kind) {
      case smt::LinearRow::Kind::GreaterEq: solver->add(ir::mk_binary(Op::Le, b, sum)); break;
      case smt::LinearRow::Kind::Greater: solver->add(ir::mk_binary(Op::Lt, b, sum)); break;
      case smt::LinearRow::Kind::LessEq: solver->add(ir::mk_binary(Op::Le, sum, b)); break;
    }
  }
  if (solver->check({}, deadline_->child(options_.coefficient_timeout_s)) != smt::SatResult::Sat) return std::nullopt;
  return level_from(u, strict, [&](std::size_t x) -> std::int64_t {
    const auto v = solver->model_value(var(x));
    return v ? v->ivalue : 0;
  });
}

/// Every feature at `l` between -2^10 and 2^10.
Term ComponentSearch::small_values(ir::LocId l) {
  std::vector<Term> bounds;
  for (ir::VarId v : features_.at(l)) {
    const ir::Variable& var = p_.vars[v];
    if (var.sort.is_int()) {
      bounds.push_back(ir::mk_binary(Op::Le, ir::mk_int(-1024), p_.var_term(v)));
      bounds.push_back(ir::mk_binary(Op::Le, p_.var_term(v), ir::mk_int(1024)));
      continue;
    }
    if (!var.sort.is_bv() || var.sort.width() <= 11) continue;
    const unsigned w = var.sort.width();
    const Term x = p_.var_term(v);
    if (var.is_signed) {
      bounds.push_back(ir::mk_binary(Op::Sle, ir::mk_bv(w, ir::mask(w) & static_cast<std::uint64_t>(-1024)), x));
      bounds.push_back(ir::mk_binary(Op::Sle, x, ir::mk_bv(w, 1024)));
    } else {
      bounds.push_back(ir::mk_binary(Op::Ule, x, ir::mk_bv(w, 1024)));
    }
  }
  return ir::mk_and(bounds);
}

/// Some feature at `l` of magnitude at least 2^12.
Term ComponentSearch::large_value(ir::LocId l) {
  std::vector<Term> options;
  for (ir::VarId v : features_.at(l)) {
    const ir::Variable& var = p_.vars[v];
    const Term x = p_.var_term(v);
    if (var.sort.is_int()) {
      options.push_back(ir::mk_binary(Op::Le, ir::mk_int(4096), x));
      options.push_back(ir::mk_binary(Op::Le, x, ir::mk_int(-4096)));
      continue;
    }
    if (!var.sort.is_bv() || var.sort.width() <= 13) continue;
    const unsigned w = var.sort.width();
    if (var.is_signed) {
      options.push_back(ir::mk_binary(Op::Sle, ir::mk_bv(w, 4096), x));
      options.push_back(ir::mk_binary(Op::Sle, x, ir::mk_bv(w, ir::mask(w) & static_cast<std::uint64_t>(-4096))));
    } else {
      options.push_back(ir::mk_binary(Op::Ule, ir::mk_bv(w, 4096), x));
    }
  }
  return ir::mk_or(options);
}

/// The checker's model as a sample of `segment`.
void ComponentSearch::add_sample(std::size_t segment) {
  const transform::Segment& s = sys_.segments[segment];
  Sample sample{segment, {}, {}};
  for (ir::VarId v : features_.at(s.from)) {
    const auto x = checker_->model_value(p_.var_term(v));
    sample.before.push_back(x ? as_integer(*x, p_.vars[v]) : 0);
  }
  for (ir::VarId v : features_.at(s.to)) {
    const auto x = checker_->model_value(s.post.at(v));
    sample.after.push_back(x ? as_integer(*x, p_.vars[v]) : 0);
  }
  samples_.push_back(std::move(sample));
}

/// Looks for a step of `segment` that violates the level's condition; adds it as a sample.
bool ComponentSearch::refute(const RankingLevel& level, std::size_t segment) {
  const transform::Segment& s = sys_.segments[segment];
  const ir::LinearFunction& f_from = level.functions.at(s.from);
  const Term before = ir::ranking_term(p_, f_from, width_, [&](ir::VarId v) { return p_.var_term(v); });
  const Term decrease = ir::ranking_decrease(p_, f_from, level.functions.at(s.to), width_,
                                                   [&](ir::VarId v) { return s.post.at(v); });
  const Term zero = ir::ranking_constant(width_, 0), one = ir::ranking_constant(width_, 1);
  const bool strict = level.decreasing.count({s.from, s.to}) > 0;
  Term good = ir::ranking_le(zero, decrease);
  if (strict) good = ir::mk_and(ir::ranking_le(one, decrease), ir::ranking_le(zero, before));
  if (level.phase.count(s.from)) {  // as evidence/termination_check states it
    const auto post = [&](ir::VarId v) { return s.post.at(v); };
    const ir::LinearFunction& phase_from = level.phase.at(s.from);
    const Term phase_decrease = ir::ranking_decrease(p_, phase_from, level.phase.at(s.to), width_, post);
    const Term lagging =
        ir::ranking_decrease(p_, ir::linear_sum(f_from, phase_from), level.functions.at(s.to), width_, post);
    good = strict ? ir::mk_and({ir::ranking_le(one, phase_decrease), ir::ranking_le(one, lagging),
                                ir::ranking_le(zero, before)})
                  : ir::mk_and(ir::ranking_le(zero, phase_decrease), ir::ranking_le(zero, decrease));
  }
  auto it = inv_.find(s.from);
  checker_->push();
  checker_->add(ir::mk_and({it == inv_.end() ? ir::mk_true() : it->second, s.guard, ir::mk_not(good)}));
  // Small counterexamples first: they keep the coefficient problems easy.
  const support::Deadline query = deadline_->child(options_.check_timeout_s);
  smt::SatResult r = checker_->check({small_values(s.from)}, query);
  const bool small = r == smt::SatResult::Sat;
  if (r == smt::SatResult::Unsat) r = checker_->check({}, query);
  bool refuted = false;
  if (r == smt::SatResult::Sat) {
    add_sample(segment);
    refuted = true;
    // A small counterexample often refutes a candidate barely (j = -7 against j + 6*i),
    // and the next candidate moves just past it; a large one as well ends such a series.
    const Term large = large_value(s.from);
    if (small && width_ == 0 && !large.is_false() && checker_->check({large}, query) == smt::SatResult::Sat)
      add_sample(segment);
  } else if (r == smt::SatResult::Unknown) {
    reason_ = "the solver gave up checking a candidate (" + checker_->reason_unknown() + ")";
    refuted = true;
  }
  checker_->pop();
  return refuted;
}

/// Counterexample-guided search for a function that strictly decreases on `strict`, with
/// coefficient and constant bounds up to bounds()[widest].
std::optional<RankingLevel> ComponentSearch::search_for(std::size_t strict, unsigned& rounds, unsigned& budget,
                                                        std::size_t widest) {
  // Small coefficients and constants first: the first bound that fits the samples gives
  // the most natural function (x - y rather than -n - i + 2^40), and small constants keep
  // the bit-vector checks cheap.
  const std::pair<std::int64_t, std::int64_t> bounds[] = {
      {1, 16}, {2, 1024}, {options_.max_coefficient, options_.max_constant}};
  widest = std::min(widest, std::size(bounds) - 1);
  std::size_t b = 0;
  for (; budget > 0; --budget, ++rounds) {
    if (deadline_->expired()) return std::nullopt;
    std::optional<RankingLevel> level = solve_coefficients(bounds[b].first, bounds[b].second, strict);
    while (!level && b < widest && !deadline_->expired()) {
      ++b;
      level = solve_coefficients(bounds[b].first, bounds[b].second, strict);
    }
    if (!level) return std::nullopt;
    bool refuted = false;
    for (std::size_t i : segments_) refuted = refute(*level, i) || refuted;
    if (!reason_.empty()) return std::nullopt;
    if (!refuted) return level;
  }
  return std::nullopt;
}

std::optional<RankingLevel> ComponentSearch::run(unsigned& rounds) {
  std::optional<RankingLevel> level = search_level(rounds);
  // Where no plain level exists, a two-phase one (a loop whose decrease starts only after
  // a first phase, e.g. x += y; y-- with x >= 0): its samples are the same steps.
  if (level || !options_.two_phase || deadline_->expired()) return level;
  const std::string plain_reason = reason_;
  reason_.clear();
  two_phase_ = true;
  const support::Deadline* whole = deadline_;
  const support::Deadline share = whole->child(whole->remaining_ms() / 1000.0 * options_.two_phase_share);
  deadline_ = &share;
  level = search_level(rounds);
  deadline_ = whole;
  if (!level) reason_ = plain_reason + (reason_.empty() ? "" : "; two-phase: " + reason_);
  return level;
}

std::optional<RankingLevel> ComponentSearch::search_level(unsigned& rounds) {
  unsigned budget = options_.max_rounds;
  std::string last_failure;
  // Two passes over the segments that could decrease strictly. The first gives each a
  // few rounds with small coefficients and constants: a level's function is usually
  // simple, and a segment on which none decreases (one that only joins two paths, say)
  // would otherwise spend the whole budget on ever larger constants before the next
  // segment is tried. The second gives the rest of the budget, all bounds.
  std::vector<std::pair<std::size_t, std::size_t>> tries;  // (strict segment, widest bound)
  if (segments_.size() > 1)
    for (std::size_t strict : segments_) tries.emplace_back(strict, 1);
  for (std::size_t strict : segments_) tries.emplace_back(strict, 2);
  for (const auto& [strict, widest] : tries) {
    if (budget == 0) break;
    const bool first_pass = widest == 1;
    unsigned slice = first_pass ? std::min(budget, kFirstPassRounds) : budget;
    const unsigned granted = slice;
    std::optional<RankingLevel> level = search_for(strict, rounds, slice, widest);
    budget -= granted - slice;
    if (!reason_.empty() && deadline_->expired()) return std::nullopt;
    if (!level || !reason_.empty()) {
      last_failure = reason_;
      reason_.clear();
      continue;
    }
    // Every other segment on which the same function happens to decrease is ranked too.
    for (std::size_t i : segments_) {
      if (i == strict) continue;
      RankingLevel more = *level;
      more.decreasing.insert({sys_.segments[i].from, sys_.segments[i].to});
      const std::size_t samples = samples_.size();
      if (!refute(more, i) && reason_.empty()) level = std::move(more);
      samples_.resize(samples);
      reason_.clear();
    }
    return level;
  }
  reason_ = deadline_->expired() ? "time limit reached"
            : budget == 0       ? "no linear ranking function found in " + std::to_string(options_.max_rounds) + " rounds"
            : !last_failure.empty() ? last_failure
                                : "no linear ranking function fits the sampled steps";
  return std::nullopt;
}

}  // namespace

RankingSearch synthesize_ranking(const ir::Program& program, const transform::CutPointSystem& system,
                                 const std::map<ir::LocId, Term>& invariants, const support::Deadline& deadline,
                                 const RankingOptions& options) {
  RankingSearch out;
  std::vector<std::size_t> remaining(system.segments.size());
  for (std::size_t i = 0; i < remaining.size(); ++i) remaining[i] = i;
  for (unsigned k = 0;; ++k) {
    const auto components = cycles(system, remaining, program.locs.size());
    if (components.empty()) {
      out.found = true;
      return out;
    }
    if (k == options.max_levels) {
      out.reason = "more than " + std::to_string(options.max_levels) + " lexicographic levels needed";
      out.failed_at = system.segments[components.front().front()].from;
      return out;
    }
    RankingLevel level;
    remaining.clear();
    for (const auto& segs : components) {
      ComponentSearch search(program, system, invariants, segs, deadline, options);
      std::optional<RankingLevel> part = search.run(out.rounds);
      if (!part) {
        out.reason = search.reason();
        out.failed_at = system.segments[segs.front()].from;
        return out;
      }
      level.functions.insert(part->functions.begin(), part->functions.end());
      level.phase.insert(part->phase.begin(), part->phase.end());
      level.decreasing.insert(part->decreasing.begin(), part->decreasing.end());
      for (std::size_t i : segs)
        if (!part->decreasing.count({system.segments[i].from, system.segments[i].to})) remaining.push_back(i);
    }
    out.levels.push_back(std::move(level));
  }
}

}  // namespace verdict::engines::termination
