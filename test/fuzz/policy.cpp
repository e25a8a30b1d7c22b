// Fuzz target: the policy JSON parser and the policy questions (`public`, `allows`, `compare`
// against itself and against a fixed policy), each with a short deadline. A malformed policy
// must end in InputError; any other exception, a crash or a sanitizer report is a bug, and so
// is `compare` calling a policy different from itself (a wrong no).
#include "verdict/policy.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "verdict/errors.h"

namespace {

const char* const kFixedPolicy = R"({"Version": "2012-10-17", "Statement": [
  {"Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
   "Action": ["s3:GetObject", "s3:List*"], "Resource": "arn:aws:s3:::bucket/*"},
  {"Sid": "Ip", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
   "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]})";

const char* const kRequest = R"({"principal": "arn:aws:iam::111122223333:user/alice",
  "action": "s3:GetObject", "resource": "arn:aws:s3:::bucket/key",
  "context": {"aws:SourceIp": "203.0.113.9", "aws:PrincipalTag/team": ["a", "b"]}})";

void ask_questions(const verdict::PolicyDocument& doc, const verdict::PolicyOptions& options) {
  using namespace verdict;
  policy_public(doc, options);
  policy_allows(doc, parse_policy_request(kRequest, "request.json"), options);
  const PolicyAnswer self = policy_compare(doc, doc, options);
  if (self.verdict == Verdict::No)
    fuzz::bug("compare: a policy differs from itself (" + self.relation + ")");
  policy_compare(doc, PolicyDocument{"fixed.json", kFixedPolicy}, options);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  verdict::PolicyOptions options;
  options.timeout_s = 0.5;
  try {  // the same text as a request object
    verdict::parse_policy_request(text, "input.json");
  } catch (const verdict::InputError&) {
  }
  try {
    ask_questions(verdict::PolicyDocument{"input.json", text}, options);
  } catch (const verdict::InputError&) {
  }
  return 0;
}
