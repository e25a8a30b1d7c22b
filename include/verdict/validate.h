// Witness validation as a library call: does a witness (invariants for a correctness
// witness, waypoints for a violation witness) hold for a C program? The caller maps the
// witness onto the program's text (the CLI reads SV-COMP witnesses 2.0 and inserts one call
// `__VERDICT_witness_claim(N, condition)` per claim where the witness makes it); this call
// compiles that text with the C frontend and checks the claims: invariants with the
// independent cvc5 checker, waypoints by a bounded search restricted to them and a
// concrete replay. Not responsible for reading witness files or for placing claims.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "verdict/answer.h"
#include "verdict/options.h"

namespace verdict {

/// One claim of a witness, placed in the instrumented source.
struct WitnessClaim {
  enum class Kind {
    LoopInvariant,      ///< holds each time the loop's condition is about to be evaluated
    LocationInvariant,  ///< holds each time execution reaches its statement
    Assumption,         ///< waypoint: holds when the execution passes its statement
    Branching,          ///< waypoint: the branch goes the stated way when passed
    FunctionEnter,      ///< waypoint: the call is made
    FunctionReturn,     ///< waypoint: the call's result satisfies the constraint
  };
  Kind kind = Kind::LoopInvariant;
  /// The number N of its `__VERDICT_witness_claim(N, ...)` calls; for a violation witness
  /// the waypoints' order (1 is followed first). Claims of one loop share one number.
  unsigned number = 0;
  std::string text;        ///< the claim as the witness writes it ("x <= n", "\result == 3")
  SourceLocation where;    ///< where the witness places it in the program
  SourceLocation origin;   ///< where the witness file states it (for reports)
};

/// A program whose text states a witness's claims.
struct ClaimedProgram {
  std::string file;         ///< the task, as named in reports
  std::string source_text;  ///< its text with the claim calls (same lines as the file)
  std::vector<WitnessClaim> claims;
};

/// The statement a violation witness's target points at: the violation must happen there.
struct WitnessTarget {
  SourceLocation where;     ///< its first token
  unsigned last_line = 0;   ///< the line of its last token
  SourceLocation origin;    ///< where the witness file states it
};

enum class WitnessStatus { Confirmed, Rejected, Unknown };

/// "confirmed", "rejected" or "unknown" (the JSON spelling).
const char* to_string(WitnessStatus s);

/// The outcome of a validation.
struct WitnessValidation {
  WitnessStatus status = WitnessStatus::Unknown;
  std::string reason;                   ///< why rejected or unknown; a summary when confirmed
  std::optional<WitnessClaim> failed;   ///< the claim that failed or could not be followed
  std::vector<std::string> checked;     ///< what was checked, and how
  std::optional<Counterexample> counterexample;  ///< confirmed violation: the replayed execution
  std::vector<std::string> assumptions; ///< semantic assumptions (the frontend's)
  double time_ms = 0;
};

/// Checks a correctness witness: the claims (loop and location invariants) hold initially,
/// the loop invariants are inductive, and together they imply that no property in
/// `options.properties` fails (cvc5, on obligations derived from the program). Throws
/// InputError when the text does not compile (a claim that does not parse).
WitnessValidation validate_correctness_witness(const ClaimedProgram& program, const Options& options);

/// Checks a violation witness: some execution passes the waypoints in order (each one the
/// next time execution reaches its place after the previous one) and then violates a
/// property of `options.properties` in the target's statement. Found by bounded model
/// checking restricted to the waypoints, confirmed by the IR interpreter. Rejected when the
/// search proves that no such execution exists, naming the first waypoint that cannot be
/// followed. Throws InputError when the text does not compile.
WitnessValidation validate_violation_witness(const ClaimedProgram& program, const WitnessTarget& target,
                                             const Options& options);

}  // namespace verdict
