// `verdict policy ...`: parses the command line, calls the policy API, renders the answer.
#include "cmd_policy.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "verdict/errors.h"
#include "watchdog.h"

namespace fs = std::filesystem;

namespace verdict::cli {

namespace {

struct PolicyFlags {
  std::string policy, policy_b, account, principal, action, resource, request_file, bench_dir, compare_as = "identity";
  std::vector<std::string> context;
  std::vector<std::string> identity, resource_policies, boundary, scp, rcp, session;  ///< --identity ... (repeatable)
  std::string reference, resource_type;                    ///< Access Analyzer checks
  std::vector<std::string> check_actions, check_resources;
  double timeout = 10;
  bool json = false, verbose = false;
};

nlohmann::json request_to_json(const PolicyRequest& r) {
  nlohmann::json ctx = nlohmann::json::object();
  for (const auto& [k, v] : r.context) {
    if (v.is_list) ctx[k] = v.values;
    else ctx[k] = v.values.empty() ? "" : v.values[0];
  }
  return {{"principal", r.principal}, {"action", r.action}, {"resource", r.resource}, {"context", ctx}};
}

std::string context_text(const PolicyRequest& r) {
  if (r.context.empty()) return "(none)";
  std::string s;
  for (const auto& [k, v] : r.context) {
    s += (s.empty() ? "" : ", ") + k + "=" + format_context_value(v);
  }
  return s;
}

PolicyRequest request_from_flags(const PolicyFlags& f) {
  if (!f.request_file.empty()) {
    if (!f.principal.empty() || !f.action.empty() || !f.resource.empty() || !f.context.empty())
      throw InputError("usage: give either --request or --principal/--action/--resource/--context");
    return parse_policy_request(load_policy_document(f.request_file).text, f.request_file);
  }
  if (f.principal.empty() || f.action.empty() || f.resource.empty())
    throw InputError("usage: allows needs --principal, --action and --resource (or --request FILE)");
  PolicyRequest r{f.principal, f.action, f.resource, {}};
  for (const auto& kv : f.context) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) throw InputError("usage: --context expects key=value, got \"" + kv + "\"");
    ContextValue& v = r.context[kv.substr(0, eq)];
    v.values.push_back(kv.substr(eq + 1));
    v.is_list = v.values.size() > 1;
  }
  return r;
}

int print_answer(const PolicyAnswer& a, bool json) {
  if (json)
    std::cout << policy_answer_to_json(a).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else
    std::cout << policy_answer_to_text(a);
  return exit_code(a.verdict);
}

// Runs one question under the --timeout guarantee: the question stops its solvers at the
// deadline itself; should anything still run 0.7 s later, the watchdog prints a don't-know
// answer and ends the process, so no question takes longer than its limit + 1 s.
int answer_within_limit(const PolicyFlags& f, const std::string& question, std::vector<std::string> policies,
                        const std::function<PolicyAnswer()>& ask) {
  static std::atomic<bool> printing{false};  // exactly one of the main thread and the watchdog prints
  Watchdog watchdog(
      f.timeout,
      [&] {
        if (printing.exchange(true)) return false;
        PolicyAnswer a;
        a.question = question;
        a.policies = policies;
        a.reason = "time limit of " + std::to_string(f.timeout) + " s reached";
        a.time_ms = f.timeout * 1000;
        print_answer(a, f.json);
        std::cout.flush();
        return true;
      },
      0.7);
  const PolicyAnswer a = ask();
  if (printing.exchange(true)) std::this_thread::sleep_for(std::chrono::hours(1));  // the watchdog exits
  return print_answer(a, f.json);
}

std::vector<PolicyDocument> documents(const std::vector<std::string>& paths) {
  std::vector<PolicyDocument> out;
  for (const auto& p : paths) out.push_back(load_policy_document(p));
  return out;
}

PolicyOptions options_of(const PolicyFlags& f) {
  PolicyOptions o;
  o.timeout_s = f.timeout;
  o.account = f.account;
  o.context = {documents(f.identity), documents(f.resource_policies), documents(f.boundary),
               documents(f.scp),      documents(f.rcp),               documents(f.session)};
  o.compare_as = f.compare_as;
  return o;
}

