// IAM Access Analyzer's custom policy checks (CheckNoNewAccess, CheckAccessNotGranted,
// CheckNoPublicAccess) with AWS's names, semantics and PASS/FAIL results, answered by verdict's
// questions: each FAIL carries a request re-checked by the concrete evaluator; a check the
// solver cannot finish is don't know (no PASS or FAIL).
#include <algorithm>
#include <chrono>

#include "policy/compare_directions.h"
#include "policy/evaluator.h"
#include "policy/parser.h"
#include "policy/public_rule.h"
#include "policy/question_support.h"
#include "verdict/errors.h"

namespace verdict {

using namespace policy;

namespace {

// What a check says for each outcome of its search.
struct CheckTexts {
  std::string pass_message, fail_message, reason_prefix;  ///< AWS's wording
  std::string pass_reason, fail_reason;                  ///< verdict's sentence (fail: before the witness)
};

// PASS (verdict yes) when no request shows the access, FAIL (no) with one reason per statement
// of `p` that allows the witness, or don't know.
void conclude_check(PolicyAnswer& a, smt::PolicySat s, const Policy& p, const CheckTexts& t) {
  if (s == smt::PolicySat::Unsat) {
    a.verdict = Verdict::Yes;
    a.check_result = "PASS";
    a.check_message = t.pass_message;
    a.reason = t.pass_reason;
  } else if (s == smt::PolicySat::Sat) {
    a.verdict = Verdict::No;
    a.check_result = "FAIL";
    a.check_message = t.fail_message;
    for (auto i : evaluate(p, a.witnesses.back().request).allowing)
      a.check_reasons.push_back({t.reason_prefix + std::to_string(i) + ".", p.statements[i].sid, static_cast<int>(i)});
    a.reason = t.fail_reason + a.witnesses.back().explanation;
  } else {
    a.reason = "could not decide: " + join(a.notes);
  }
}

std::vector<std::string> check_assumptions(const std::string& subject) {
  return evaluation_assumptions(subject, "statements without a Principal apply to any principal");
}

}  // namespace

PolicyAnswer check_no_new_access(const PolicyDocument& updated, const PolicyDocument& reference,
                                 const PolicyOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const Policy fresh = parse_policy_text(updated.text, updated.name), old = parse_policy_text(reference.text, reference.name);
  PolicyAnswer a;
  a.question = "check-no-new-access";
  a.policies = {updated.name, reference.name};
  a.assumptions = check_assumptions("each policy is");
  const Universe u = Universe::of({&fresh, &old});
  const auto s = one_direction(a, alone_direction(fresh, old, "new", "reference", WitnessRole::NewAccess, u), u,
                               question_deadline(options));
  conclude_check(a, s, fresh,
                 {"The modified permissions do not grant new access compared to your existing policy.",
                  "The modified permissions grant new access compared to your existing policy.",
                  "New access in the statement with index: ", "every request the new policy allows, the reference policy allows too",
                  "the new policy allows a request the reference policy does not: "});
  a.time_ms = ms_since(start);
  return a;
}

namespace {

// The listed access as a policy of one Allow statement ("any principal; these actions or any;
// these resources or any"): a request asks for the listed access exactly when it applies.
Policy access_policy(const std::vector<std::string>& actions, const std::vector<std::string>& resources) {
  nlohmann::json st = {{"Effect", "Allow"}, {"Principal", "*"}};
  st["Action"] = actions.empty() ? nlohmann::json("*") : nlohmann::json(actions);
  st["Resource"] = resources.empty() ? nlohmann::json("*") : nlohmann::json(resources);
  return parse_policy({{"Version", "2012-10-17"}, {"Statement", nlohmann::json::array({st})}}, "the listed access");
}

}  // namespace

PolicyAnswer check_access_not_granted(const PolicyDocument& doc, const std::vector<std::string>& actions,
                                      const std::vector<std::string>& resources, const PolicyOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (actions.empty() && resources.empty()) throw InputError("usage: check-access-not-granted needs --actions or --resources");
  const Policy p = parse_policy_text(doc.text, doc.name);
  const Policy access = access_policy(actions, resources);
  PolicyAnswer a;
  a.question = "check-access-not-granted";
  a.policies = {doc.name};
  a.assumptions = check_assumptions("the policy is");
  a.assumptions.push_back("the listed access: " + (actions.empty() ? std::string("any action") : "one of " + join(actions)) +
                          " on " + (resources.empty() ? std::string("any resource") : "one of " + join(resources)));
  const Universe u = Universe::of({&p, &access});
  Direction d;
  d.role = WitnessRole::GrantedAccess;
  d.holds = [&](const PolicyRequest& q) { return evaluate(p, q).allowed && evaluate(access, q).allowed; };
  d.sources = {&access, &p};
  d.all = {&p, &access};
  d.goal = [&](Approx side) {
    Encoding e = encode_allowed(p, u, {side, std::nullopt}), asked = encode_allowed(access, u, {side, std::nullopt});
    return Goal{smt::f_and({smt::f_not(e.denied), asked.allowed}), e.allow_cases, e.approximated};
  };
  d.witness = [&](const PolicyRequest& r) -> std::optional<PolicyWitness> {
    if (!d.holds(r)) return std::nullopt;
    PolicyWitness w;
    w.role = d.role;
    w.request = polish_request(r, d.holds, d.all);
    w.rechecked = true;
    w.allowed_by = labels(p, evaluate(p, w.request).allowing);
    w.explanation = describe_request(w.request) + ": the listed access, allowed by " + join(w.allowed_by);
    return w;
  };
  const auto s = one_direction(a, d, u, question_deadline(options));
  const std::string listed = actions.empty() ? "resources" : resources.empty() ? "actions" : "actions or resources";
  conclude_check(a, s, p,
                 {"The policy document does not grant access to perform one or more of the listed " + listed + ".",
                  "The policy document grants access to perform one or more of the listed " + listed + ".",
                  "One or more of the listed actions or resources in the statement with index: ",
                  "no request for the listed access is allowed", "a request for the listed access is allowed: "});
  a.time_ms = ms_since(start);
  return a;
}

namespace {

// The resource types CheckNoPublicAccess accepts (Access Analyzer API reference).
const std::vector<std::string>& public_access_resource_types() {
  static const std::vector<std::string> types = {
      "AWS::DynamoDB::Table", "AWS::DynamoDB::Stream", "AWS::EFS::FileSystem", "AWS::OpenSearchService::Domain",
      "AWS::Kinesis::Stream", "AWS::Kinesis::StreamConsumer", "AWS::KMS::Key", "AWS::Lambda::Function",
      "AWS::S3::Bucket", "AWS::S3::AccessPoint", "AWS::S3Express::DirectoryBucket", "AWS::S3::Glacier",
      "AWS::S3Outposts::Bucket", "AWS::S3Outposts::AccessPoint", "AWS::SecretsManager::Secret", "AWS::SNS::Topic",
      "AWS::SQS::Queue", "AWS::IAM::AssumeRolePolicyDocument", "AWS::S3Tables::TableBucket", "AWS::ApiGateway::RestApi",
      "AWS::CodeArtifact::Domain", "AWS::Backup::BackupVault", "AWS::CloudTrail::Dashboard",
      "AWS::CloudTrail::EventDataStore", "AWS::S3Tables::Table", "AWS::S3Express::AccessPoint"};
  return types;
}

}  // namespace

PolicyAnswer check_no_public_access(const PolicyDocument& doc, const std::string& resource_type,
                                    const PolicyOptions& options) {
  const auto& types = public_access_resource_types();
  if (std::find(types.begin(), types.end(), resource_type) == types.end())
    throw InputError("--resource-type " + resource_type + " is not a resource type of CheckNoPublicAccess (e.g. AWS::S3::Bucket)");
  PolicyAnswer a = policy_public(doc, options);
  a.question = "check-no-public-access";
  a.assumptions.push_back("the resource is of type " + resource_type + "; rule P is read the same way for every type");
  if (a.verdict == Verdict::No) {
    a.verdict = Verdict::Yes;
    a.check_result = "PASS";
    a.check_message = "The resource policy does not grant public access for the given resource type.";
  } else if (a.verdict == Verdict::Yes && !a.witnesses.empty()) {
    const Policy p = parse_policy_text(doc.text, doc.name);
    a.verdict = Verdict::No;
    a.check_result = "FAIL";
    a.check_message = "The resource policy grants public access for the given resource type.";
    for (auto i : evaluate(p, a.witnesses[0].request, EvalOptions{attached_identity()}).allowing)
      a.check_reasons.push_back({"Public access granted in the statement with index: " + std::to_string(i) + ".",
                                 p.statements[i].sid, static_cast<int>(i)});
  }
  return a;
}

}  // namespace verdict
