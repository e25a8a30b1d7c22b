#include "witness_reader.h"

#include <yaml-cpp/yaml.h>

#include "verdict/errors.h"

namespace verdict::cli {

namespace {

class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  SourceLocation at(const YAML::Node& n) const {
    const YAML::Mark m = n.Mark();
    if (m.is_null()) return SourceLocation{path_, 1, 1};
    return SourceLocation{path_, static_cast<unsigned>(m.line + 1), static_cast<unsigned>(m.column + 1)};
  }

  [[noreturn]] void fail(const YAML::Node& n, const std::string& what) const { throw InputError(at(n), what); }

  YAML::Node need(const YAML::Node& map, const char* key) const {
    if (!map.IsMap()) fail(map, "expected a mapping with '" + std::string(key) + "'");
    YAML::Node v = map[key];
    if (!v) fail(map, "missing '" + std::string(key) + "'");
    return v;
  }

  std::string text(const YAML::Node& n) const {
    if (!n.IsScalar()) fail(n, "expected a scalar value");
    return n.as<std::string>();
  }

  unsigned number(const YAML::Node& n) const {
    try {
      const long long v = n.as<long long>();
      if (v < 0) fail(n, "expected a non-negative number");
      return static_cast<unsigned>(v);
    } catch (const YAML::BadConversion&) {
      fail(n, "expected a number");
    }
  }

  WitnessPlace place(const YAML::Node& entry) const {
    const YAML::Node loc = need(entry, "location");
    WitnessPlace p;
    p.file_name = text(need(loc, "file_name"));
    p.line = number(need(loc, "line"));
    if (loc["column"]) p.column = number(loc["column"]);
    if (loc["function"] && loc["function"].IsScalar()) p.function = loc["function"].as<std::string>();
    return p;
  }

  void metadata(const YAML::Node& entry, WitnessDocument& doc) const {
    const YAML::Node m = entry["metadata"];
    if (!m || !m.IsMap()) return;
    if (m["format_version"] && m["format_version"].IsScalar()) doc.format_version = m["format_version"].as<std::string>();
    if (m["producer"] && m["producer"]["name"]) doc.producer = m["producer"]["name"].as<std::string>();
    const YAML::Node task = m["task"];
    if (!task || !task.IsMap()) return;
    if (task["specification"] && task["specification"].IsScalar()) doc.specification = task["specification"].as<std::string>();
    if (task["data_model"] && task["data_model"].IsScalar()) doc.data_model = task["data_model"].as<std::string>();
    if (task["input_file_hashes"] && task["input_file_hashes"].IsMap())
      for (const auto& kv : task["input_file_hashes"])
        doc.input_file_hashes[kv.first.as<std::string>()] = kv.second.as<std::string>();
  }

  void invariant_set(const YAML::Node& entry, WitnessDocument& doc) const {
    const YAML::Node content = need(entry, "content");
    if (!content.IsSequence()) fail(content, "'content' of an invariant_set must be a list");
    for (const YAML::Node& item : content) {
      const YAML::Node inv = need(item, "invariant");
      WitnessInvariant w;
      w.type = text(need(inv, "type"));
      w.origin = at(inv);
      if (w.type != "loop_invariant" && w.type != "location_invariant")
        fail(inv, "unsupported invariant type '" + w.type + "' (expected loop_invariant or location_invariant)");
      w.place = place(inv);
      w.value = text(need(inv, "value"));
      if (inv["format"] && text(inv["format"]) != "c_expression")
        fail(inv["format"], "unsupported invariant format '" + text(inv["format"]) + "' (expected c_expression)");
      doc.invariants.push_back(std::move(w));
    }
  }

  void violation_sequence(const YAML::Node& entry, WitnessDocument& doc) const {
    const YAML::Node content = need(entry, "content");
    if (!content.IsSequence()) fail(content, "'content' of a violation_sequence must be a list");
    for (const YAML::Node& item : content) {
      const YAML::Node segment = need(item, "segment");
      if (!segment.IsSequence()) fail(segment, "a segment must be a list of waypoints");
      for (const YAML::Node& wp : segment) {
        const YAML::Node w = need(wp, "waypoint");
        WitnessWaypoint p;
        p.origin = at(w);
        p.type = text(need(w, "type"));
        p.action = w["action"] ? text(w["action"]) : "follow";
        if (p.action != "follow" && p.action != "avoid") fail(w, "unknown action '" + p.action + "'");
        p.place = place(w);
        if (const YAML::Node c = w["constraint"]) {
          p.constraint = text(need(c, "value"));
          p.format = c["format"] ? text(c["format"]) : "c_expression";
        }
        doc.waypoints.push_back(std::move(p));
      }
    }
  }

 private:
  std::string path_;
};

}  // namespace

WitnessDocument read_witness(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    throw InputError("cannot read witness '" + path + "'");
  } catch (const YAML::ParserException& e) {
    throw InputError(SourceLocation{path, static_cast<unsigned>(e.mark.line + 1), static_cast<unsigned>(e.mark.column + 1)},
                     "not YAML: " + e.msg);
  }
  const Reader r(path);
  if (!root.IsSequence()) r.fail(root, "a witness is a list of entries");
  WitnessDocument doc;
  bool found = false;
  for (const YAML::Node& entry : root) {
    const std::string type = entry.IsMap() && entry["entry_type"] ? entry["entry_type"].as<std::string>() : "";
    if (type != "invariant_set" && type != "violation_sequence") continue;  // other entry types are not ours to read
    if (found) r.fail(entry, "more than one invariant_set or violation_sequence entry");
    found = true;
    r.metadata(entry, doc);
    doc.kind = type == "invariant_set" ? WitnessDocument::Kind::Correctness : WitnessDocument::Kind::Violation;
    if (doc.kind == WitnessDocument::Kind::Correctness) r.invariant_set(entry, doc);
    else r.violation_sequence(entry, doc);
  }
  if (!found) r.fail(root, "no invariant_set or violation_sequence entry (witness format 2.0)");
  return doc;
}

}  // namespace verdict::cli
