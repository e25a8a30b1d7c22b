#include "evidence/harness.h"

#include <cctype>
#include <map>
#include <optional>

#include "evidence/value_format.h"

namespace verdict::evidence {

namespace {

struct RecordedInput {
  const ir::Variable* var;
  ir::Value value;
};

/// Inputs of the run grouped by origin: "parameter x" -> x, nondet suffix -> values.
struct Inputs {
  std::map<std::string, RecordedInput> params;
  std::map<std::string, std::vector<RecordedInput>> nondet;
  std::string unsupported;  ///< an origin the harness cannot supply
};

// The source is scanned by hand, not with std::regex: libstdc++'s regex recurses once per
// character a quantifier consumes (GCC PR 86164), and a run of 200,000 spaces in a call
// crashed the analysis (signal 11).

const std::string kNondetPrefix = "__VERIFIER_nondet_";

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
std::size_t skip_space(const std::string& t, std::size_t i) {
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  return i;
}
std::size_t skip_word(const std::string& t, std::size_t i) {
  while (i < t.size() && is_word(t[i])) ++i;
  return i;
}

bool contains_word(const std::string& t, const std::string& word) {
  for (std::size_t at = t.find(word); at != std::string::npos; at = t.find(word, at + 1))
    if ((at == 0 || !is_word(t[at - 1])) && skip_word(t, at + word.size()) == at + word.size()) return true;
  return false;
}

/// A call or definition head in the source: `name (`, name a whole word.
struct CallHead {
  std::size_t name = 0;   ///< where the name starts
  std::size_t paren = 0;  ///< the '('
  std::string name_text;
};

/// The first `name (` at or after `from` whose name is `word` (or, with `prefix`, starts with
/// `word` followed by at least one more word character).
std::optional<CallHead> find_call_head(const std::string& t, const std::string& word, std::size_t from,
                                       bool prefix = false) {
  for (std::size_t at = t.find(word, from); at != std::string::npos; at = t.find(word, at + 1)) {
    if (at > 0 && is_word(t[at - 1])) continue;
    const std::size_t end = skip_word(t, at + word.size());
    if (prefix ? end == at + word.size() : end != at + word.size()) continue;
    const std::size_t paren = skip_space(t, end);
    if (paren < t.size() && t[paren] == '(') return CallHead{at, paren, t.substr(at, end - at)};
  }
  return std::nullopt;
}

/// The first definition head `fn ( params ) {` (params without parentheses): where `fn`
/// starts, and the parameter text.
std::optional<std::pair<std::size_t, std::string>> find_definition(const std::string& t, const std::string& fn) {
  std::size_t from = 0;
  while (const std::optional<CallHead> head = find_call_head(t, fn, from)) {
    from = head->name + 1;
    const std::size_t close = t.find_first_of("()", head->paren + 1);
    if (close == std::string::npos || t[close] != ')') continue;
    const std::size_t brace = skip_space(t, close + 1);
    if (brace < t.size() && t[brace] == '{')
      return std::make_pair(head->name, t.substr(head->paren + 1, close - head->paren - 1));
  }
  return std::nullopt;
}

Inputs collect_inputs(const ir::Program& p, const ir::Execution& ex) {
  Inputs in;
  for (const ir::ExecutedStmt& e : ex.steps) {
    const ir::Stmt& s = p.edges[e.edge].body[e.stmt];
    if (s.kind != ir::Stmt::Kind::Havoc) continue;
    RecordedInput r{&p.vars.at(s.var), *e.value};
    const std::size_t nondet = s.note.find(kNondetPrefix);
    const std::size_t suffix = nondet == std::string::npos ? nondet : nondet + kNondetPrefix.size();
    if (s.note.rfind("parameter ", 0) == 0) {
      in.params.emplace(s.note.substr(10), r);
    } else if (nondet != std::string::npos && skip_word(s.note, suffix) > suffix) {
      in.nondet[s.note.substr(suffix, skip_word(s.note, suffix) - suffix)].push_back(r);
    } else if (in.unsupported.empty()) {
      in.unsupported = s.note.empty() ? "an input of unknown origin" : s.note;
    }
  }
  return in;
}

std::optional<std::string> nondet_type(const std::string& suffix) {
  static const std::map<std::string, std::string> types = {
      {"int", "int"}, {"uint", "unsigned int"}, {"unsigned", "unsigned int"}, {"long", "long"},
      {"ulong", "unsigned long"}, {"longlong", "long long"}, {"ulonglong", "unsigned long long"},
      {"short", "short"}, {"ushort", "unsigned short"}, {"char", "char"}, {"uchar", "unsigned char"},
      {"schar", "signed char"}, {"bool", "_Bool"}, {"_Bool", "_Bool"}, {"size_t", "unsigned long"},
      {"loff_t", "long"}, {"u8", "unsigned char"}, {"u16", "unsigned short"}, {"u32", "unsigned int"},
      {"u64", "unsigned long long"}, {"s8", "signed char"}, {"s16", "short"}, {"s32", "int"},
      {"s64", "long long"}, {"pointer", "void*"}};
  auto it = types.find(suffix);
  if (it == types.end()) return std::nullopt;
  return it->second;
}

bool defines(const std::string& text, const std::string& fn) { return find_definition(text, fn).has_value(); }
bool mentions(const std::string& text, const std::string& fn) { return find_call_head(text, fn, 0).has_value(); }

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

const char* kPrelude = R"(#include <unistd.h>

__attribute__((no_instrument_function)) static void verdict_report(const char* m) {
  const char* e = m;
  while (*e) ++e;
  if (write(2, m, (unsigned long)(e - m)) < 0) _exit(3);
}
)";

std::string reach_error_detection(const std::string& text) {
  std::string s;
  if (defines(text, "reach_error")) {
    s += "extern void reach_error(void) __attribute__((weak));\n"
         "__attribute__((no_instrument_function)) void __cyg_profile_func_enter(void* fn, void* site) {\n"
         "  (void)site;\n"
         "  if ((void*)reach_error != 0 && fn == (void*)reach_error) {\n"
         "    verdict_report(\"VERDICT-REPLAY: reach_error() called\\n\");\n"
         "    _exit(" + std::to_string(kReachErrorExit) + ");\n  }\n}\n";
  } else {
    s += "__attribute__((no_instrument_function)) void __cyg_profile_func_enter(void* fn, void* site) {\n"
         "  (void)fn; (void)site;\n}\n";
  }
  s += "__attribute__((no_instrument_function)) void __cyg_profile_func_exit(void* fn, void* site) {\n"
       "  (void)fn; (void)site;\n}\n";
  for (const char* fn : {"reach_error", "__VERIFIER_error"}) {
    if (mentions(text, fn) && !defines(text, fn))
      s += std::string("void ") + fn + "(void) {\n  verdict_report(\"VERDICT-REPLAY: " + fn +
           "() called\\n\");\n  _exit(" + std::to_string(kReachErrorExit) + ");\n}\n";
  }
  if (mentions(text, "__VERIFIER_assume") && !defines(text, "__VERIFIER_assume"))
    s += "void __VERIFIER_assume(int cond) {\n  if (!cond) {\n    verdict_report(\"VERDICT-REPLAY: assumption "
         "failed\\n\");\n    _exit(" + std::to_string(kAssumeFailedExit) + ");\n  }\n}\n";
  return s;
}

/// Definitions of the nondet functions the file uses but does not define.
std::string nondet_definitions(const std::string& text, const Inputs& in, std::string& skip) {
  std::map<std::string, bool> used;
  std::size_t from = 0;
  while (const std::optional<CallHead> head = find_call_head(text, kNondetPrefix, from, true)) {
    used[head->name_text.substr(kNondetPrefix.size())] = true;
    from = head->paren + 1;
  }
  for (const auto& [suffix, values] : in.nondet) used[suffix] = true;
  std::string s;
  for (const auto& [suffix, _] : used) {
    const std::string fn = "__VERIFIER_nondet_" + suffix;
    if (defines(text, fn)) {
      if (in.nondet.count(suffix)) skip = "the file defines " + fn + " itself";
      continue;
    }
    auto type = nondet_type(suffix);
    if (!type) {
      skip = "no replay for " + fn + "()";
      continue;
    }
    std::string values;
    auto it = in.nondet.find(suffix);
    if (it != in.nondet.end())
      for (const RecordedInput& r : it->second) values += "  " + c_literal(r.value, r.var->is_signed, *type) + ",\n";
    if (values.empty()) values = "  0,\n";
    const std::string n = std::to_string(it == in.nondet.end() ? 0 : it->second.size());
    s += "static const " + *type + " verdict_" + suffix + "_values[] = {\n" + values + "};\n" + *type + " " + fn +
         "(void) {\n  static unsigned long next = 0;\n  return next < " + n + "UL ? verdict_" + suffix +
         "_values[next++] : 0;\n}\n";
  }
  return s;
}

/// A main calling the entry with the recorded parameters (entry != main).
std::string entry_call(const std::string& text, const std::string& entry, const Inputs& in, std::string& skip) {
  const auto definition = find_definition(text, entry);
  if (!definition) {
    skip = "the definition of " + entry + " was not found in the file";
    return "";
  }
  const std::string before = text.substr(0, definition->first);
  const auto decl_start = before.find_last_of(";}#");
  const std::string head = decl_start == std::string::npos ? before : before.substr(decl_start + 1);
  if (contains_word(head, "static")) {
    skip = entry + " is static";
    return "";
  }
  std::vector<std::string> types, args;
  std::string params = trim(definition->second);
  if (params == "void") params.clear();
  for (std::size_t start = 0; !params.empty() && start <= params.size();) {
    std::size_t comma = params.find(',', start);
    if (comma == std::string::npos) comma = params.size();
    const std::string p = trim(params.substr(start, comma - start));
    start = comma + 1;
    std::size_t name_start = p.size();  // the parameter's name: its last word
    while (name_start > 0 && is_word(p[name_start - 1])) --name_start;
    if (name_start == 0 || name_start == p.size() || p.find('[') != std::string::npos ||
        p.find("...") != std::string::npos) {
      skip = "parameter '" + p + "' of " + entry + " cannot be supplied";
      return "";
    }
    const std::string type = trim(p.substr(0, name_start)), name = p.substr(name_start);
    types.push_back(type);
    auto it = in.params.find(name);
    args.push_back(it == in.params.end() ? "(" + type + ")0" : c_literal(it->second.value, it->second.var->is_signed, type));
  }
  std::string sig, call;
  for (std::size_t i = 0; i < types.size(); ++i) {
    sig += (i ? ", " : "") + types[i];
    call += std::string(i ? ",\n      " : "\n      ") + args[i];
  }
  return "extern void " + entry + "();\n\nint main(void) {\n  ((void (*)(" + (sig.empty() ? "void" : sig) + "))" +
         entry + ")(" + call + ");\n  return 0;\n}\n";
}

}  // namespace

