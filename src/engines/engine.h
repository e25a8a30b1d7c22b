// The one interface every engine implements (BMC now; k-induction, CHC, termination
// later). Engines find answers with raw evidence; they do not decide the final answer,
// check their own evidence or render anything — the driver does that.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ir/program.h"
#include "ir/value.h"
#include "support/deadline.h"
#include "verdict/answer.h"
#include "verdict/options.h"

namespace verdict::engines {

/// A path through the program that violates a property, as the engine found it:
/// the edges taken from `init` and the values of the Havoc statements met on the way,
/// in execution order. The driver replays it concretely before believing it.
struct RawCounterexample {
  std::vector<std::size_t> edges;
  std::vector<ir::Value> havoc_values;
  ir::PropId violated = 0;
};

/// What a Safe result can be re-checked with, independently of the engine and of Z3:
/// inductive invariants at cut points (locations that cut every cycle of the CFA, e.g. the
/// loop heads). Each invariant is a boolean IR term over the program's own variables.
/// An empty map is a valid certificate for a program without cycles (every invariant is
/// `true`); locations without an entry have the invariant `true`.
/// The checker (evidence/) derives the proof obligations (initiation, consecution,
/// safety of every Check) from the program itself and discharges them with cvc5.
struct Certificate {
  std::map<ir::LocId, ir::Term> invariants;
  /// For k-induction: the k used (obligations are then k-inductive, not 1-inductive).
  unsigned k = 1;
};

struct EngineResult {
  enum class Status {
    Violation,  ///< a property can fail: `counterexample` is set
    Safe,       ///< no selected property can fail: `proof` is set
    Unknown,    ///< neither: `reason` and `tried` say why
  };
  Status status = Status::Unknown;
  std::optional<RawCounterexample> counterexample;
  std::optional<Proof> proof;
  std::optional<Certificate> certificate;  ///< with Safe, when the engine has one
  std::vector<PropertyStatus> properties;  ///< per-check findings, if the engine has them
  std::string reason;
  std::vector<std::string> tried;
  std::vector<std::string> notes;
};

/// What every engine gets for one run.
struct EngineContext {
  const Options& options;
  support::Deadline deadline;
};

class Engine {
 public:
  virtual ~Engine() = default;
  /// Short name for reports ("bmc", "k-induction").
  [[nodiscard]] virtual std::string name() const = 0;
  /// Analyses `program` (whose Check statements are exactly the selected properties
  /// plus the Incomplete ones) until it has an answer or the deadline passes.
  virtual EngineResult run(const ir::Program& program, const EngineContext& context) = 0;
};

}  // namespace verdict::engines
