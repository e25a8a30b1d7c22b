// The evidence files a question subcommand writes besides its printed answer:
// `--witness OUT.yml` (SV-COMP witness 2.0) and `--sarif OUT.sarif` (SARIF 2.1.0).
// Not responsible for the formats themselves (witness.h, sarif.h).
#pragma once

#include <string>

#include "verdict/answer.h"
#include "witness.h"

namespace verdict::cli {

struct OutputFiles {
  std::string witness;  ///< path, or empty for none
  std::string sarif;    ///< path, or empty for none
  WitnessTask task;     ///< what the witness says about its task
};

/// Throws InputError when a requested file cannot be created (checked before the
/// analysis runs, so that a bad path costs no time).
void check_writable(const OutputFiles& files);

/// Writes the requested files for `answer`; a witness that cannot be given (don't know,
/// termination) is not written, and stderr says why.
void write_output_files(const Answer& answer, const OutputFiles& files);

}  // namespace verdict::cli
