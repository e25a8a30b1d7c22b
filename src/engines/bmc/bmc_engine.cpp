#include "engines/bmc/bmc_engine.h"

#include "engines/bmc/bmc_run.h"

namespace verdict::engines::bmc {

EngineResult BmcEngine::run(const ir::Program& program, const EngineContext& context) {
  return BmcRun(program, context, options_).run();
}

}  // namespace verdict::engines::bmc
