#include "policy/witness.h"

#include <cctype>
#include <set>

namespace verdict::policy {

namespace {

}  // namespace

const std::vector<std::string>& known_actions() {
  static const std::vector<std::string> actions = {
      "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject", "s3:GetObjectAcl",
      "s3:GetObjectVersion", "s3:GetObjectTagging", "s3:PutObjectAcl", "s3:RestoreObject",
      "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:GetBucketLocation", "s3:ListAllMyBuckets",
      "s3:DeleteBucket", "s3:CreateBucket", "s3:AbortMultipartUpload", "s3:ListBucketVersions",
      "s3:GetBucketAcl", "s3:PutBucketAcl", "s3:ReplicateObject",
      "ec2:CreateTags", "ec2:DeleteTags", "ec2:RunInstances", "ec2:TerminateInstances",
      "ec2:DescribeInstances", "ec2:StartInstances", "ec2:StopInstances", "ec2:CreateVolume",
      "iam:PassRole", "iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:ListRoles",
      "iam:CreateUser", "iam:AttachRolePolicy", "iam:CreateServiceLinkedRole",
      "sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML", "sts:TagSession",
      "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:CreateGrant", "kms:DescribeKey",
      "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
      "sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes",
      "lambda:InvokeFunction", "lambda:CreateFunction", "lambda:GetFunction",
      "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:DeleteItem",
      "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
      "cloudwatch:PutMetricData", "secretsmanager:GetSecretValue", "ssm:GetParameter",
      "events:PutEvents", "cloudtrail:LookupEvents", "organizations:DescribeOrganization"};
  return actions;
}

std::string instantiate_pattern(const Pattern& p, const std::string& fill) {
  std::string out;
  for (const auto& piece : p.pieces) {
    if (piece.kind == PatternPiece::Kind::Literal) out += piece.text;
    else if (piece.kind == PatternPiece::Kind::Question) out += fill.empty() ? "x" : fill.substr(0, 1);
    else out += fill;
  }
  return out;
}

namespace {

bool looks_like_arn_or_name(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || std::string("-._/:@").find(c) != std::string::npos))
      return false;
  return true;
}

template <typename Set>
bool try_candidates(PolicyRequest& r, std::string PolicyRequest::*field, const Set& candidates,
                    const RequestProperty& holds) {
  const std::string original = r.*field;
  for (const auto& c : candidates) {
    r.*field = c;
    if (c == original) return true;
    try {
      if (holds(r)) return true;
    } catch (...) {
    }
  }
  r.*field = original;
  return false;
}

std::vector<std::string> action_candidates(const PolicyRequest& r, const std::vector<const Policy*>& policies) {
  std::vector<std::string> out;
  for (const Policy* p : policies)
    for (const auto& st : p->statements)
      for (const auto& a : st.actions_as_written)
        if (to_lower(a) == to_lower(r.action)) out.insert(out.begin(), a);
  for (const auto& a : known_actions()) out.push_back(a);
  for (const Policy* p : policies)
    for (const auto& st : p->statements)
      for (const auto& a : st.actions_as_written)
        if (a.find_first_of("*?") == std::string::npos) out.push_back(a);
  return out;
}

std::vector<std::string> resource_candidates(const std::vector<const Policy*>& policies) {
  std::vector<std::string> out;
  for (const Policy* p : policies)
    for (const auto& st : p->statements)
      for (const auto& res : st.resources) {
        if (res.has_variable()) continue;
        if (res.literal()) out.push_back(*res.literal());
        else if (res.raw != "*") out.push_back(instantiate_pattern(res));
      }
  out.push_back("arn:aws:s3:::example-bucket/x");
  out.push_back("arn:aws:s3:::other-bucket/x");
  return out;
}

