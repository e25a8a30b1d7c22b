// The readers of benchmark task files: SV-COMP property files (.prp) and the manifest CSV of
// `verdict bench`. Each takes the text (so fuzz targets and tests need no file) and the name
// used in messages. Not responsible for running tasks or reading the task YAML.
#pragma once

#include <string>
#include <vector>

namespace verdict::cli {

enum class SvcompProperty { UnreachCall, NoOverflow, Termination };

struct SvcompTask {
  SvcompProperty property;
  std::string entry;
  std::string specification;  ///< the CHECK( ... ) text, for witnesses
};

/// Parses an SV-COMP .prp text: `CHECK( init(main()), LTL(G ! call(reach_error())) )`.
/// Throws InputError (file:line:col) for anything else.
SvcompTask parse_property_file(const std::string& text, const std::string& name);

/// Reads and parses an SV-COMP .prp file. Throws InputError.
SvcompTask read_property_file(const std::string& path);

/// One row of a benchmark manifest.
struct BenchTask {
  std::string yml, input, property, expected, category, data_model;
};

/// Parses a manifest (a header line, then task_yml,input_file,property,expected_verdict,
/// category,data_model per line). Throws InputError (file:line) for a short row.
std::vector<BenchTask> parse_manifest(const std::string& text, const std::string& name);

/// Reads and parses a manifest file. Throws InputError.
std::vector<BenchTask> read_manifest(const std::string& path);

}  // namespace verdict::cli
