// What every program question of the driver (check, terminates) does the same way: the
// input file check, the engines' share of the time limit, and turning unsupported input
// and exhausted memory into a don't-know answer with the time taken. Not responsible for
// any question's own steps.
#pragma once

#include <functional>
#include <string>

#include "ir/program.h"
#include "verdict/answer.h"
#include "verdict/options.h"

namespace verdict::driver {

enum class SourceLanguage { C, Python };

/// The language of `file` by its extension (.c, .i, .h or .py); InputError for another.
SourceLanguage source_language(const std::string& file);

/// Throws InputError unless `file` is a C file.
void require_c_file(const std::string& file);

/// The Python frontend's program for `file` and `options.entry` (calls inlined up to the
/// recursion bound).
ir::Program python_program(const std::string& file, const Options& options);

/// Whether inlining stopped at a bound (recursion or size) somewhere in `program`.
bool has_bound(const ir::Program& program);

/// The engines' share of the time limit: the rest is for tearing down large solver
/// contexts (seconds after big searches), vetting evidence and printing. 0: no limit.
double engine_budget_s(double timeout_s);

/// Runs `body`, which fills `answer`; an Unsupported exception or exhausted memory becomes
/// a don't-know answer with the reason. Sets answer.time_ms. InputError propagates.
void answer_question(Answer& answer, const std::function<void()>& body);

}  // namespace verdict::driver
