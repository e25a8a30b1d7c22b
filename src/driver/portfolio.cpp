#include "driver/portfolio.h"

#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

#include "verdict/errors.h"

namespace verdict::driver {

namespace {

using Status = engines::EngineResult::Status;

engines::EngineResult run_guarded(engines::Engine& engine, const ir::Program& program,
                                  const engines::EngineContext& context) {
  try {
    return engine.run(program, context);
  } catch (const Unsupported& e) {
    engines::EngineResult r;
    r.reason = std::string("unsupported: ") + e.what();
    return r;
  } catch (const std::bad_alloc&) {
    engines::EngineResult r;
    r.reason = "out of memory";
    return r;
  } catch (const std::exception& e) {  // a bug, or a solver's: never an answer
    engines::EngineResult r;
    r.reason = "internal error in engine " + engine.name() + ": " + e.what();
    std::fprintf(stderr, "verdict: %s\n", r.reason.c_str());
    return r;
  } catch (...) {
    engines::EngineResult r;
    r.reason = "internal error in engine " + engine.name() + ": unknown exception";
    std::fprintf(stderr, "verdict: %s\n", r.reason.c_str());
    return r;
  }
}

std::string describe(const std::string& name, const engines::EngineResult& r) {
  switch (r.status) {
    case Status::Violation: return name + ": found a violation";
    case Status::Safe: return name + ": proved the properties";
    case Status::Unknown: break;
  }
  std::string s = name + ": no answer";
  if (!r.reason.empty()) s += " (" + r.reason + ")";
  return s;
}

}  // namespace

PortfolioOutcome run_portfolio(const std::vector<EngineTask>& tasks, const engines::EngineContext& context,
                               const Vetting& vet) {
  const std::size_t n = tasks.size();
  std::vector<std::string> names;
  for (const EngineTask& t : tasks) names.push_back(t.label.empty() ? t.engine->name() : t.label);
  std::vector<engines::EngineResult> results(n);
  auto run_one = [&](std::size_t i) {
    results[i] = run_guarded(*tasks[i].engine, *tasks[i].program, context);
    if (results[i].status != Status::Unknown && vet) vet(results[i], names[i], *tasks[i].program);
  };
  if (n == 1) {
    run_one(0);
  } else {
    std::vector<std::thread> threads;
    std::vector<std::exception_ptr> errors(n);
    for (std::size_t i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        try {
          run_one(i);
          if (results[i].status != Status::Unknown) context.deadline.cancel();
        } catch (...) {
          errors[i] = std::current_exception();
        }
      });
    }
    for (std::thread& t : threads) t.join();
    for (auto& e : errors)
      if (e) std::rethrow_exception(e);
  }
  PortfolioOutcome out;
  for (std::size_t i = 0; i < n; ++i) {
    out.tried.push_back(describe(names[i], results[i]));
    for (const std::string& t : results[i].tried) out.tried.push_back(names[i] + ": " + t);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (results[i].status == Status::Unknown) continue;
    if (out.engine.empty()) {
      out.result = results[i];
      out.engine = names[i];
      out.program = tasks[i].program;
    } else if (out.result.status != results[i].status) {
      // Two engines disagree: one of them has a bug. Never pick a side.
      out.result = engines::EngineResult{};
      out.result.reason = "internal error: engines " + out.engine + " and " + names[i] +
                          " disagree; no answer is given";
      out.engine.clear();
      out.program = nullptr;
      return out;
    }
  }
  if (out.engine.empty()) {
    for (const auto& r : results) {
      if (!r.reason.empty()) {
        out.result.reason += (out.result.reason.empty() ? "" : "; ") + r.reason;
      }
    }
  }
  return out;
}

}  // namespace verdict::driver
