// Independent re-checking of a Safe result's certificate: derives the proof obligations
// (initiation, consecution, safety of every Check, k-inductive base and step cases) from
// the program itself via its cut-point summaries and discharges each with cvc5, never Z3.
// Not responsible for finding invariants or deciding the final answer.
#pragma once

#include <string>
#include <vector>

#include "ir/evidence.h"
#include "ir/program.h"
#include "support/deadline.h"
#include "transform/cutpoints.h"

namespace verdict::evidence {

struct CertificateCheck {
  bool valid = false;
  std::string message;                          ///< why not valid; a summary when valid
  std::vector<std::string> obligations_checked; ///< each obligation cvc5 proved
};

/// Checks that `certificate` proves that no Check statement of `program` (the selected
/// properties and the incomplete ones) can fail. Any obligation that cvc5 does not prove
/// (sat, unknown, timeout, a term it cannot express) makes the certificate invalid.
struct CertificateCheckOptions {
  /// Which locations are the cut points the invariants may stand at.
  transform::CutPointChoice cut_points = transform::CutPointChoice::LoopHeads;
  /// Whether the invariants must also exclude every Check's violation (else: inductive
  /// only, for invariants that support another argument such as a ranking function).
  bool safety = true;
};

CertificateCheck check_certificate(const ir::Program& program, const ir::Certificate& certificate,
                                   const support::Deadline& deadline, const CertificateCheckOptions& options = {});

}  // namespace verdict::evidence
