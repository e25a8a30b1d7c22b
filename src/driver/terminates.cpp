// verdict::terminates — the termination question end to end: frontend, the proof and
// witness views of the program, the termination engine's two searches in parallel,
// independent re-checking of their evidence, and the answer with its assumptions.
#include "verdict/terminates.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <future>
#include <optional>

#include "driver/evidence_check.h"
#include "driver/question.h"
#include "engines/termination/termination_engine.h"
#include "evidence/python_expr.h"
#include "evidence/certificate_proof.h"
#include "evidence/native_replay.h"
#include "evidence/replay.h"
#include "evidence/termination_check.h"
#include "evidence/value_format.h"
#include "frontend/c/c_frontend.h"
#include "transform/cutpoints.h"
#include "transform/integer_reading.h"
#include "transform/signedness.h"
#include "transform/split_loop_heads.h"
#include "transform/split_parallel_edges.h"
#include "transform/termination_view.h"
#include "verdict/errors.h"

namespace verdict {

namespace {

using engines::termination::TerminationResult;
using Status = TerminationResult::Status;

std::vector<std::string> termination_assumptions() {
  return {"the entry function's parameters and every __VERIFIER_nondet_*() call take arbitrary values of their types",
          "termination is decided for executions without undefined behaviour (signed overflow, division by zero, "
          "invalid shift): a yes covers every such execution and says which undefined behaviour it did not show "
          "unreachable; a no is an execution without any",
          "a failing assertion (or abort/exit) ends the execution",
          "unsigned arithmetic wraps around modulo 2^width"};
}

std::vector<std::string> python_termination_assumptions() {
  return {"an uncaught exception (a failing assertion, ZeroDivisionError, a raise) ends the execution: it "
          "terminates"};
}

/// The program with calls kept as procedures, or nullopt when that has a bound too or
/// cannot be built.
std::optional<ir::Program> modular_program(const std::string& file, frontend::c::CFrontendOptions options) {
  options.modular = true;
  try {
    ir::Program modular = frontend::c::translate_file(file, options);
    if (driver::has_bound(modular)) return std::nullopt;
    transform::mark_signed_temporaries(modular);
    return modular;
  } catch (const Unsupported&) {
    return std::nullopt;
  }
}

std::string loop_text(const ir::Program& p, ir::LocId head) { return "the loop at " + ir::location_label(p, head); }

/// Per loop head of a program whose loops were split (transform/split_loop_heads): which
/// copy it heads, as "(where the condition at line N holds)".
using HeadNotes = std::map<ir::LocId, std::string>;

HeadNotes split_notes(const std::vector<transform::LoopSplit>& splits, const std::vector<ir::LocId>& copies) {
  HeadNotes notes;
  for (std::size_t k = 0; k < splits.size(); ++k) {
    const std::string at = splits[k].where.known() ? " at line " + std::to_string(splits[k].where.line) : "";
    notes[splits[k].head] = " (entered where the condition" + at + " holds)";
    notes[copies.at(k)] = " (entered where the condition" + at + " does not hold)";
  }
  return notes;
}

/// The source variables live at `head`, with their values in `state`.
std::vector<NamedValue> state_at(const ir::Program& p, ir::LocId head, const ir::State& state) {
  const auto live = transform::live_variables(p);
  std::vector<NamedValue> out;
  for (ir::VarId v = 0; v < p.vars.size() && v < state.size(); ++v) {
    const ir::Variable& var = p.vars[v];
    if (!live[head][v] || var.source_name.empty() || var.sort.is_array()) continue;
    out.push_back(NamedValue{var.source_name, evidence::format_value(state[v], var, p.language)});
  }
  return out;
}

std::string joined(const std::vector<NamedValue>& values) {
  std::string s;
  for (const NamedValue& v : values) s += (s.empty() ? "" : ", ") + v.name + " = " + v.value;
  return s.empty() ? "(no live variables)" : s;
}

/// The proof items of a ranking certificate: one ranking function per level and loop.
Proof ranking_proof(const ir::Program& p, const ir::RankingCertificate& cert, const std::string& method,
                    const HeadNotes& notes) {
  Proof proof;
  proof.method = method;
  // At the loop heads only: the functions at the other locations of a loop (cut points
  // that separate its paths) are part of the checked certificate but say little to a reader.
  std::size_t elsewhere = 0;
  for (std::size_t k = 0; k < cert.levels.size(); ++k) {
    for (const auto& [loc, f] : cert.levels[k].functions) {
      if (f.is_zero() && cert.levels[k].decreasing.empty()) continue;
      if (!p.locs[loc].loop_head) {
        ++elsewhere;
        continue;
      }
      const std::string kind = cert.levels.size() == 1 ? "ranking function"
                                                       : "ranking function (level " + std::to_string(k + 1) + ")";
      const auto note = notes.find(loc);
      const std::string loop = loop_text(p, loc) + (note == notes.end() ? "" : note->second);
      const auto phase = cert.levels[k].phase.find(loc);
      if (phase != cert.levels[k].phase.end()) {
        // A two-phase function: the first decreases throughout; the second may grow by
        // less than it, and decreases once the first is negative.
        proof.items.push_back(ProofItem{kind + " for " + loop + ", first phase", p.locs[loc].loc,
                                        ir::print_linear(p, phase->second)});
        proof.items.push_back(ProofItem{kind + " for " + loop + ", second phase (may grow by less than the first)",
                                        p.locs[loc].loc, ir::print_linear(p, f)});
        continue;
      }
      proof.items.push_back(ProofItem{kind + " for " + loop, p.locs[loc].loc, ir::print_linear(p, f)});
    }
  }
  if (elsewhere > 0)
    proof.method += " (and " + std::to_string(elsewhere) + " functions at other locations of the loops, in the checked certificate)";
  for (const auto& [k, f] : cert.recursion) {
    const ir::Procedure& proc = p.procedures.at(k);
    const auto next = cert.recursion_next.find(k);
    if (next == cert.recursion_next.end()) {
      proof.items.push_back(ProofItem{"ranking function for the recursion of " + proc.name, proc.loc,
                                      ir::print_linear(p, f)});
      continue;
    }
    // A lexicographic pair: each recursive call decreases the first, or keeps it and
    // decreases the second.
    proof.items.push_back(ProofItem{"ranking function for the recursion of " + proc.name + " (level 1)", proc.loc,
                                    ir::print_linear(p, f)});
    proof.items.push_back(ProofItem{"ranking function for the recursion of " + proc.name + " (level 2)", proc.loc,
                                    ir::print_linear(p, next->second)});
  }
  std::map<ir::LocId, ir::Term> at_heads;
  for (const auto& [loc, inv] : cert.invariants) {
    const bool procedure_end = std::any_of(p.procedures.begin(), p.procedures.end(), [&](const ir::Procedure& f) {
      return f.entry == loc || f.exit == loc;
    });
    if (p.locs[loc].loop_head || procedure_end) at_heads.emplace(loc, inv);
  }
  for (ProofItem& item : evidence::invariant_items(p, at_heads)) {
    if (item.kind == "invariant") item.kind = "supporting invariant";
    proof.items.push_back(std::move(item));
  }
  return proof;
}

Counterexample nontermination_counterexample(const ir::Program& p, ir::LocId head,
                                             const evidence::TerminationCheck& check) {
  Counterexample cex = evidence::describe_execution(p, check.stem);
  cex.property = "termination";
  cex.violation = loop_text(p, head) + " never exits";
  cex.violation_loc = p.locs[head].loc;
  cex.confirmations.push_back(check.message);
  return cex;
}

/// Re-checks the evidence of a decisive result; on failure the result becomes Unknown.
struct Vetted {
  TerminationResult result;
  std::optional<evidence::TerminationCheck> check;
};

/// The views a search result is checked on (and printed with).
struct Views {
  const ir::Program& proof;
  const ir::Program& witness;
  const ir::Program* defined = nullptr;  ///< undefined behaviour assumed away
  const ir::Program* integer = nullptr;  ///< the integer reading
  /// The proof views with loops split by a condition (transform/split_loop_heads), for
  /// the evidence found on them.
  const Views* refined = nullptr;
  HeadNotes notes;  ///< for split loops: which copy each head enters

