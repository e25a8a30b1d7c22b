// Interrupts a Z3 context from a helper thread when a deadline passes, the run is
// cancelled, or an optional time budget for one check is used up. For src/smt/ only
// (it exposes Z3 types). Not responsible for choosing deadlines.
#pragma once

#include <z3++.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "support/deadline.h"

namespace verdict::smt {

class CancelWatcher {
 public:
  /// Watches while the object lives; budget_s <= 0 means no budget beyond the deadline.
  CancelWatcher(z3::context& ctx, const support::Deadline& deadline, double budget_s = 0);
  ~CancelWatcher();
  CancelWatcher(const CancelWatcher&) = delete;
  CancelWatcher& operator=(const CancelWatcher&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace verdict::smt
