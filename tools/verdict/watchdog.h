// A last-resort guard for --timeout: if the run has not finished shortly after its
// deadline (a solver ignoring its limit, say), print a don't-know answer and end the
// process with exit code 20, so no caller ever waits past the limit.
// Not responsible for the normal, cooperative deadline (support/deadline.h).
#pragma once

#include <functional>
#include <string>

namespace verdict::cli {

class Watchdog {
 public:
  /// Arms the watchdog for `seconds` plus `grace_s`; 0 seconds disarms it.
  /// `print_timeout` prints the don't-know answer (it runs on the watchdog thread while
  /// the main thread is stuck) and returns false if it chose not to print (the main
  /// thread was printing already); the process then continues normally.
  Watchdog(double seconds, std::function<bool()> print_timeout, double grace_s = 1.5);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  struct State;
  State* state_;
};

}  // namespace verdict::cli