  /// The views `r`'s evidence is about.
  [[nodiscard]] const Views& of(const TerminationResult& r) const { return r.refined && refined ? *refined : *this; }
};

/// A proof over the integer reading: its certificate on the integer reading, and its
/// translation on the defined view; both must hold.
evidence::TerminationCheck check_integer_proof(const TerminationResult& r, const Views& views,
                                               const support::Deadline& deadline) {
  evidence::TerminationCheck out;
  if (!views.defined || !views.integer) {
    out.message = "no integer reading to check the proof on";
    return out;
  }
  evidence::TerminationCheck in_c = evidence::check_ranking(*views.defined, *r.ranking, deadline);
  if (!in_c.valid) {
    in_c.message = "in C (executions without undefined behaviour): " + in_c.message;
    return in_c;
  }
  evidence::TerminationCheck over_integers = evidence::check_ranking(*views.integer, *r.integer_ranking, deadline);
  if (!over_integers.valid) {
    over_integers.message = "over unbounded integers: " + over_integers.message;
    return over_integers;
  }
  out = in_c;
  out.message = in_c.message + " in C for the executions without undefined behaviour; " + over_integers.message +
                " over unbounded integers";
  out.obligations_checked.insert(out.obligations_checked.end(), over_integers.obligations_checked.begin(),
                                 over_integers.obligations_checked.end());
  return out;
}

Vetted vet(TerminationResult r, const Views& all_views, bool proof, const support::Deadline& deadline) {
  Vetted v{std::move(r), std::nullopt};
  if (v.result.status == Status::Unknown) return v;
  const Views& views = all_views.of(v.result);
  const ir::Program& analysed = proof ? views.proof : views.witness;
  if (v.result.ranking && v.result.integer_ranking) v.check = check_integer_proof(v.result, views, deadline);
  else if (v.result.ranking) v.check = evidence::check_ranking(analysed, *v.result.ranking, deadline);
  else if (v.result.complete_run) v.check = evidence::check_complete_run(analysed, *v.result.complete_run);
  else if (v.result.lasso) v.check = evidence::check_lasso(analysed, *v.result.lasso);
  else if (v.result.recurrent_set) v.check = evidence::check_recurrent_set(analysed, *v.result.recurrent_set, deadline);
  if (!v.check || !v.check->valid) {
    const std::string why = v.check ? v.check->message : "no evidence";
    v.result.tried.push_back(v.result.method + ": evidence rejected by the independent check: " + why);
    v.result.status = Status::Unknown;
    v.result.reason = "evidence not confirmed (" + why + ")";
  }
  return v;
}

/// The properties `ids` as "description at file:line:col" items, each once (inlined copies
/// of one check share it), the first `limit` of them and how many more; empty for none.
std::string named_properties(const ir::Program& p, const std::vector<ir::PropId>& ids, std::size_t limit) {
  std::vector<std::string> named;
  for (ir::PropId k : ids) {
    const ir::Property& prop = p.props.at(k);
    const std::string item = prop.description + (prop.loc.known() ? " at " + prop.loc.str() : "");
    if (std::find(named.begin(), named.end(), item) == named.end()) named.push_back(item);
  }
  std::string list;
  for (std::size_t i = 0; i < named.size() && i < limit; ++i) list += (i ? "; " : "") + named[i];
  if (named.size() > limit) list += "; and " + std::to_string(named.size() - limit) + " more";
  return list;
}

/// For a proof over the integer reading: the undefined behaviour it does not exclude, as
/// an assumption of the answer.
std::string undefined_behaviour_left(const ir::Program& proof_view, const TerminationResult& r) {
  std::vector<ir::PropId> open = r.open_undefined.value_or(std::vector<ir::PropId>{});
  if (!r.open_undefined)  // not tried: every undefined behaviour the program can have
    for (const ir::Edge& e : proof_view.edges)
      for (const ir::Stmt& s : e.body)
        if (s.kind == ir::Stmt::Kind::Check &&
            ir::property_class(proof_view.props.at(s.prop).kind) != ir::PropertyClass::Incomplete)
          open.push_back(s.prop);
  const std::string list = named_properties(proof_view, open, 4);
  std::string s = "this yes covers the executions without undefined behaviour, and the same argument holds over "
                  "unbounded integers";
  if (!list.empty()) s += "; not shown unreachable: " + list;
  else if (r.open_undefined)
    s += "; no undefined behaviour is reachable by interval and relational invariants (checked by Z3, not "
         "re-checked by cvc5)";
  return s;
}

void fill_yes(Answer& a, const Views& all_views, const Vetted& v) {
  a.verdict = Verdict::Yes;
  const Views& views = all_views.of(v.result);
  if (v.result.complete_run) {
    a.engine = "termination-run";
    a.evidence.proof = Proof{v.result.method, {}, {v.check->message}};
    return;
  }
  const ir::RankingCertificate& cert = *v.result.ranking;
  a.engine = !cert.recursion.empty() ? "termination-recursion"
             : cert.levels.empty()   ? "termination-acyclic"
                                     : "termination-ranking";
  if (v.result.integer_ranking) {
    // Printed over the integer reading: its invariants read as the source does.
    a.evidence.proof = ranking_proof(*views.integer, *v.result.integer_ranking, v.result.method, views.notes);
    a.assumptions.push_back(undefined_behaviour_left(views.proof, v.result));
  } else {
    a.evidence.proof = ranking_proof(views.proof, *v.result.ranking, v.result.method, views.notes);
  }
  a.evidence.proof->checked_by.push_back(v.check->message);
}

/// For a lasso whose loop reads no inputs (and for a Python recurrent set: Python programs
/// read inputs only as parameters): the compiled program, or the call run by python3, must
/// still be running after a while. Returns false when it ends instead (the model
/// contradicts the program).
bool confirm_natively(Counterexample& cex, const ir::Program& witness_view, const Vetted& v, const Options& options) {
  const bool python_set = v.result.recurrent_set && witness_view.language == "Python";
  if (!options.replay_native || !(v.result.lasso || python_set)) return true;
  if (v.result.lasso && !v.result.lasso->loop_inputs.empty()) {
    cex.confirmations.push_back("native replay skipped: the loop reads inputs");
    return true;
  }
  evidence::NativeReplayOptions native;
  native.run_timeout_s = 1;
  const evidence::NativeReplayResult r = evidence::native_replay_nontermination(witness_view, v.check->stem, native);
  cex.confirmations.push_back(r.message);
  if (!r.test_source.empty()) cex.replay_test = r.test_source;
  return r.status != evidence::NativeReplayResult::Status::NotReproduced;
}

void fill_no(Answer& a, const ir::Program& witness_view, const Vetted& v, const Options& options) {
  a.verdict = Verdict::No;
  a.engine = v.result.lasso ? "termination-lasso" : "termination-recurrent-set";
  if (v.result.lasso) {
    const ir::LocId head = v.result.lasso->head;
    Counterexample cex = nontermination_counterexample(witness_view, head, *v.check);
    const std::vector<NamedValue> state = state_at(witness_view, head, v.check->repeated);
    cex.trace.push_back(TraceStep{witness_view.locs[head].loc, "the state repeats here: " + joined(state), state});
    if (!confirm_natively(cex, witness_view, v, options)) {
      a.verdict = Verdict::DontKnow;
      a.engine.clear();
      a.reason = "internal error: the compiled program contradicts the non-termination witness (" +
                 cex.confirmations.back() + ")";
      return;
    }
    a.evidence.counterexample = std::move(cex);
  } else {
    const ir::RecurrentSetWitness& w = *v.result.recurrent_set;
    Counterexample cex = nontermination_counterexample(witness_view, w.head, *v.check);
    const std::vector<NamedValue> state = state_at(witness_view, w.head, v.check->stem.final_state);
    cex.trace.push_back(TraceStep{witness_view.locs[w.head].loc,
                                  "enters the recurrent set " + evidence::print_source_expr(w.set, witness_view) +
                                      " with " + joined(state) + "; no execution leaves it",
                                  state});
    if (!confirm_natively(cex, witness_view, v, options)) {
      a.verdict = Verdict::DontKnow;
      a.engine.clear();
      a.reason = "internal error: the program run contradicts the recurrent set (" + cex.confirmations.back() + ")";
      return;
    }
    a.evidence.counterexample = std::move(cex);
  }
}

/// For a don't know: the unmodelled constructs and bounds of the program (a proof must
/// show them unreachable; a witness must avoid them), so the answer names them.
void name_incomplete(Answer& a, const ir::Program& p) {
  std::vector<ir::PropId> incomplete;
  for (ir::PropId k = 0; k < p.props.size(); ++k)
    if (ir::property_class(p.props[k].kind) == ir::PropertyClass::Incomplete) incomplete.push_back(k);
  const std::string list = named_properties(p, incomplete, 5);
  if (!list.empty()) a.tried.push_back("not modelled in this program (reaching one means don't know): " + list);
}

/// Runs both searches in parallel; the first vetted decisive answer cancels the other.
void run_searches(Answer& a, const Views& views, const std::string& refinement, const Options& options) {
  const double budget = driver::engine_budget_s(options.timeout_s);
  const support::Deadline prove_deadline(budget), refute_deadline(budget);
  const support::Deadline check_deadline(options.timeout_s > 0 ? options.timeout_s : 0);
  std::optional<engines::termination::ProofViews> refined_views;
  if (views.refined)
    refined_views.emplace(engines::termination::ProofViews{views.refined->proof, views.refined->defined,
                                                           views.refined->integer, nullptr, refinement});
  const engines::termination::ProofViews proof_views{views.proof, views.defined, views.integer,
                                                     refined_views ? &*refined_views : nullptr, ""};
  const auto search = [&](bool prove) {
    const support::Deadline& mine = prove ? prove_deadline : refute_deadline;
    engines::EngineContext context{options, mine, driver::candidate_checker()};
    TerminationResult r;
    try {
      r = prove ? engines::termination::prove_termination(proof_views, context)
                : engines::termination::find_nontermination(views.witness, context);
    } catch (const Unsupported& e) {
      r.reason = std::string("unsupported: ") + e.what();
    } catch (const std::bad_alloc&) {
      r.reason = "out of memory";
    } catch (...) {  // a solver stopped by the other search's answer, or a bug: never an answer
      r = TerminationResult{};
      r.reason = mine.expired() ? "stopped: time limit reached or the other search answered first"
                                  : "internal error in the " + std::string(prove ? "proof" : "witness") + " search";
      if (!mine.expired()) std::fprintf(stderr, "verdict: %s\n", r.reason.c_str());
    }
    Vetted v = vet(std::move(r), views, prove, check_deadline);
    if (v.result.status != Status::Unknown) (prove ? refute_deadline : prove_deadline).cancel();
    return v;
  };
  auto proof = std::async(std::launch::async, search, true);
  Vetted refutation = search(false);
  Vetted proved = proof.get();
  if (proved.result.status == Status::Terminates && refutation.result.status == Status::NonTerminating) {
    a.verdict = Verdict::DontKnow;
    a.reason = "internal error: a termination proof and a non-terminating execution were both confirmed";
    return;
  }
  if (proved.result.status == Status::Terminates) return fill_yes(a, views, proved);
  if (refutation.result.status == Status::NonTerminating) return fill_no(a, views.witness, refutation, options);
  a.verdict = Verdict::DontKnow;
  a.tried = proved.result.tried;
  a.tried.insert(a.tried.end(), refutation.result.tried.begin(), refutation.result.tried.end());
  a.reason = proved.result.reason + "; " + refutation.result.reason;
  if (prove_deadline.expired() && !prove_deadline.cancelled()) a.reason = "time limit reached: " + a.reason;
}

}  // namespace

Answer terminates(const std::string& file, const Options& options) {
  Answer a;
  a.question = "termination";
  a.file = file;
  a.entry = options.entry;
  a.assumptions = termination_assumptions();
  driver::answer_question(a, [&] {
    const bool python = driver::source_language(file) == driver::SourceLanguage::Python;
    frontend::c::CFrontendOptions fo{options.entry, options.data_model, options.recursion_bound,
                                     options.extra_clang_args, false};
    ir::Program program = python ? driver::python_program(file, options) : frontend::c::translate_file(file, fo);
    if (python) a.assumptions = python_termination_assumptions();
    else transform::mark_signed_temporaries(program);
    a.assumptions.insert(a.assumptions.end(), program.assumptions.begin(), program.assumptions.end());
    // Recursion deeper than the inlining bound: a proof needs the calls kept as procedures
    // (the Python frontend inlines only: its bound stays, and the answer don't know).
    std::optional<ir::Program> modular =
        !python && driver::has_bound(program) ? modular_program(file, fo) : std::nullopt;
    ir::Program proof_view = modular ? std::move(*modular) : program, witness_view = std::move(program);
    ir::Program defined_view = proof_view;
    transform::make_termination_view(proof_view, transform::TerminationView::Proof);
    transform::make_termination_view(defined_view, transform::TerminationView::DefinedProof);
    if (proof_view.procedures.empty()) {
      for (ir::Program* view : {&proof_view, &defined_view}) {
        transform::split_conditional_assignments(*view);
        transform::split_parallel_edges(*view);
      }
    }
    transform::make_termination_view(witness_view, transform::TerminationView::Witness);
    // C only: Python's integers are already unbounded and it has no undefined behaviour.
    const std::optional<ir::Program> integer_view =
        python ? std::nullopt : transform::integer_reading(proof_view);
    // The proof views again with loops split by a condition their body branches on (C
    // only: the split is tried over the integer reading).
    const std::vector<transform::LoopSplit> splits =
        python ? std::vector<transform::LoopSplit>{} : transform::choose_loop_splits(proof_view);
    std::optional<ir::Program> split_proof, split_defined, split_integer;
    std::optional<Views> split_views;
    if (!splits.empty()) {
      split_proof = proof_view;
      split_defined = defined_view;
      const std::vector<ir::LocId> copies = transform::split_loop_heads(*split_proof, splits);
      transform::split_loop_heads(*split_defined, splits);
      split_integer = transform::integer_reading(*split_proof);
      split_views.emplace(Views{*split_proof, witness_view, &*split_defined, split_integer ? &*split_integer : nullptr,
                                nullptr, split_notes(splits, copies)});
    }
    Views views{proof_view, witness_view, python ? nullptr : &defined_view, integer_view ? &*integer_view : nullptr,
                split_views ? &*split_views : nullptr, {}};
    run_searches(a, views, transform::describe_splits(proof_view, splits), options);
    if (a.verdict == Verdict::DontKnow) name_incomplete(a, proof_view);
  });
  return a;
}

}  // namespace verdict
