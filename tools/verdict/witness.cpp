#include "witness.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <set>

#include "c_source.h"
#include "sha256.h"

namespace verdict::cli {

namespace {

/// A random (version 4) UUID.
std::string uuid4() {
  std::random_device device;
  std::mt19937_64 random(device() ^ (static_cast<std::uint64_t>(device()) << 32));
  unsigned char b[16];
  for (unsigned char& x : b) x = static_cast<unsigned char>(random());
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
    s += hex[b[i] >> 4];
    s += hex[b[i] & 15];
  }
  return s;
}

std::string now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

bool is_integer_literal(const std::string& s) { return std::regex_match(s, std::regex("-?[0-9]+")); }

void emit_metadata(YAML::Emitter& out, const Answer& a, const std::string& source, const WitnessTask& task) {
  out << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "format_version" << YAML::Value << YAML::DoubleQuoted << "2.0";
  out << YAML::Key << "uuid" << YAML::Value << uuid4();
  out << YAML::Key << "creation_time" << YAML::Value << now_iso8601();
  out << YAML::Key << "producer" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << "verdict";
  out << YAML::Key << "version" << YAML::Value << YAML::DoubleQuoted << VERDICT_VERSION;
  if (!a.engine.empty()) out << YAML::Key << "configuration" << YAML::Value << a.engine;
  out << YAML::EndMap;
  out << YAML::Key << "task" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "input_files" << YAML::Value << YAML::BeginSeq << a.file << YAML::EndSeq;
  out << YAML::Key << "input_file_hashes" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << a.file << YAML::Value << sha256_hex(source);
  out << YAML::EndMap;
  out << YAML::Key << "specification" << YAML::Value << task.specification;
  out << YAML::Key << "data_model" << YAML::Value << (task.data_model == DataModel::ILP32 ? "ILP32" : "LP64");
  out << YAML::Key << "language" << YAML::Value << "C";
  out << YAML::EndMap;
  out << YAML::EndMap;
}

void emit_location(YAML::Emitter& out, const std::string& file, const CToken& at, const std::optional<std::string>& function) {
  out << YAML::Key << "location" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "file_name" << YAML::Value << file;
  out << YAML::Key << "line" << YAML::Value << at.line;
  out << YAML::Key << "column" << YAML::Value << at.column;
  if (function) out << YAML::Key << "function" << YAML::Value << *function;
  out << YAML::EndMap;
}

/// One waypoint of a violation witness (action follow).
struct Waypoint {
  std::string type;  ///< assumption, function_return, target
  CToken at;
  std::string constraint;  ///< empty for target
  std::string format;      ///< c_expression or acsl_expression
};

/// The counterexample's inputs as waypoints: the entry's parameters as one assumption
/// before the entry's first statement, each nondet call's value as a function_return at
/// the call's closing parenthesis. Inputs that cannot be placed are left out.
std::vector<Waypoint> input_waypoints(const Counterexample& c, const Answer& a, const CSource& src) {
  std::vector<Waypoint> points;
  std::string parameters;
  for (const InputValue& in : c.inputs)
    if (in.origin.rfind("parameter ", 0) == 0 && is_integer_literal(in.value))
      parameters += (parameters.empty() ? "" : " && ") + in.name + " == " + in.value;
  const std::optional<CToken> body = src.first_statement_of(a.entry);
  if (!parameters.empty() && body) points.push_back({"assumption", *body, parameters, "c_expression"});
  for (const InputValue& in : c.inputs) {
    const std::size_t paren = in.origin.find('(');
    if (paren == std::string::npos || in.origin.rfind("parameter ", 0) == 0 || !is_integer_literal(in.value) ||
        in.loc.file != a.file || !in.loc.known())
      continue;
    const std::string callee = in.origin.substr(0, paren);
    const std::optional<CToken> close = src.call_close_paren(in.loc.line, in.loc.column);
    const bool callee_there = std::any_of(src.tokens().begin(), src.tokens().end(), [&](const CToken& t) {
      return t.line == in.loc.line && t.column == in.loc.column && t.text == callee;
    });
    if (close && callee_there) points.push_back({"function_return", *close, "\\result == " + in.value, "acsl_expression"});
  }
  return points;
}

Witness violation_witness(const Answer& a, const std::string& source, const WitnessTask& task) {
  const Counterexample& c = *a.evidence.counterexample;
  const CSource src(source);
  if (c.violation_loc.file != a.file || !c.violation_loc.known())
    return {"", "the violation's location is not in " + a.file};
  const std::optional<CToken> target = src.statement_start(c.violation_loc.line, c.violation_loc.column);
  if (!target) return {"", "no statement found at the violation's location " + c.violation_loc.str()};
  std::vector<Waypoint> points = input_waypoints(c, a, src);
  // An assumption where the target is would be passed at the same point: left out.
  std::erase_if(points, [&](const Waypoint& w) { return w.at.line == target->line && w.at.column == target->column; });
  points.push_back({"target", *target, "", ""});

  YAML::Emitter out;
  out << YAML::BeginSeq << YAML::BeginMap;
  out << YAML::Key << "entry_type" << YAML::Value << "violation_sequence";
  emit_metadata(out, a, source, task);
  out << YAML::Key << "content" << YAML::Value << YAML::BeginSeq;
  for (const Waypoint& w : points) {
    out << YAML::BeginMap << YAML::Key << "segment" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
    out << YAML::Key << "waypoint" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "type" << YAML::Value << w.type;
    out << YAML::Key << "action" << YAML::Value << "follow";
    if (!w.constraint.empty()) {
      out << YAML::Key << "constraint" << YAML::Value << YAML::BeginMap;
      out << YAML::Key << "value" << YAML::Value << YAML::DoubleQuoted << w.constraint;
      out << YAML::Key << "format" << YAML::Value << w.format;
      out << YAML::EndMap;
    }
    emit_location(out, a.file, w.at, src.function_at(w.at.line, w.at.column));
    out << YAML::EndMap << YAML::EndMap << YAML::EndSeq << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap << YAML::EndSeq;
  return {std::string(out.c_str()) + "\n", ""};
}

/// The loops' invariants by keyword: a loop gets one only when every loop head that maps
/// to its keyword has an expression and its function has no loop head without a position.
std::vector<std::pair<CToken, LoopInvariant>> placed_invariants(const Answer& a, const CSource& src) {
  struct Slot {
    CToken keyword;
    std::string function;
    std::vector<std::string> expressions;
    bool blocked = false;
  };
  std::map<std::pair<unsigned, unsigned>, Slot> slots;
  std::set<std::string> unplaced;  // functions with a loop head that cannot be placed
  for (const LoopInvariant& li : a.evidence.proof->loop_invariants) {
    if (!li.loc.known() || li.loc.file != a.file) {
      unplaced.insert(li.function);
      continue;
    }
    const std::optional<CToken> keyword = src.loop_keyword(li.loc.line, li.loc.column);
    if (!keyword) continue;  // not at a while or for header: a head of no loop that gets an invariant
    Slot& slot = slots[{keyword->line, keyword->column}];
    slot.keyword = *keyword;
    slot.function = li.function;
    if (li.expression.empty() || src.function_at(keyword->line, keyword->column) != li.function) slot.blocked = true;
    else if (std::find(slot.expressions.begin(), slot.expressions.end(), li.expression) == slot.expressions.end())
      slot.expressions.push_back(li.expression);
  }
  std::vector<std::pair<CToken, LoopInvariant>> placed;
  for (const auto& [position, slot] : slots) {
    if (slot.blocked || unplaced.count(slot.function) || slot.expressions.empty()) continue;
    std::string expression = slot.expressions.size() == 1 ? slot.expressions[0] : "";
    for (std::size_t i = 0; slot.expressions.size() > 1 && i < slot.expressions.size(); ++i)
      expression += (i ? " || (" : "(") + slot.expressions[i] + ")";
    placed.push_back({slot.keyword, LoopInvariant{{}, slot.function, expression}});
  }
  return placed;
}

Witness correctness_witness(const Answer& a, const std::string& source, const WitnessTask& task) {
  const CSource src(source);
  YAML::Emitter out;
  out << YAML::BeginSeq << YAML::BeginMap;
  out << YAML::Key << "entry_type" << YAML::Value << "invariant_set";
  emit_metadata(out, a, source, task);
  out << YAML::Key << "content" << YAML::Value << YAML::BeginSeq;
  for (const auto& [keyword, invariant] : placed_invariants(a, src)) {
    out << YAML::BeginMap << YAML::Key << "invariant" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "type" << YAML::Value << "loop_invariant";
    emit_location(out, a.file, keyword, invariant.function);
    out << YAML::Key << "value" << YAML::Value << YAML::DoubleQuoted << invariant.expression;
    out << YAML::Key << "format" << YAML::Value << "c_expression";
    out << YAML::EndMap << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap << YAML::EndSeq;
  return {std::string(out.c_str()) + "\n", ""};
}

}  // namespace

std::string svcomp_specification(const std::string& entry, const std::string& property_class) {
  const std::string ltl = property_class == "no-overflow" ? "G ! overflow" : "G ! call(reach_error())";
  return "CHECK( init(" + entry + "()), LTL(" + ltl + ") )";
}

Witness make_witness(const Answer& answer, const std::string& source, const WitnessTask& task) {
  if (answer.question == "termination") return {"", "termination witnesses are not written yet"};
  if (answer.file.size() >= 3 && answer.file.compare(answer.file.size() - 3, 3, ".py") == 0)
    return {"", "SV-COMP witnesses describe C programs"};
  if (answer.verdict == Verdict::No && answer.evidence.counterexample) return violation_witness(answer, source, task);
  if (answer.verdict == Verdict::Yes && answer.evidence.proof) return correctness_witness(answer, source, task);
  return {"", "the answer is don't know: there is nothing to witness"};
}

}  // namespace verdict::cli
