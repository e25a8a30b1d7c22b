// Makes solver-found requests readable (real action names, ARN-shaped principals, no needless
// context keys) without changing what they show: every change is re-checked concretely.
// Not responsible for finding requests nor for deciding answers.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "policy/model.h"
#include "verdict/policy.h"

namespace verdict::policy {

/// Does the request still show what it must (e.g. "A allows it and B does not")?
using RequestProperty = std::function<bool(const PolicyRequest&)>;

/// Tries readable replacements for each part of `r`, keeping one only if `holds` still does.
PolicyRequest polish_request(PolicyRequest r, const RequestProperty& holds,
                             const std::vector<const Policy*>& policies);

/// Real action names, tried when a wildcard or NotAction leaves the action open.
const std::vector<std::string>& known_actions();

/// The pattern with every `*` and policy variable replaced by `fill`, every `?` by its first
/// character (or `x`).
std::string instantiate_pattern(const Pattern& p, const std::string& fill = "x");

/// "anonymous asks for s3:GetObject on arn:...; context: aws:SourceIp=203.0.113.7".
std::string describe_request(const PolicyRequest& r);

}  // namespace verdict::policy
