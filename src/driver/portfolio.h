// Runs several engines on one program in parallel threads under one deadline; the first
// engine with a decisive result (Violation or Safe) wins and the others are cancelled.
// Not responsible for checking evidence or building the user's answer (see check.cpp).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engines/engine.h"

namespace verdict::driver {

/// One engine of a portfolio and the program it analyses: every task's program stands
/// for the same source program (e.g. inlined, or modular with procedures).
struct EngineTask {
  std::unique_ptr<engines::Engine> engine;
  const ir::Program* program = nullptr;
  std::string label;  ///< the name reported; the engine's own name when empty
};

struct PortfolioOutcome {
  engines::EngineResult result;  ///< the winner's, or a merged Unknown
  std::string engine;            ///< the winner's label; empty when nobody decided
  const ir::Program* program = nullptr;  ///< the program the winner's evidence is about
  std::vector<std::string> tried;  ///< per engine: what it tried and how it ended
};

/// Checks a decisive result's evidence in the engine's thread, before it may stop the
/// others; it downgrades a result whose evidence does not hold to Unknown (with reason).
using Vetting =
    std::function<void(engines::EngineResult& result, const std::string& engine, const ir::Program& program)>;

/// Runs every engine until one decides (with vetted evidence) or all give up or the
/// deadline passes. With a single engine it runs in the calling thread.
PortfolioOutcome run_portfolio(const std::vector<EngineTask>& tasks, const engines::EngineContext& context,
                               const Vetting& vet);

}  // namespace verdict::driver
