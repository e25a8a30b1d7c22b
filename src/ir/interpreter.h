// The concrete interpreter of the IR: evaluates terms on a state and runs a program on
// given input (havoc) values, recording every executed statement. It is what replays
// counterexamples. Not responsible for choosing inputs, for symbolic reasoning, or for
// C-level undefined behaviour (frontends turn that into explicit Check statements).
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ir/program.h"
#include "ir/value.h"

namespace verdict::ir {

/// A term cannot be evaluated concretely: integer overflow of the host's int64, integer
/// division by zero, a bit-vector wider than 64 bits, or an ill-formed state.
class EvalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Values of every program variable, indexed by VarId.
using State = std::vector<Value>;

/// The zero value of a sort (false, 0, an array of zeros).
Value zero_value(const Sort& sort);
/// The all-zero state of a program (its variables' initial values in a concrete run).
State zero_state(const Program& program);

/// Evaluates `term` on `state`. Throws EvalError when it cannot.
Value evaluate(const Term& term, const State& state);

struct RunLimits {
  std::size_t max_steps = 1000000;  ///< edges taken before giving up
  /// Edges to take, in order (indices into Program::edges); used while it lasts, then the
  /// interpreter chooses the single enabled edge. Empty: always choose.
  std::vector<std::size_t> forced_edges;
};

/// One executed statement.
struct ExecutedStmt {
  std::size_t edge = 0;
  std::size_t stmt = 0;              ///< index into the edge's body
  std::optional<Value> value;        ///< value assigned (Assign, Havoc) or condition (Assume, Check)
};

struct Execution {
  enum class Outcome {
    Violated,           ///< a Check failed: `prop`, `loc`
    Exited,             ///< reached a location without outgoing edges
    Blocked,            ///< an Assume failed, or no outgoing edge is enabled
    OutOfInputs,        ///< a Havoc found no input value left
    StepLimit,          ///< max_steps edges taken
    Nondeterministic,   ///< several edges enabled and none forced
    Error,              ///< evaluation failed (EvalError) or a forced edge does not fit
  };
  Outcome outcome = Outcome::Exited;
  PropId prop = 0;                   ///< for Violated
  SourceLocation loc;                ///< for Violated: the Check's location
  std::string message;               ///< for Error / Nondeterministic / Blocked
  std::vector<std::size_t> edges;    ///< edges taken (the last one possibly partly)
  std::vector<ExecutedStmt> steps;
  std::size_t inputs_used = 0;
  State final_state;
};

const char* to_string(Execution::Outcome outcome);

/// Runs `program` from `init` with every variable zero, consuming `havoc_values` in order.
Execution run(const Program& program, const std::vector<Value>& havoc_values,
              const RunLimits& limits = {});
/// Same, from a given initial state.
Execution run(const Program& program, State initial, const std::vector<Value>& havoc_values,
              const RunLimits& limits);

}  // namespace verdict::ir
