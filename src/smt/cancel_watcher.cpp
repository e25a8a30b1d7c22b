#include "smt/cancel_watcher.h"

#include <chrono>

namespace verdict::smt {

CancelWatcher::CancelWatcher(z3::context& ctx, const support::Deadline& deadline, double budget_s)
    : thread_([this, &ctx, deadline, budget_s] {
        const auto start = std::chrono::steady_clock::now();
        std::unique_lock lock(mutex_);
        while (!done_) {
          const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          if (deadline.expired() || (budget_s > 0 && used > budget_s)) {
            ctx.interrupt();
            return;
          }
          cv_.wait_for(lock, std::chrono::milliseconds(5));
        }
      }) {}

CancelWatcher::~CancelWatcher() {
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

}  // namespace verdict::smt
