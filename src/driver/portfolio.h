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

struct PortfolioOutcome {
  engines::EngineResult result;  ///< the winner's, or a merged Unknown
  std::string engine;            ///< the winner's name; empty when nobody decided
  std::vector<std::string> tried;  ///< per engine: what it tried and how it ended
};

/// Checks a decisive result's evidence in the engine's thread, before it may stop the
/// others; it downgrades a result whose evidence does not hold to Unknown (with reason).
using Vetting = std::function<void(engines::EngineResult& result, const std::string& engine)>;

/// Runs every engine until one decides (with vetted evidence) or all give up or the
/// deadline passes. With a single engine it runs in the calling thread.
PortfolioOutcome run_portfolio(const std::vector<std::unique_ptr<engines::Engine>>& engines,
                               const ir::Program& program, const engines::EngineContext& context,
                               const Vetting& vet);

}  // namespace verdict::driver
