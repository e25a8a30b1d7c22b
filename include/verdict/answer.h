// The answer model shared by every question verdict answers: yes / no / don't know,
// with the evidence and the assumptions behind it. Not responsible for rendering
// (text, JSON) nor for deciding an answer; see driver/ and tools/verdict/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "verdict/source_location.h"

namespace verdict {

enum class Verdict { Yes, No, DontKnow };

/// "yes", "no" or "dont_know" (the JSON spelling).
const char* to_string(Verdict v);
/// Process exit code for a verdict: 0 yes, 10 no, 20 don't know.
int exit_code(Verdict v);

/// One named value, already formatted in the source language ("x = 4294967295").
struct NamedValue {
  std::string name;
  std::string value;
};

/// One concrete input of a counterexample: an entry parameter or a nondet call.
struct InputValue {
  std::string origin;  ///< "parameter x" or "__VERIFIER_nondet_int()"
  std::string name;    ///< variable or function name
  std::string value;   ///< in C syntax
  SourceLocation loc;
};

/// One step of a counterexample trace, at a source line.
struct TraceStep {
  SourceLocation loc;
  std::string action;              ///< what happened ("x = x + 1", "branch taken", "call f")
  std::vector<NamedValue> values;  ///< source variables assigned at this step
};

/// A concrete execution that violates the property, and how it was confirmed.
struct Counterexample {
  std::string property;            ///< "unreach-call", "no-overflow"
  std::string violation;           ///< human description ("signed overflow in x + 1")
  SourceLocation violation_loc;
  std::vector<InputValue> inputs;
  /// The entry called with the inputs, for a language where that is the whole input
  /// (Python: `g2(5, 0)`); empty otherwise.
  std::string call;
  std::vector<TraceStep> trace;
  std::vector<std::string> confirmations;  ///< e.g. "replayed by the IR interpreter"
  std::string replay_test;         ///< a runnable test (C source) showing the failure; may be empty
};

/// One item of a proof: an invariant at a location, a ranking function, etc.
struct ProofItem {
  std::string kind;  ///< "invariant", "ranking function", "bound", ...
  SourceLocation loc;
  std::string text;  ///< printed in the source language
};

/// An invariant that another tool can read (SV-COMP correctness witnesses): a C
/// expression over the variables of `function` that are in scope at `loc`, true every
/// time execution reaches the loop head at `loc` (before each evaluation of the loop's
/// condition), in every call of `function`.
struct LoopInvariant {
  SourceLocation loc;      ///< the loop head's position as the frontend reports it (may be unknown)
  std::string function;    ///< the source function that contains the loop
  std::string expression;  ///< empty: no invariant in that form for this loop head
};

/// Why the answer yes holds.
struct Proof {
  std::string method;                ///< "exhaustive symbolic execution", "k-induction", ...
  std::vector<ProofItem> items;
  std::vector<std::string> checked_by;  ///< independent checks that passed
  /// C only: every loop head with its invariant when that is an exact C expression in
  /// source scope (what a witness can carry), else with an empty expression. Defaulted, so
  /// that aggregate initialisations may leave it out.
  std::vector<LoopInvariant> loop_invariants = {};
};

/// What is known of one property instance.
enum class PropertyState { Violated, Safe, Unreachable, Unknown };

/// "violated", "safe", "unreachable" or "unknown" (the JSON and text spelling).
const char* to_string(PropertyState s);

/// The status of one checked property instance (one assertion, one arithmetic operation).
struct PropertyStatus {
  std::string property;  ///< "unreach-call" or "no-overflow"
  std::string description;
  SourceLocation loc;
  PropertyState status = PropertyState::Unknown;
};

struct Evidence {
  std::optional<Counterexample> counterexample;
  std::optional<Proof> proof;
  std::vector<PropertyStatus> properties;
  std::vector<std::string> notes;
};

/// The answer to one question about one program.
struct Answer {
  Verdict verdict = Verdict::DontKnow;
  std::string question;  ///< "unreach-call", "no-overflow", "all", "termination"
  std::string file;
  std::string entry;
  std::string engine;    ///< which engine decided; empty for don't know
  Evidence evidence;
  std::vector<std::string> assumptions;
  std::string reason;              ///< for don't know: why it stopped
  std::vector<std::string> tried;  ///< for don't know: what was tried
  double time_ms = 0;
};

}  // namespace verdict