// --identity, --resource-policy ... : the policies around the request (each repeatable).
void add_context_flags(CLI::App* cmd, PolicyFlags& f) {
  cmd->add_option("--identity", f.identity, "identity-based policy of the principal (repeatable)");
  cmd->add_option("--resource-policy", f.resource_policies, "resource-based policy of the resource (repeatable)");
  cmd->add_option("--boundary", f.boundary, "permissions boundary of the principal (repeatable)");
  cmd->add_option("--scp", f.scp, "service control policy of the principal's account (repeatable)");
  cmd->add_option("--rcp", f.rcp, "resource control policy of the resource's account (repeatable)");
  cmd->add_option("--session", f.session, "session policy of the principal's session (repeatable)");
  cmd->add_option("--account", f.account, "the account owning the resource (same-account or cross-account rules)");
}

// ---- bench: every policy of a folder through `public` ----

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

int run_bench(const PolicyFlags& f) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(f.bench_dir))
    if (e.is_regular_file() && e.path().extension() == ".json" && e.path().filename() != "manifest.json")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, int> counts;
  std::vector<double> times;
  std::string slowest;
  double slowest_ms = -1;
  for (const auto& path : files) {
    const auto start = std::chrono::steady_clock::now();
    std::string outcome, detail;
    try {
      const auto a = policy_public(load_policy_document(path.string()), options_of(f));
      outcome = to_string(a.verdict);
      detail = a.reason;
    } catch (const InputError& e) {
      outcome = "bad_input";
      detail = e.what();
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    times.push_back(ms);
    ++counts[outcome];
    if (ms > slowest_ms) slowest_ms = ms, slowest = path.string();
    if (f.verbose) std::printf("%8.1f ms  %-9s %s  %s\n", ms, outcome.c_str(), path.string().c_str(), detail.substr(0, 160).c_str());
  }
  nlohmann::json j = {{"policies", files.size()}, {"answers", counts}, {"median_ms", percentile(times, 0.5)},
                      {"p95_ms", percentile(times, 0.95)}, {"max_ms", slowest_ms < 0 ? 0 : slowest_ms},
                      {"slowest", slowest}, {"over_2s", std::count_if(times.begin(), times.end(), [](double t) { return t > 2000; })}};
  if (f.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    std::printf("policies %zu: ", files.size());
    for (const auto& [k, n] : counts) std::printf("%s %d  ", k.c_str(), n);
    std::printf("\nmedian %.2f ms, p95 %.2f ms, max %.1f ms (%s), over 2 s: %lld\n", j["median_ms"].get<double>(),
                j["p95_ms"].get<double>(), j["max_ms"].get<double>(), slowest.c_str(),
                static_cast<long long>(j["over_2s"].get<long>()));
  }
  return 0;
}

CLI::App* add_common(CLI::App* cmd, PolicyFlags& f) {
  add_json_and_timeout(cmd, f.json, f.timeout);
  cmd->get_option("--timeout")->description("seconds for the whole question (answered within it + 1 s; reached: don't know)");
  return cmd;
}

