// What every program question of the driver (check, terminates) does the same way: the
// input file check, the engines' share of the time limit, and turning unsupported input
// and exhausted memory into a don't-know answer with the time taken. Not responsible for
// any question's own steps.
#pragma once

#include <functional>
#include <string>

#include "ir/program.h"
#include "verdict/answer.h"

namespace verdict::driver {

/// Throws InputError unless `file` is a C file (Unsupported for Python files).
void require_c_file(const std::string& file);

/// Whether inlining stopped at a bound (recursion or size) somewhere in `program`.
bool has_bound(const ir::Program& program);

/// The engines' share of the time limit: the rest is for tearing down large solver
/// contexts (seconds after big searches), vetting evidence and printing. 0: no limit.
double engine_budget_s(double timeout_s);

/// Runs `body`, which fills `answer`; an Unsupported exception or exhausted memory becomes
/// a don't-know answer with the reason. Sets answer.time_ms. InputError propagates.
void answer_question(Answer& answer, const std::function<void()>& body);

}  // namespace verdict::driver
