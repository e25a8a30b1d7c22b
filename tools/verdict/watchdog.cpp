#include "watchdog.h"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

namespace verdict::cli {

struct Watchdog::State {
  std::mutex mutex;
  std::condition_variable cv;
  bool done = false;
  std::thread thread;
};

Watchdog::Watchdog(double seconds, std::function<bool()> print_timeout, double grace_s) : state_(new State) {
  if (seconds <= 0) return;
  const auto limit = std::chrono::milliseconds(static_cast<long long>((seconds + grace_s) * 1000));
  state_->thread = std::thread([st = state_, limit, print = std::move(print_timeout)] {
    std::unique_lock<std::mutex> lock(st->mutex);
    if (st->cv.wait_for(lock, limit, [st] { return st->done; })) return;
    if (!print()) return;
    std::fflush(stdout);
    std::fflush(stderr);
    _exit(20);
  });
}

Watchdog::~Watchdog() {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->done = true;
  }
  state_->cv.notify_all();
  if (state_->thread.joinable()) state_->thread.join();
  delete state_;
}

}  // namespace verdict::cli
