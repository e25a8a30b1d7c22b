#include "render.h"

#include <sstream>

namespace verdict::cli {

using nlohmann::json;

json loc_json(const SourceLocation& loc) {
  return json{{"file", loc.file}, {"line", loc.line}, {"column", loc.column}};
}

json counterexample_json(const Counterexample& c) {
  json inputs = json::array();
  for (const InputValue& in : c.inputs)
    inputs.push_back({{"origin", in.origin}, {"name", in.name}, {"value", in.value}, {"location", loc_json(in.loc)}});
  json trace = json::array();
  for (const TraceStep& s : c.trace) {
    json values = json::object();
    for (const NamedValue& v : s.values) values[v.name] = v.value;
    trace.push_back({{"location", loc_json(s.loc)}, {"action", s.action}, {"values", values}});
  }
  return json{{"property", c.property},      {"violation", c.violation},
              {"location", loc_json(c.violation_loc)}, {"inputs", inputs},
              {"trace", trace},              {"confirmations", c.confirmations},
              {"replay_test", c.replay_test}, {"call", c.call}};
}

namespace {

json proof_json(const Proof& p) {
  json items = json::array();
  for (const ProofItem& i : p.items)
    items.push_back({{"kind", i.kind}, {"location", loc_json(i.loc)}, {"text", i.text}});
  json loops = json::array();
  for (const LoopInvariant& l : p.loop_invariants)
    if (!l.expression.empty())
      loops.push_back({{"location", loc_json(l.loc)}, {"function", l.function}, {"expression", l.expression}});
  return json{{"method", p.method}, {"items", items}, {"checked_by", p.checked_by}, {"loop_invariants", loops}};
}

std::string verdict_headline(const Answer& a) {
  switch (a.verdict) {
    case Verdict::Yes: return "YES";
    case Verdict::No: return "NO";
    case Verdict::DontKnow: return "DON'T KNOW";
  }
  return "?";
}

void text_counterexample(std::ostringstream& os, const Counterexample& c) {
  os << "counterexample: " << c.violation;
  if (c.violation_loc.known()) os << " at " << c.violation_loc.str();
  os << "\n";
  if (!c.call.empty()) os << "  call: " << c.call << "\n";
  os << "  inputs:\n";
  if (c.inputs.empty()) os << "    (none)\n";
  for (const InputValue& in : c.inputs) {
    os << "    " << in.name << " = " << in.value;
    if (in.origin != in.name) os << "   (" << in.origin;
    if (in.loc.known()) os << (in.origin != in.name ? ", " : "   (") << in.loc.str();
    if (in.origin != in.name || in.loc.known()) os << ")";
    os << "\n";
  }
  os << "  trace:\n";
  for (const TraceStep& s : c.trace) {
    os << "    " << (s.loc.known() ? "line " + std::to_string(s.loc.line) : std::string("       ")) << ": "
       << s.action;
    for (const NamedValue& v : s.values) {
      const std::string shown = v.name + " = " + v.value;
      if (s.action.find(shown) == std::string::npos) os << "   " << shown;
    }
    os << "\n";
  }
  if (!c.confirmations.empty()) os << "  confirmations:\n";
  for (const std::string& conf : c.confirmations) os << "    - " << conf << "\n";
}

void text_proof(std::ostringstream& os, const Proof& p) {
  os << "proof: " << p.method << "\n";
  for (const ProofItem& i : p.items) {
    os << "  " << i.kind;
    if (i.loc.known()) os << " at " << i.loc.str();
    os << ": " << i.text << "\n";
  }
  for (const std::string& c : p.checked_by) os << "  checked: " << c << "\n";
}

}  // namespace

json answer_to_json(const Answer& a) {
  json props = json::array();
  for (const PropertyStatus& p : a.evidence.properties)
    props.push_back({{"property", p.property}, {"description", p.description},
                     {"location", loc_json(p.loc)}, {"status", to_string(p.status)}});
  json evidence = json::object();
  if (a.evidence.counterexample) evidence["counterexample"] = counterexample_json(*a.evidence.counterexample);
  if (a.evidence.proof) evidence["proof"] = proof_json(*a.evidence.proof);
  evidence["properties"] = props;
  evidence["notes"] = a.evidence.notes;
  json j{{"answer", to_string(a.verdict)}, {"question", a.question}, {"file", a.file},
         {"entry", a.entry},               {"engine", a.engine},     {"evidence", evidence},
         {"assumptions", a.assumptions},   {"time_ms", a.time_ms}};
  j["reason"] = a.reason;
  j["tried"] = a.tried;
  return j;
}

std::string answer_to_text(const Answer& a) {
  std::ostringstream os;
  const bool termination = a.question == "termination";
  if (termination)
    os << "question: does every execution of " << a.entry << " (" << a.file << ") terminate?\n";
  else
    os << "question: can " << (a.question == "all" ? "any property" : a.question) << " fail in " << a.entry << " ("
       << a.file << ")?\n";
  if (a.evidence.counterexample) text_counterexample(os, *a.evidence.counterexample);
  if (a.evidence.proof) text_proof(os, *a.evidence.proof);
  if (!a.evidence.properties.empty()) {
    os << "properties:\n";
    for (const PropertyStatus& p : a.evidence.properties)
      os << "  [" << to_string(p.status) << "] " << p.description << (p.loc.known() ? " at " + p.loc.str() : "") << "\n";
  }
  for (const std::string& n : a.evidence.notes) os << "note: " << n << "\n";
  if (a.verdict == Verdict::DontKnow) {
    os << "reason: " << (a.reason.empty() ? "no engine found an answer" : a.reason) << "\n";
    for (const std::string& t : a.tried) os << "  tried: " << t << "\n";
  }
  os << "assumptions:\n";
  for (const std::string& s : a.assumptions) os << "  - " << s << "\n";
  os << "time: " << static_cast<long long>(a.time_ms) << " ms" << (a.engine.empty() ? "" : ", engine: " + a.engine)
     << "\n";
  os << "answer: " << verdict_headline(a);
  switch (a.verdict) {
    case Verdict::Yes: os << (termination ? " (every execution terminates; proof above)" : " (no property can fail)"); break;
    case Verdict::No:
      os << (termination ? " (an execution never terminates; witness above)" : " (a property can fail; counterexample above)");
      break;
    case Verdict::DontKnow: break;
  }
  os << "\n";
  return os.str();
}

json error_to_json(const std::string& message, int exit_code) {
  return json{{"answer", nullptr}, {"error", message}, {"exit_code", exit_code}};
}

std::string counterexample_to_text(const Counterexample& c) {
  std::ostringstream os;
  text_counterexample(os, c);
  return os.str();
}

}  // namespace verdict::cli