// IAM Access Analyzer's custom policy checks, with their AWS names.
void add_check_commands(CLI::App* policy, const std::shared_ptr<PolicyFlags>& f, Actions& actions) {
  CLI::App* nna = add_common(policy->add_subcommand("check-no-new-access",
                                                    "Access Analyzer CheckNoNewAccess: does NEW allow anything REFERENCE does not?"),
                             *f);
  nna->add_option("NEW", f->policy, "the updated policy (JSON file)")->required();
  nna->add_option("--reference", f->reference, "the existing (reference) policy")->required();
  actions[nna] = [f] {
    const PolicyDocument fresh = load_policy_document(f->policy), old = load_policy_document(f->reference);
    return answer_within_limit(*f, "check-no-new-access", {fresh.name, old.name},
                               [&] { return check_no_new_access(fresh, old, options_of(*f)); });
  };
  CLI::App* ang = add_common(policy->add_subcommand("check-access-not-granted",
                                                    "Access Analyzer CheckAccessNotGranted: is none of the listed access allowed?"),
                             *f);
  ang->add_option("POLICY", f->policy, "policy JSON file")->required();
  ang->add_option("--actions", f->check_actions, "actions that must not be granted (A[,B...])")->delimiter(',');
  ang->add_option("--resources", f->check_resources, "resources they must not be granted on (R[,S...])")->delimiter(',');
  actions[ang] = [f] {
    const PolicyDocument doc = load_policy_document(f->policy);
    return answer_within_limit(*f, "check-access-not-granted", {doc.name}, [&] {
      return check_access_not_granted(doc, f->check_actions, f->check_resources, options_of(*f));
    });
  };
  CLI::App* npa = add_common(policy->add_subcommand("check-no-public-access",
                                                    "Access Analyzer CheckNoPublicAccess: is the resource policy not public?"),
                             *f);
  npa->add_option("POLICY", f->policy, "resource policy JSON file")->required();
  npa->add_option("--resource-type", f->resource_type, "e.g. AWS::S3::Bucket, AWS::SQS::Queue")->required();
  npa->add_option("--account", f->account, "the owner's account ID (its principals are not outsiders)");
  actions[npa] = [f] {
    const PolicyDocument doc = load_policy_document(f->policy);
    return answer_within_limit(*f, "check-no-public-access", {doc.name},
                               [&] { return check_no_public_access(doc, f->resource_type, options_of(*f)); });
  };
}

}  // namespace

void add_policy_command(CLI::App& app, Actions& actions) {
  auto f = std::make_shared<PolicyFlags>();
  CLI::App* policy = app.add_subcommand("policy", "Questions about AWS IAM access policies");
  policy->require_subcommand(1);

  CLI::App* pub = add_common(policy->add_subcommand("public", "Is the policy public (lets outsiders in)?"), *f);
  pub->add_option("POLICY", f->policy, "policy JSON file")->required();
  pub->add_option("--account", f->account, "the owner's account ID (its principals are not outsiders)");
  pub->add_option("--rcp", f->rcp, "resource control policy of the resource's account (repeatable)");
  actions[pub] = [f] {
    const PolicyDocument doc = load_policy_document(f->policy);
    return answer_within_limit(*f, "public", {doc.name}, [&] { return policy_public(doc, options_of(*f)); });
  };

  CLI::App* cmp = add_common(policy->add_subcommand("compare", "Does one policy allow anything the other does not?"), *f);
  add_context_flags(cmp, *f);
  cmp->add_option("--as", f->compare_as, "with --identity ...: the role A and B play (identity, resource, boundary, scp, "
                                         "rcp, session)")->capture_default_str();
  cmp->add_option("A", f->policy, "policy A (JSON file)")->required();
  cmp->add_option("B", f->policy_b, "policy B (JSON file)")->required();
  actions[cmp] = [f] {
    const PolicyDocument a = load_policy_document(f->policy), b = load_policy_document(f->policy_b);
    return answer_within_limit(*f, "compare", {a.name, b.name}, [&] { return policy_compare(a, b, options_of(*f)); });
  };

  CLI::App* alw = add_common(policy->add_subcommand("allows", "Is this request allowed by the policy?"), *f);
  alw->add_option("POLICY", f->policy, "policy JSON file (or the policies of --identity, --resource-policy, ...)");
  add_context_flags(alw, *f);
  alw->add_option("--principal", f->principal, "IAM ARN, service name, or anonymous");
  alw->add_option("--action", f->action, "e.g. s3:GetObject");
  alw->add_option("--resource", f->resource, "resource ARN");
  alw->add_option("--context", f->context, "condition key=value (repeat a key for a list)");
  alw->add_option("--request", f->request_file, "request JSON {principal, action, resource, context}");
  actions[alw] = [f] {
    const PolicyOptions o = options_of(*f);
    const PolicyRequest r = request_from_flags(*f);
    if (o.context.empty() == f->policy.empty())
      throw InputError("usage: allows needs either POLICY or the policies of --identity, --resource-policy, --boundary, "
                       "--scp, --rcp, --session");
    if (!o.context.empty())
      return answer_within_limit(*f, "allows", {}, [&] { return policy_allows_in_context(r, o); });
    const PolicyDocument doc = load_policy_document(f->policy);
    return answer_within_limit(*f, "allows", {doc.name}, [&] { return policy_allows(doc, r, o); });
  };

  add_check_commands(policy, f, actions);

  CLI::App* bench = add_common(policy->add_subcommand("bench", "Run every policy of a folder through `public`"), *f);
  bench->add_option("DIR", f->bench_dir, "folder of policy JSON files")->required()->check(CLI::ExistingDirectory);
  bench->add_flag("--verbose", f->verbose, "one line per policy");
  actions[bench] = [f] { return run_bench(*f); };
}

