#include "policy/question_support.h"

namespace verdict::policy {

support::Deadline question_deadline(const PolicyOptions& o) { return support::Deadline(o.timeout_s); }

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::vector<std::string> evaluation_assumptions(const std::string& subject, const std::string& last) {
  return {subject + " evaluated alone: no identity policies, SCPs, session policies or ACLs around it",
          "an explicit Deny overrides every Allow; without an applicable Allow the request is denied",
          "actions match case-insensitively, resources and condition values case-sensitively "
          "(except *IgnoreCase operators); a `*` may span any characters, `:` and `/` included",
          "condition keys are independent of the principal: each is absent or carries any well-formed value "
          "of its operator's type; keys used only with single-valued operators carry one value",
          last};
}

std::vector<std::string> labels(const Policy& p, const std::vector<std::size_t>& idx, const std::string& prefix) {
  std::vector<std::string> out;
  for (auto i : idx) out.push_back(prefix + p.statements[i].label());
  return out;
}

bool reconcile_with_solver(const std::string& solver, bool allowed, PolicyAnswer& a, PolicyWitness& w) {
  if (!solver.empty() && (solver == "yes") != allowed) {
    a.reason = "the solver encoding and the concrete evaluator disagree on this request";
    return false;
  }
  w.rechecked = !solver.empty();
  if (w.rechecked) a.notes.push_back("the solver encoding agrees with the concrete evaluator");
  a.verdict = allowed ? Verdict::Yes : Verdict::No;
  return true;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

}  // namespace verdict::policy
