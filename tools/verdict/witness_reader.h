// Reading SV-COMP witnesses 2.0 (YAML): an `invariant_set` entry (loop_invariant and
// location_invariant with C expressions) or a `violation_sequence` entry (segments of
// waypoints: assumption, branching, function_enter, function_return, target), with the
// metadata a validator needs (file hashes, specification, data model). Written to the
// format, not to verdict's own output: keys other tools add are ignored, `format` may be
// missing where the format has a default. Malformed input is an InputError naming the
// witness file's line and column. Not responsible for placing or checking the claims.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "verdict/source_location.h"

namespace verdict::cli {

/// A location in the task as the witness gives it (line and column from 1).
struct WitnessPlace {
  std::string file_name;
  unsigned line = 0;
  unsigned column = 0;
  std::string function;  ///< may be empty
};

/// One invariant of an invariant_set.
struct WitnessInvariant {
  std::string type;   ///< loop_invariant or location_invariant
  WitnessPlace place;
  std::string value;  ///< the C expression
  SourceLocation origin;  ///< in the witness file
};

/// One waypoint of a violation_sequence.
struct WitnessWaypoint {
  std::string type;        ///< assumption, branching, function_enter, function_return, target
  std::string action;      ///< follow or avoid
  std::string constraint;  ///< its value (empty when none)
  std::string format;      ///< c_expression or acsl_expression
  WitnessPlace place;
  SourceLocation origin;
};

struct WitnessDocument {
  enum class Kind { Correctness, Violation } kind = Kind::Correctness;
  std::string format_version;
  std::string producer;
  std::string specification;
  std::string data_model;  ///< as written (ILP32, LP64, 32bit, 64bit), empty when absent
  std::map<std::string, std::string> input_file_hashes;
  std::vector<WitnessInvariant> invariants;  ///< Correctness
  std::vector<WitnessWaypoint> waypoints;    ///< Violation, in sequence order (avoid waypoints included)
};

/// Reads the witness file `path`. Throws InputError (file:line:col of the witness) when it
/// is not YAML, has no entry of a supported type, or an entry lacks a required field.
WitnessDocument read_witness(const std::string& path);

}  // namespace verdict::cli