nlohmann::json policy_answer_to_json(const PolicyAnswer& a) {
  nlohmann::json requests = nlohmann::json::array();
  for (const auto& w : a.witnesses)
    requests.push_back({{"role", to_string(w.role)}, {"request", request_to_json(w.request)}, {"allowed_by", w.allowed_by},
                        {"denied_by", w.denied_by}, {"explanation", w.explanation}, {"rechecked", w.rechecked}});
  nlohmann::json j = {{"answer", to_string(a.verdict)},
                      {"question", a.question},
                      {"policies", a.policies},
                      {"evidence", {{"requests", requests}, {"statements", a.statements}, {"notes", a.notes}}},
                      {"assumptions", a.assumptions},
                      {"reason", a.reason},
                      {"time_ms", a.time_ms}};
  if (a.question == "compare") j["relation"] = a.relation.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.relation);
  if (a.question.rfind("check-", 0) == 0) {  // Access Analyzer's response fields
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& r : a.check_reasons) {
      nlohmann::json one = {{"description", r.description}, {"statementIndex", r.statement_index}};
      if (!r.statement_id.empty()) one["statementId"] = r.statement_id;
      reasons.push_back(one);
    }
    j["result"] = a.check_result.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.check_result);
    j["message"] = a.check_message;
    j["reasons"] = reasons;
  }
  return j;
}

std::string policy_answer_to_text(const PolicyAnswer& a) {
  std::ostringstream out;
  const char* answer = a.verdict == Verdict::Yes ? "YES" : a.verdict == Verdict::No ? "NO" : "DON'T KNOW";
  out << "policy " << a.question << ": " << answer;
  if (!a.relation.empty()) out << " (" << a.relation << ")";
  out << "\n";
  if (a.question.rfind("check-", 0) == 0) {
    out << "  result: " << (a.check_result.empty() ? "none (don't know)" : a.check_result) << "\n";
    if (!a.check_message.empty()) out << "  message: " << a.check_message << "\n";
    for (const auto& r : a.check_reasons)
      out << "  reason: " << r.description << (r.statement_id.empty() ? "" : " (Sid " + r.statement_id + ")") << "\n";
  }
  out << "  " << a.reason << "\n";
  for (const auto& w : a.witnesses) {
    out << "  request [" << to_string(w.role) << "]" << (w.rechecked ? " (re-checked by the concrete evaluator)" : "") << "\n"
        << "    principal: " << w.request.principal << "\n    action:    " << w.request.action
        << "\n    resource:  " << w.request.resource << "\n    context:   " << context_text(w.request) << "\n";
    if (!w.explanation.empty()) out << "    " << w.explanation << "\n";
  }
  for (const auto& n : a.notes) out << "  note: " << n << "\n";
  out << "  assumptions:\n";
  for (const auto& s : a.assumptions) out << "    - " << s << "\n";
  out << "  time: " << static_cast<long long>(a.time_ms) << " ms\n";
  return out.str();
}

}  // namespace verdict::cli