std::vector<std::string> replay_flags(ir::PropertyClass property_class) {
  if (property_class == ir::PropertyClass::NoOverflow)
    return {"-fsanitize=signed-integer-overflow,integer-divide-by-zero,shift", "-fno-sanitize-recover=all",
            "-finstrument-functions"};
  return {"-fwrapv", "-finstrument-functions"};
}

Harness make_harness(const ir::Program& program, const std::string& text, const ir::Execution& ex) {
  Harness h;
  const Inputs in = collect_inputs(program, ex);
  if (!in.unsupported.empty()) {
    h.skip_reason = "the input '" + in.unsupported + "' cannot be supplied to the compiled program";
    return h;
  }
  std::string body = reach_error_detection(text) + "\n" + nondet_definitions(text, in, h.skip_reason);
  if (program.entry != "main") {
    body += "\n" + entry_call(text, program.entry, in, h.skip_reason);
    if (defines(text, "main")) {
      h.compile_flags.push_back("-Dmain=verdict_original_main");
      body = "#undef main\n" + body;  // the flag is for the original file only
    }
  } else if (!in.params.empty()) {
    h.skip_reason = "main's parameters cannot be supplied";
  }
  std::string flags;
  const ir::PropertyClass cls = ex.outcome == ir::Execution::Outcome::Violated
                                    ? ir::property_class(program.props.at(ex.prop).kind)
                                    : ir::PropertyClass::NoOverflow;
  for (const std::string& f : replay_flags(cls)) flags += f + " ";
  for (const std::string& f : h.compile_flags) flags += f + " ";
  h.source = std::string("/* Replay test generated by verdict for ") + program.file + " (entry " + program.entry +
             "): it feeds the counterexample's inputs to the program.\n   Run: gcc -std=gnu11 -g " + flags +
             program.file + " verdict_replay.c -o replay && ./replay\n"
             "   (exit status " + std::to_string(kReachErrorExit) + ": reach_error() was called) */\n" +
             kPrelude + "\n" + body;
  return h;
}

}  // namespace verdict::evidence
