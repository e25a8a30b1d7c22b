// A wall-clock deadline plus a cancellation flag, shared by every engine of one run.
// Not responsible for enforcing the deadline on a solver (each adapter does that).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>

namespace verdict::support {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  /// No time limit.
  Deadline() : cancelled_(std::make_shared<std::atomic<bool>>(false)) {}
  /// A limit of `seconds` from now; seconds <= 0 means none.
  explicit Deadline(double seconds) : Deadline() {
    if (seconds > 0) {
      limited_ = true;
      end_ = Clock::now() + std::chrono::microseconds(static_cast<long long>(seconds * 1e6));
    }
  }

  [[nodiscard]] bool expired() const {
    return cancelled_->load() || (limited_ && Clock::now() >= end_);
  }
  /// Milliseconds left (a large number when unlimited; 0 when expired).
  [[nodiscard]] unsigned remaining_ms() const {
    if (cancelled_->load()) return 0;
    if (!limited_) return 1u << 30;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end_ - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<unsigned>(left);
  }
  /// A deadline at most `seconds` from now (and no later than this one) that shares this
  /// one's cancellation: cancelling either stops both.
  [[nodiscard]] Deadline child(double seconds) const {
    Deadline d = *this;
    const auto end = Clock::now() + std::chrono::microseconds(static_cast<long long>(seconds * 1e6));
    if (!limited_ || end < end_) d.end_ = end;
    d.limited_ = true;
    return d;
  }
  /// Stops every engine sharing this deadline (copies share the flag).
  void cancel() const { cancelled_->store(true); }
  [[nodiscard]] bool cancelled() const { return cancelled_->load(); }

 private:
  bool limited_ = false;
  Clock::time_point end_{};
  std::shared_ptr<std::atomic<bool>> cancelled_;
};

}  // namespace verdict::support