std::vector<std::string> principal_candidates(const std::vector<const Policy*>& policies) {
  bool resource_policy = false;
  for (const Policy* p : policies)
    for (const auto& st : p->statements) resource_policy = resource_policy || st.has_principal;
  std::vector<std::string> out = {"anonymous", "arn:aws:iam::111122223333:user/alice"};
  if (!resource_policy) std::swap(out[0], out[1]);
  for (const Policy* p : policies)
    for (const auto& st : p->statements)
      for (const auto& e : st.principals) {
        if (e.kind == PrincipalEntry::Kind::Account) out.push_back("arn:aws:iam::" + e.value + ":user/alice");
        if (e.kind == PrincipalEntry::Kind::Exact) out.push_back(e.value);
      }
  out.push_back("arn:aws:iam::999988887777:user/mallory");
  return out;
}

bool printable(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return false;
  return true;
}

// Readable stand-ins for one context value: the policy's own values for that key (patterns
// instantiated), or the value with unprintable bytes replaced.
std::vector<std::string> value_candidates(const std::string& key, const std::string& value,
                                          const std::vector<const Policy*>& policies) {
  std::vector<std::string> out;
  std::string cleaned = value;
  for (char& c : cleaned)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = 'x';
  out.push_back(cleaned);
  for (const Policy* p : policies)
    for (const auto& st : p->statements)
      for (const auto& c : st.conditions)
        if (c.key == to_lower(key))
          for (const auto& v : c.values) {
            out.push_back(instantiate_pattern(v.pattern));
            out.push_back(instantiate_pattern(v.pattern) + "x");
          }
  out.push_back("x");
  out.push_back("");
  return out;
}

void polish_context(PolicyRequest& r, const RequestProperty& holds, const std::vector<const Policy*>& policies) {
  for (auto& [key, cv] : r.context)
    for (auto& v : cv.values) {
      if (printable(v)) continue;
      const std::string original = v;
      bool found = false;
      for (const auto& c : value_candidates(key, original, policies)) {
        v = c;
        try {
          found = holds(r);
        } catch (...) {
        }
        if (found) break;
      }
      if (!found) v = original;
    }
}

}  // namespace

PolicyRequest polish_request(PolicyRequest r, const RequestProperty& holds,
                             const std::vector<const Policy*>& policies) {
  try_candidates(r, &PolicyRequest::action, action_candidates(r, policies), holds);
  if (!looks_like_arn_or_name(r.resource) || r.resource.back() == '/' || r.resource.back() == ':' ||
      r.resource.find("arn:") != 0)
    try_candidates(r, &PolicyRequest::resource, resource_candidates(policies), holds);
  try_candidates(r, &PolicyRequest::principal, principal_candidates(policies), holds);
  polish_context(r, holds, policies);
  // Drop context keys the request does not need.
  std::vector<std::string> keys;
  for (const auto& [k, v] : r.context) keys.push_back(k);
  for (const auto& k : keys) {
    PolicyRequest fewer = r;
    fewer.context.erase(k);
    try {
      if (holds(fewer)) r = fewer;
    } catch (...) {
    }
  }
  return r;
}

}  // namespace verdict::policy

namespace verdict {

const char* to_string(WitnessRole role) {
  switch (role) {
    case WitnessRole::AllowedRequest: return "allowed request";
    case WitnessRole::OutsiderFixedValue: return "outsider request holding a fixed value";
    case WitnessRole::ANotB: return "a_not_b";
    case WitnessRole::BNotA: return "b_not_a";
    case WitnessRole::Request: return "request";
    case WitnessRole::NewAccess: return "new access";
    case WitnessRole::GrantedAccess: return "granted access";
  }
  return "request";
}

std::string format_context_value(const ContextValue& v) {
  if (!v.is_list) return v.values.empty() ? "" : v.values[0];
  std::string s = "[";
  for (std::size_t i = 0; i < v.values.size(); ++i) s += (i ? "," : "") + v.values[i];
  return s + "]";
}

}  // namespace verdict

namespace verdict::policy {

std::string describe_request(const PolicyRequest& r) {
  std::string s = r.principal + " asks for " + r.action + " on " + r.resource;
  if (!r.context.empty()) {
    s += " with";
    bool first = true;
    for (const auto& [k, v] : r.context) {
      s += std::string(first ? " " : ", ") + k + "=" + format_context_value(v);
      first = false;
    }
  } else {
    s += " (no condition keys)";
  }
  return s;
}

}  // namespace verdict::policy
