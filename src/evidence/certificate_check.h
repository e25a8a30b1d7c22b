// Independent re-checking of a Safe result's certificate: derives the proof obligations
// (initiation, consecution, safety of every Check, k-inductive base and step cases) from
// the program itself via its cut-point summaries and discharges each with cvc5, never Z3.
// Not responsible for finding invariants or deciding the final answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evidence/block_obligations.h"
#include "ir/evidence.h"
#include "ir/program.h"
#include "support/deadline.h"

namespace verdict::evidence {

struct CertificateCheck {
  bool valid = false;
  std::string message;                          ///< why not valid; a summary when valid
  /// Not valid only because cvc5 left an obligation undecided (time-out, unknown, a term
  /// it cannot express); otherwise an invalid certificate is wrong or malformed.
  bool undecided = false;
  std::vector<std::string> obligations_checked; ///< each obligation cvc5 proved
  /// The obligation that was not proved, as data (set by the block derivation, for
  /// reports that name the failing invariant or check).
  std::optional<Obligation> failed;
};

/// Checks that `certificate` proves that no Check statement of `program` (the selected
/// properties and the incomplete ones) can fail. Any obligation that cvc5 does not prove
/// (sat, unknown, timeout, a term it cannot express) makes the certificate invalid.
struct CertificateCheckOptions {
  /// The cut points the invariants may stand at: also every location on a cycle (see
  /// transform::CutPointChoice::EveryLoopLocation), not only the loop heads.
  bool every_loop_location = false;
  /// Whether the invariants must also exclude every Check's violation (else: inductive
  /// only, for invariants that support another argument such as a ranking function).
  bool safety = true;
};

CertificateCheck check_certificate(const ir::Program& program, const ir::Certificate& certificate,
                                   const support::Deadline& deadline, const CertificateCheckOptions& options = {});

}  // namespace verdict::evidence
