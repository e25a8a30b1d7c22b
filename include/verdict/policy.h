// The access-policy questions as library calls: is an AWS IAM policy public, does one policy
// allow something another does not, is one request allowed. The CLI's `policy` subcommand is a
// thin client of these calls. Not responsible for rendering answers (tools/verdict/ does).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "verdict/answer.h"

namespace verdict {

/// A policy document: its JSON text and a name used in messages (usually the file path).
struct PolicyDocument {
  std::string name;
  std::string text;
};

/// The value of one condition key in a request: one string, or a list (multivalued key).
struct ContextValue {
  std::vector<std::string> values;
  bool is_list = false;
};

/// One concrete request: who asks for which action on which resource, in which context.
/// `principal` is an IAM ARN, a service or identity-provider name, or "anonymous".
struct PolicyRequest {
  std::string principal;
  std::string action;
  std::string resource;
  std::map<std::string, ContextValue> context;  ///< key name (as written) -> value(s)
};

/// A context value as IAM writes it: `v` or `[v1,v2]`.
std::string format_context_value(const ContextValue& value);

/// Why a request is shown as evidence.
enum class WitnessRole {
  AllowedRequest,   ///< `public`: an outsider's request the policy allows
  OutsiderFixedValue,  ///< `public`: an outsider's request holding a fixed value of a key
  ANotB,            ///< `compare`: allowed by A, not by B
  BNotA,            ///< `compare`: allowed by B, not by A
  Request,          ///< `allows`: the request asked about
  NewAccess,        ///< `check-no-new-access`: allowed by the new policy, not by the reference
  GrantedAccess,    ///< `check-access-not-granted`: a request for the listed access that is allowed
};

/// "allowed request", "outsider request holding a fixed value", "a_not_b", "b_not_a" or
/// "request" (the JSON and text spelling).
const char* to_string(WitnessRole role);

/// A concrete request shown as evidence, with what the policies say about it.
struct PolicyWitness {
  WitnessRole role = WitnessRole::Request;
  PolicyRequest request;
  std::vector<std::string> allowed_by;  ///< statements (by Sid or number) that allow it
  std::vector<std::string> denied_by;   ///< statements that deny it explicitly
  std::string explanation;              ///< one sentence in human terms
  bool rechecked = false;  ///< re-evaluated by the concrete evaluator, which agreed
};

/// One reason of an Access Analyzer check result (its ReasonSummary).
struct CheckReason {
  std::string description;   ///< e.g. "New access in the statement with index: 0."
  std::string statement_id;  ///< the statement's Sid, if it has one
  int statement_index = -1;  ///< 0-based
};

/// The answer to one policy question.
struct PolicyAnswer {
  Verdict verdict = Verdict::DontKnow;
  std::string question;  ///< "public", "compare", "allows"
  std::string relation;  ///< compare: equivalent, a_more_permissive, b_more_permissive, incomparable
  std::vector<std::string> policies;     ///< names of the policies asked about
  std::vector<PolicyWitness> witnesses;  ///< concrete requests (evidence)
  std::vector<std::string> statements;   ///< statements that decide the answer
  std::vector<std::string> notes;        ///< further evidence in words
  std::vector<std::string> assumptions;
  std::string reason;  ///< for don't know: why; for yes/no: the answer in one sentence
  double time_ms = 0;
  /// Access Analyzer checks: "PASS" (verdict yes), "FAIL" (no, with the request), or empty
  /// (don't know), with AWS's message and reasons.
  std::string check_result;
  std::string check_message;
  std::vector<CheckReason> check_reasons;
};

/// The policies around a request, by type (AWS's evaluation logic across policy types,
/// docs/policy.md): each list may be empty.
struct PolicyContext {
  std::vector<PolicyDocument> identity, resource, boundary, scp, rcp, session;
  [[nodiscard]] bool empty() const {
    return identity.empty() && resource.empty() && boundary.empty() && scp.empty() && rcp.empty() && session.empty();
  }
};

struct PolicyOptions {
  double timeout_s = 10;  ///< for the whole question; when it is reached the answer is don't know
  /// `public`: the owner's account ID (its principals are not outsiders); with a context: the
  /// account owning the resource (same-account or cross-account rules).
  std::string account;
  /// `compare` with a context: A and B are compared in this role ("identity", "resource",
  /// "boundary", "scp", "rcp" or "session"), the context's policies around them.
  PolicyContext context;
  std::string compare_as = "identity";
};

/// Reads a policy file. Throws InputError when it cannot be read.
PolicyDocument load_policy_document(const std::string& path);

/// Parses a request object {"principal", "action", "resource", "context"}. Throws InputError.
PolicyRequest parse_policy_request(const std::string& json_text, const std::string& name);

/// Is the policy public (rule P of docs/policy.md)? yes = public, with a request that gets in.
/// Throws InputError for a malformed policy.
PolicyAnswer policy_public(const PolicyDocument& policy, const PolicyOptions& options = {});

/// Compares two policies over all requests; yes exactly when they are equivalent. With a
/// non-empty `options.context`, A and B take the role `options.compare_as` among the context's
/// policies and the comparison is of the access the whole set grants.
PolicyAnswer policy_compare(const PolicyDocument& a, const PolicyDocument& b,
                            const PolicyOptions& options = {});

/// Is this request allowed by the policy alone? yes / no, naming the deciding statements.
PolicyAnswer policy_allows(const PolicyDocument& policy, const PolicyRequest& request,
                           const PolicyOptions& options = {});

/// Is this request allowed by the policies of `options.context` together (identity, resource,
/// boundary, SCP, RCP, session)? yes / no, naming the deciding rule and statements.
PolicyAnswer policy_allows_in_context(const PolicyRequest& request, const PolicyOptions& options);

// ---- IAM Access Analyzer's custom policy checks (their AWS names and semantics) ----

/// CheckNoNewAccess: PASS when `updated` allows no request `reference` does not; FAIL with one.
PolicyAnswer check_no_new_access(const PolicyDocument& updated, const PolicyDocument& reference,
                                 const PolicyOptions& options = {});

/// CheckAccessNotGranted: PASS when the policy allows none of the listed actions (on any
/// resource; only actions given) / no action on the listed resources (only resources given) /
/// none of the actions on any of the resources (both); FAIL with a request that gets it.
/// Actions and resources may use `*` and `?`.
PolicyAnswer check_access_not_granted(const PolicyDocument& policy, const std::vector<std::string>& actions,
                                      const std::vector<std::string>& resources, const PolicyOptions& options = {});

/// CheckNoPublicAccess: PASS when the resource policy is not public (rule P) for a resource of
/// `resource_type` (one of Access Analyzer's types, e.g. AWS::S3::Bucket); FAIL with the request.
/// Throws InputError for a type Access Analyzer does not support.
PolicyAnswer check_no_public_access(const PolicyDocument& policy, const std::string& resource_type,
                                    const PolicyOptions& options = {});

}  // namespace verdict
