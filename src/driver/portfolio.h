// Runs several engines on one program in parallel threads under one deadline; the first
// engine with a decisive result (Violation or Safe) wins and the others are cancelled.
// Not responsible for checking evidence or building the user's answer (see check.cpp).
#pragma once

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

/// Runs every engine until one decides or all give up or the deadline passes.
/// With a single engine it runs in the calling thread.
PortfolioOutcome run_portfolio(const std::vector<std::unique_ptr<engines::Engine>>& engines,
                               const ir::Program& program, const engines::EngineContext& context);

}  // namespace verdict::driver
