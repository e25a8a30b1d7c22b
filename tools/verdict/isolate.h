// Crash isolation for one analysis: runs it in a forked child process, so that a fault in
// a third-party solver (Z3's Spacer has crashed on some Horn clauses) ends in a don't-know
// answer instead of a crash of verdict. Call it before any thread is started.
// Not responsible for time limits (watchdog.h) or for what the analysis prints.
#pragma once

#include <functional>

namespace verdict::cli {

/// Runs `body` in a child process and returns its exit code; if the child is killed by a
/// signal, returns `on_crash(signal)` (run in this process). Without fork, runs `body` here.
/// An exception thrown by `body` propagates in the child, which then ends as the
/// caller's handling of it decides; the parent returns the child's exit code.
int run_isolated(const std::function<int()>& body, const std::function<int(int signal)>& on_crash);

}  // namespace verdict::cli
