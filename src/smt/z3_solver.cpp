#include <chrono>
#include <climits>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "smt/cancel_watcher.h"
#include "smt/encoder.h"
#include "smt/solver.h"

namespace verdict::smt {

const char* to_string(SatResult r) {
  switch (r) {
    case SatResult::Sat: return "sat";
    case SatResult::Unsat: return "unsat";
    case SatResult::Unknown: return "unknown";
  }
  return "?";
}

namespace {

class Z3Solver final : public Solver {
 public:
  explicit Z3Solver(const SolverOptions& options)
      : solver_(options.logic.empty() ? z3::solver(ctx_) : z3::solver(ctx_, options.logic.c_str())),
        encoder_(ctx_, options.symbol_prefix) {
    z3::params p(ctx_);
    p.set("random_seed", options.seed);
    solver_.set(p);
  }

  void add(const ir::Term& formula) override {
    if (formula.is_true()) return;
    solver_.add(encoder_.encode(formula));
  }
  void push() override { solver_.push(); }
  void pop() override { solver_.pop(); }

  SatResult check(const std::vector<ir::Term>& assumptions, const support::Deadline& deadline) override {
    ++checks_;
    has_model_ = false;
    const unsigned ms = deadline.remaining_ms();
    if (ms == 0 || deadline.expired()) {
      reason_ = deadline.cancelled() ? "canceled" : "timeout";
      return SatResult::Unknown;
    }
    try {
      // No Z3 "timeout" parameter: its timer (scoped_timer in Z3 4.8) makes the solving
      // thread spin on sched_yield until a shared timer thread acknowledges, which on a
      // loaded machine took until the deadline (a 0.5 s proof ended in don't know after
      // 58 s). The watcher's interrupt at the deadline stops the check the same way.
      z3::expr_vector lits(ctx_);
      for (const ir::Term& a : assumptions) lits.push_back(literal(a));
      z3::check_result r;
      {
        CancelWatcher watcher(ctx_, deadline);
        r = lits.empty() ? solver_.check() : solver_.check(lits);
      }
      if (r == z3::sat) {
        model_ = solver_.get_model();
        has_model_ = true;
        return SatResult::Sat;
      }
      if (r == z3::unsat) return SatResult::Unsat;
      reason_ = solver_.reason_unknown();
    } catch (const z3::exception& e) {
      reason_ = e.msg();
    }
    return SatResult::Unknown;
  }

  std::optional<ir::Value> model_value(const ir::Term& term) override {
    if (!has_model_) return std::nullopt;
    try {
      return to_value(model_->eval(encoder_.encode(term), true), term.sort(), *model_);
    } catch (const z3::exception&) {
      return std::nullopt;
    }
  }

  [[nodiscard]] std::string reason_unknown() const override { return reason_; }
  [[nodiscard]] std::string to_smt2() const override {
    return const_cast<z3::solver&>(solver_).to_smt2();
  }
  [[nodiscard]] unsigned checks() const override { return checks_; }

 private:
  /// Z3 wants assumption literals: non-literal assumptions get a defined proxy constant.
  z3::expr literal(const ir::Term& a) {
    z3::expr e = encoder_.encode(a);
    const bool atom = e.is_const() || (e.is_not() && e.arg(0).is_const());
    if (atom) return e;
    z3::expr proxy = ctx_.bool_const(("assume!" + std::to_string(proxies_++)).c_str());
    solver_.add(proxy == e);
    return proxy;
  }

  z3::context ctx_;
  z3::solver solver_;
  Encoder encoder_;
  std::optional<z3::model> model_;
  bool has_model_ = false;
  std::string reason_;
  unsigned checks_ = 0;
  unsigned proxies_ = 0;
};

class LoggingSolver final : public Solver {
 public:
  LoggingSolver(std::unique_ptr<Solver> inner, std::string prefix)
      : inner_(std::move(inner)), prefix_(std::move(prefix)) {}

  void add(const ir::Term& formula) override { inner_->add(formula); }
  void push() override { inner_->push(); }
  void pop() override { inner_->pop(); }
  SatResult check(const std::vector<ir::Term>& assumptions, const support::Deadline& deadline) override {
    std::ofstream out(prefix_ + std::to_string(inner_->checks()) + ".smt2");
    out << inner_->to_smt2();
    SatResult r = inner_->check(assumptions, deadline);
    out << "; assumptions: " << assumptions.size() << ", result: " << smt::to_string(r) << "\n";
    return r;
  }
  std::optional<ir::Value> model_value(const ir::Term& term) override { return inner_->model_value(term); }
  [[nodiscard]] std::string reason_unknown() const override { return inner_->reason_unknown(); }
  [[nodiscard]] std::string to_smt2() const override { return inner_->to_smt2(); }
  [[nodiscard]] unsigned checks() const override { return inner_->checks(); }

 private:
  std::unique_ptr<Solver> inner_;
  std::string prefix_;
};

}  // namespace

std::unique_ptr<Solver> make_z3_solver(const SolverOptions& options) {
  return std::make_unique<Z3Solver>(options);
}

std::unique_ptr<Solver> make_logging_solver(std::unique_ptr<Solver> inner, std::string path_prefix) {
  return std::make_unique<LoggingSolver>(std::move(inner), std::move(path_prefix));
}

}  // namespace verdict::smt
