// SV-COMP verification witnesses, format 2.0 (YAML), for an answer about a C file: a
// violation witness (one `violation_sequence`: the counterexample's inputs as waypoints
// and a `target` at the failing check) for no, a correctness witness (one
// `invariant_set` of `loop_invariant`s at the loops' keywords) for yes. Locations point at
// tokens of the file (c_source.h). Not responsible for finding or checking evidence: it
// writes what the answer holds, and leaves out what it cannot place exactly (a witness
// with fewer waypoints or invariants is weaker, never wrong).
#pragma once

#include <string>

#include "verdict/answer.h"
#include "verdict/options.h"

namespace verdict::cli {

/// What a witness says about its task besides the program.
struct WitnessTask {
  std::string specification;  ///< SV-COMP property text: CHECK( init(main()), LTL(G ! call(reach_error())) )
  DataModel data_model = DataModel::LP64;
};

/// A witness, or why there is none.
struct Witness {
  std::string yaml;    ///< empty when there is none
  std::string reason;  ///< why there is none (don't know, termination, a location not found)
};

/// The witness for `answer`, whose file `answer.file` has the text `source`.
Witness make_witness(const Answer& answer, const std::string& source, const WitnessTask& task);

/// SV-COMP's property text for a verdict property class ("unreach-call", "no-overflow")
/// checked from `entry`.
std::string svcomp_specification(const std::string& entry, const std::string& property_class);

}  // namespace verdict::cli
