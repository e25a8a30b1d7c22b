#include "sarif.h"

#include <map>

#include "sha256.h"

namespace verdict::cli {

namespace {

using nlohmann::json;

std::string rule_description(const std::string& rule) {
  if (rule == "unreach-call") return "An assertion can fail (or reach_error() can be called).";
  if (rule == "no-overflow") return "Undefined arithmetic: signed overflow, division by zero or an invalid shift.";
  if (rule == "termination") return "An execution of the function never terminates.";
  return "Property " + rule + ".";
}

/// A SARIF location: the file, and the region when the line is known.
json physical_location(const SourceLocation& loc, const std::string& file) {
  json physical{{"artifactLocation", {{"uri", loc.file.empty() ? file : loc.file}}}};
  if (loc.known()) {
    json region{{"startLine", loc.line}};
    if (loc.column > 0) region["startColumn"] = loc.column;
    physical["region"] = region;
  }
  return json{{"physicalLocation", physical}};
}

json message(const std::string& text) { return json{{"text", text}}; }

json result(const std::string& rule, const char* level, const std::string& text, const SourceLocation& loc,
            const std::string& file) {
  return json{{"ruleId", rule}, {"level", level}, {"message", message(text)},
              {"locations", json::array({physical_location(loc, file)})}};
}

/// The counterexample's steps as one thread flow; each step's values are its state.
json code_flow(const Counterexample& c, const std::string& file) {
  json steps = json::array();
  for (const TraceStep& s : c.trace) {
    json location = physical_location(s.loc, file);
    location["message"] = message(s.action);
    json step{{"location", location}};
    if (!s.values.empty()) {
      json state = json::object();
      for (const NamedValue& v : s.values) state[v.name] = message(v.value);
      step["state"] = state;
    }
    steps.push_back(step);
  }
  std::string inputs;
  for (const InputValue& in : c.inputs) inputs += (inputs.empty() ? "" : ", ") + in.name + " = " + in.value;
  json flow{{"threadFlows", json::array({json{{"locations", steps}}})}};
  flow["message"] = message(c.call.empty() ? "inputs: " + (inputs.empty() ? "none" : inputs) : "call: " + c.call);
  return flow;
}

/// The proof in one line: its method and items.
std::string proof_text(const Proof& p) {
  std::string text = "proof: " + p.method;
  for (const ProofItem& i : p.items)
    text += "; " + i.kind + (i.loc.known() ? " at line " + std::to_string(i.loc.line) : "") + ": " + i.text;
  return text;
}

std::string reason_text(const Answer& a) {
  std::string text = "don't know: " + (a.reason.empty() ? std::string("no engine found an answer") : a.reason);
  if (!a.tried.empty()) text += " (tried: " + a.tried.front() + (a.tried.size() > 1 ? ", ..." : "") + ")";
  return text;
}

bool same_property(const PropertyStatus& p, const Counterexample& c) {
  return p.description == c.violation && p.loc.line == c.violation_loc.line && p.loc.column == c.violation_loc.column;
}

/// One result per property instance, the counterexample's with its code flow.
json results_of(const Answer& a) {
  json results = json::array();
  const std::optional<Counterexample>& cex = a.evidence.counterexample;
  const std::string question_rule = a.question == "all" ? "unreach-call" : a.question;
  if (cex) {
    json r = result(cex->property.empty() ? question_rule : cex->property, "error", cex->violation, cex->violation_loc,
                    a.file);
    r["codeFlows"] = json::array({code_flow(*cex, a.file)});
    results.push_back(r);
  }
  for (const PropertyStatus& p : a.evidence.properties) {
    switch (p.status) {
      case PropertyState::Violated:
        if (!cex || !same_property(p, *cex)) results.push_back(result(p.property, "error", p.description, p.loc, a.file));
        break;
      case PropertyState::Safe:
      case PropertyState::Unreachable: {
        std::string text = "proved: " + p.description + (p.status == PropertyState::Safe ? " never happens" : " is unreachable");
        if (a.evidence.proof) text += "; " + proof_text(*a.evidence.proof);
        results.push_back(result(p.property, "note", text, p.loc, a.file));
        break;
      }
      case PropertyState::Unknown:
        results.push_back(result(p.property, "warning", p.description + ": " + reason_text(a), p.loc, a.file));
        break;
    }
  }
  if (results.empty()) {  // an answer about the whole question
    const SourceLocation at = a.evidence.proof && !a.evidence.proof->items.empty() ? a.evidence.proof->items.front().loc
                                                                                  : SourceLocation{a.file, 0, 0};
    if (a.verdict == Verdict::Yes && a.evidence.proof)
      results.push_back(result(question_rule, "note", "proved for " + a.entry + ": " + proof_text(*a.evidence.proof), at,
                               a.file));
    else
      results.push_back(result(question_rule, "warning", reason_text(a), at, a.file));
  }
  return results;
}

}  // namespace

json answer_to_sarif(const Answer& a, const std::string& source) {
  json results = results_of(a);
  std::map<std::string, std::size_t> rule_index;
  json rules = json::array();
  for (json& r : results) {
    const std::string id = r["ruleId"];
    if (!rule_index.count(id)) {
      rule_index[id] = rules.size();
      rules.push_back({{"id", id}, {"shortDescription", message(rule_description(id))}});
    }
    r["ruleIndex"] = rule_index[id];
  }
  json driver{{"name", "verdict"}, {"version", VERDICT_VERSION}, {"rules", rules}};
  json artifact{{"location", {{"uri", a.file}}}, {"hashes", {{"sha-256", sha256_hex(source)}}}};
  json run{{"tool", {{"driver", driver}}},
           {"artifacts", json::array({artifact})},
           {"results", results},
           {"properties", {{"answer", to_string(a.verdict)}, {"question", a.question}, {"entry", a.entry}}}};
  return json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"},
              {"runs", json::array({run})}};
}

}  // namespace verdict::cli
