// verdict::check — the safety question end to end: frontend, property selection,
// engine portfolio, evidence checking, and the answer with its assumptions.
#include "verdict/check.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "driver/evidence_check.h"
#include "driver/portfolio.h"
#include "driver/question.h"
#include "engines/bmc/bmc_engine.h"
#include "engines/chc/chc_engine.h"
#include "engines/kinduction/kinduction_engine.h"
#include "frontend/c/c_frontend.h"
#include "ir/printer.h"
#include "transform/select_properties.h"
#include "transform/signedness.h"
#include "verdict/errors.h"

namespace verdict {

namespace {

std::string question_name(const PropertySet& p) {
  if (p.unreach_call && p.no_overflow) return "all";
  return p.unreach_call ? "unreach-call" : "no-overflow";
}

frontend::c::CFrontendOptions frontend_options(const Options& o) {
  return frontend::c::CFrontendOptions{o.entry, o.data_model, o.recursion_bound, o.extra_clang_args, o.modular,
                                       o.max_inlined_instructions};
}

std::vector<std::string> base_assumptions(const Options& o) {
  std::vector<std::string> a = {
      "the entry function's parameters and every __VERIFIER_nondet_*() call take arbitrary values of their types"};
  const PropertySet& p = o.properties;
  a.push_back(p.no_overflow
                  ? "signed integer overflow is undefined behaviour and is reported as a violation of no-overflow"
                  : "signed integer overflow is not part of the question: it is assumed to wrap around (two's "
                    "complement)");
  if (!(p.no_overflow && p.other_undefined_arithmetic))
    a.push_back("division by zero and shifts by out-of-range amounts are not part of the question: reaching one "
                "makes the answer don't know");
  return a;
}

bool has_loops(const ir::Program& program) {
  return std::any_of(program.locs.begin(), program.locs.end(), [](const ir::Location& l) { return l.loop_head; });
}

/// The program with calls kept as procedures, when inlining hit a bound (recursion or
/// size) and the modular program has none: Horn clauses with procedure summaries can
/// then prove what no unrolling can. Nullopt otherwise.
std::optional<ir::Program> modular_program(const std::string& file, const ir::Program& inlined, const Options& o) {
  if (!driver::has_bound(inlined)) return std::nullopt;
  frontend::c::CFrontendOptions fo = frontend_options(o);
  fo.modular = true;
  ir::Program modular = frontend::c::translate_file(file, fo);
  if (driver::has_bound(modular)) return std::nullopt;
  transform::mark_signed_temporaries(modular);
  transform::select_properties(modular, o.properties);
  return modular;
}

/// BMC is complete on a program without cycles, so the proof engines would only compete
/// for the two cores there. A modular program gets the CHC engine (the only one that
/// reasons with procedure summaries) in place of the inlined program's proof engines.
std::vector<driver::EngineTask> make_engines(const ir::Program& program, const ir::Program* modular) {
  std::vector<driver::EngineTask> tasks;
  tasks.push_back({std::make_unique<engines::bmc::BmcEngine>(), &program, ""});
  if (modular) {
    tasks.push_back({std::make_unique<engines::chc::ChcEngine>(), modular, "chc-summaries"});
    return tasks;
  }
  if (!has_loops(program)) return tasks;
  tasks.push_back({std::make_unique<engines::kinduction::KInductionEngine>(), &program, ""});
  tasks.push_back({std::make_unique<engines::chc::ChcEngine>(), &program, ""});
  return tasks;
}

void fill_from_outcome(Answer& a, const Options& options, const std::string& file,
                       driver::PortfolioOutcome& outcome) {
  using Status = engines::EngineResult::Status;
  engines::EngineResult& r = outcome.result;
  a.evidence.properties = r.properties;
  a.evidence.notes = r.notes;
  a.tried = outcome.tried;
  switch (r.status) {
    case Status::Violation:
      driver::accept_counterexample(a, *outcome.program, options, r, outcome.engine);
      break;
    case Status::Safe:
      a.verdict = Verdict::Yes;
      a.engine = outcome.engine;
      a.evidence.proof = r.proof;
      break;
    case Status::Unknown:
      a.verdict = Verdict::DontKnow;
      a.reason = r.reason.empty() ? "no engine found an answer" : r.reason;
      break;
  }
}

}  // namespace

Answer check(const std::string& file, const Options& options) {
  Answer a;
  a.question = question_name(options.properties);
  a.file = file;
  a.entry = options.entry;
  a.assumptions = base_assumptions(options);
  driver::answer_question(a, [&] {
    const bool python = driver::source_language(file) == driver::SourceLanguage::Python;
    ir::Program program = python ? driver::python_program(file, options)
                                 : frontend::c::translate_file(file, frontend_options(options));
    if (python) a.assumptions.clear();  // the C assumptions do not apply; the frontend states its own
    else transform::mark_signed_temporaries(program);
    a.assumptions.insert(a.assumptions.end(), program.assumptions.begin(), program.assumptions.end());
    transform::select_properties(program, options.properties);
    const std::optional<ir::Program> modular = python ? std::nullopt : modular_program(file, program, options);
    engines::EngineContext context{options, support::Deadline(driver::engine_budget_s(options.timeout_s)),
                                   driver::candidate_checker()};
    const support::Deadline deadline = context.deadline;
    driver::PortfolioOutcome outcome = driver::run_portfolio(
        make_engines(program, modular ? &*modular : nullptr), context,
        [&](engines::EngineResult& r, const std::string& engine, const ir::Program& analysed) {
          driver::vet_result(r, engine, analysed, deadline);
        });
    fill_from_outcome(a, options, file, outcome);
  });
  return a;
}

std::string program_text(const std::string& file, const Options& options) {
  if (driver::source_language(file) == driver::SourceLanguage::Python)
    return ir::print_program(driver::python_program(file, options));
  ir::Program program = frontend::c::translate_file(file, frontend_options(options));
  return ir::print_program(program);
}

std::string llvm_ir_text(const std::string& file, const Options& options) {
  driver::require_c_file(file);
  return frontend::c::llvm_ir_text(file, frontend_options(options));
}

}  // namespace verdict
