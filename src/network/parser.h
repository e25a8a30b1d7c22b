// Reads a network snapshot (one JSON object of EC2 describe responses) into the typed model.
// Bad input (malformed JSON, a wrong type, an unknown id, a route to a missing gateway) is an
// InputError naming the JSON key path. Not responsible for what the snapshot means.
#pragma once

#include <string>

#include "network/model.h"

namespace verdict::network {

/// Parses the snapshot text; `name` (usually the file path) prefixes error messages.
Snapshot parse_snapshot(const std::string& text, const std::string& name);

}  // namespace verdict::network
