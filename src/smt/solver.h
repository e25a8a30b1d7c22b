// The solver interface every engine uses: assert IR formulas, check them under a
// deadline, read model values back as IR values. Free IR variables (Var terms) are the
// solver's constants, one per VarId; callers own the meaning of those ids. This header
// exposes no Z3 type (z3++.h stays inside src/smt/). Not responsible for building
// formulas from programs (engines do that).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ir/term.h"
#include "ir/value.h"
#include "support/deadline.h"

namespace verdict::smt {

enum class SatResult { Sat, Unsat, Unknown };

const char* to_string(SatResult r);

class Solver {
 public:
  virtual ~Solver() = default;
  /// Asserts a boolean formula (until the enclosing pop()).
  virtual void add(const ir::Term& formula) = 0;
  virtual void push() = 0;
  virtual void pop() = 0;
  /// Checks the assertions plus `assumptions` (boolean terms). Gives up with Unknown when
  /// `deadline` expires or is cancelled, also in the middle of the solver's search.
  virtual SatResult check(const std::vector<ir::Term>& assumptions, const support::Deadline& deadline) = 0;
  /// After Sat: the model's value of `term` (completed for unconstrained symbols).
  /// Empty when the value cannot be represented (e.g. an integer beyond int64).
  virtual std::optional<ir::Value> model_value(const ir::Term& term) = 0;
  /// After Unknown: the solver's explanation ("timeout", "canceled", ...).
  [[nodiscard]] virtual std::string reason_unknown() const = 0;
  /// The current assertions as an SMT-LIB 2 script (for logging and debugging).
  [[nodiscard]] virtual std::string to_smt2() const = 0;
  /// Number of check() calls so far.
  [[nodiscard]] virtual unsigned checks() const = 0;
};

struct SolverOptions {
  /// Constant names in SMT-LIB output are `<symbol_prefix><VarId>`.
  std::string symbol_prefix = "v";
  /// Random seed (Z3's random_seed), for reproducibility.
  unsigned seed = 0;
  /// An SMT-LIB logic ("QF_BV") selects Z3's solver for it (for QF_BV: incremental
  /// bit-blasting to SAT); empty: Z3's general solver. Formulas outside the logic then
  /// make check() answer Unknown, never a wrong result.
  std::string logic;
};

/// A Z3 solver with its own context (one per engine run; not thread-safe).
std::unique_ptr<Solver> make_z3_solver(const SolverOptions& options = {});

/// Decorator: before each check, writes the query to `<path_prefix><n>.smt2`.
std::unique_ptr<Solver> make_logging_solver(std::unique_ptr<Solver> inner, std::string path_prefix);

}  // namespace verdict::smt
