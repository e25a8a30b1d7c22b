// The one interface every engine implements (BMC, k-induction, CHC; termination later).
// Engines find answers with raw evidence (ir/evidence.h); they do not decide the final
// answer, check their own evidence, build the user's proof or render anything — the
// driver does that.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ir/evidence.h"
#include "ir/program.h"
#include "support/deadline.h"
#include "verdict/answer.h"
#include "verdict/options.h"

namespace verdict::engines {

using RawCounterexample = ir::RawCounterexample;  ///< see ir/evidence.h
using Certificate = ir::Certificate;              ///< see ir/evidence.h

/// The driver's independent check of a candidate certificate, offered to an engine that
/// has to choose between candidates (CHC translates integer invariants back to
/// bit-vectors, where they may not hold). The engine only learns whether it holds; the
/// driver still vets the final result.
struct CandidateCheck {
  bool valid = false;
  std::string message;  ///< why not valid
};
using CandidateChecker =
    std::function<CandidateCheck(const ir::Program&, const Certificate&, const support::Deadline&)>;

struct EngineResult {
  enum class Status {
    Violation,  ///< a property can fail: `counterexample` is set
    Safe,       ///< no selected property can fail: `proof` is set
    Unknown,    ///< neither: `reason` and `tried` say why
  };
  Status status = Status::Unknown;
  std::optional<RawCounterexample> counterexample;
  /// With Safe: how the proof was found (`method`); the driver adds the certificate's
  /// invariants as the proof's items once it has checked them.
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
  CandidateChecker check_candidate = {};  ///< empty: no check offered
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
