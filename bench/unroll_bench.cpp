// Measures the IR's term layer on BMC's unrolling of a deep loop: translates a C file,
// unrolls it to a depth (building the symbolic states and asserting their definitions
// into Z3, without any satisfiability check) and prints the time and the number of
// nodes built. The solver is Z3's QF_BV solver, as BMC uses it. Used to compare term-layer changes; see bench/unroll_bench.sh.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "engines/bmc/unroller.h"
#include "frontend/c/c_frontend.h"
#include "ir/term.h"
#include "smt/solver.h"
#include "support/deadline.h"

int main(int argc, char** argv) {
  using namespace verdict;
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s FILE.c DEPTH\n", argv[0]);
    return 2;
  }
  try {
    const unsigned depth = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
    const auto t0 = std::chrono::steady_clock::now();
    ir::Program program = frontend::c::translate_file(argv[1], frontend::c::CFrontendOptions{});
    const auto t1 = std::chrono::steady_clock::now();
    smt::SolverOptions so;
    so.logic = "QF_BV";  // as BMC does for programs over bit-vectors
    auto solver = smt::make_z3_solver(so);
    engines::bmc::Unroller unroller(program, *solver);
    const support::Deadline forever;
    while (unroller.depth() < depth && !unroller.open().empty())
      if (!unroller.expand(forever)) break;
    const auto t2 = std::chrono::steady_clock::now();
    const auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    std::printf("translate %.1f ms, unroll to depth %u: %.1f ms, %zu nodes, %zu steps\n", ms(t0, t1),
                unroller.depth(), ms(t1, t2), unroller.nodes().size(), unroller.steps().size());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
  return 0;
}
