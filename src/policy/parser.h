// Reads AWS IAM policy JSON (and request JSON) into the model of policy/model.h, checking the
// grammar. Errors are InputError naming the statement and the field. Not responsible for what a
// policy means.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "policy/model.h"
#include "verdict/policy.h"

namespace verdict::policy {

/// Parses a policy document; `name` is used in messages. Throws InputError.
Policy parse_policy(const nlohmann::json& document, const std::string& name);
/// Parses JSON text, then the policy. Throws InputError.
Policy parse_policy_text(const std::string& text, const std::string& name);

/// Parses {"principal", "action", "resource", "context"}. Throws InputError.
PolicyRequest parse_request(const nlohmann::json& object, const std::string& name);

}  // namespace verdict::policy
