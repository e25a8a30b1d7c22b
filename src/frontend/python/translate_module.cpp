// The Python frontend's entry points: the file, its functions, the entry's parameters as
// inputs, and calls inlined on fresh variables (a bound on recursion). Also the small
// automaton-building steps the statement and expression translations share.
#include <fstream>
#include <sstream>

#include "frontend/python/ast_export.h"
#include "frontend/python/translator.h"
#include "support/invariant.h"
#include "verdict/errors.h"

namespace verdict::frontend::python {

namespace {

std::string type_of(const Json& e) { return e.is_object() ? e.value("_type", std::string("?")) : "?"; }

/// The type an annotation names ("int", "bool"), empty when none, "?" when another.
std::string annotation(const Json& a) {
  if (a.is_null()) return "";
  if (type_of(a) == "Name") return a["id"];
  if (type_of(a) == "Constant" && a["value"].is_string()) return a["value"];  // "int" as a string
  return "?";
}

}  // namespace

bool is_builtin_exception(const std::string& name) {
  static const std::set<std::string> names = {
      "Exception", "BaseException", "ArithmeticError", "AssertionError", "LookupError", "IndexError",
      "KeyError", "NotImplementedError", "OverflowError", "RecursionError", "RuntimeError", "TypeError",
      "ValueError", "ZeroDivisionError", "SystemError"};
  return names.count(name) > 0;
}

Translator::Translator(std::string file, std::string source, const Json& module, PythonFrontendOptions options)
    : file_(std::move(file)), source_(std::move(source)), module_(module), options_(std::move(options)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < source_.size(); ++i)
    if (source_[i] == '\n') line_starts_.push_back(i + 1);
}

SourceLocation Translator::loc(const Json& node) const {
  if (!node.is_object() || !node.contains("lineno")) return SourceLocation{file_, 0, 0};
  return SourceLocation{file_, node["lineno"].get<unsigned>(), node.value("col_offset", 0u) + 1};
}

std::string Translator::text(const Json& node) const {
  if (!node.contains("lineno") || !node.contains("end_lineno")) return "(expression)";
  const std::size_t l0 = node["lineno"].get<std::size_t>(), l1 = node["end_lineno"].get<std::size_t>();
  if (l0 == 0 || l1 > line_starts_.size() || l1 < l0) return "(expression)";
  const std::size_t b = line_starts_[l0 - 1] + node.value("col_offset", std::size_t{0});
  const std::size_t e = line_starts_[l1 - 1] + node.value("end_col_offset", std::size_t{0});
  if (e > source_.size() || e < b) return "(expression)";
  std::string out;
  for (char c : source_.substr(b, e - b)) {  // one line: continuation lines joined
    if (c == '\n' || c == '\r') c = ' ';
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  }
  return out;
}

ir::LocId Translator::new_loc(const std::string& name, const SourceLocation& l, bool loop_head) {
  const ir::LocId id = p_.add_loc(frame().prefix + name + std::to_string(p_.locs.size()), l);
  p_.locs[id].loop_head = loop_head;
  return id;
}

void Translator::emit(ir::Stmt s) {
  if (cur_) pending_.push_back(std::move(s));
}

void Translator::flush() {
  if (!cur_ || pending_.empty()) return;
  const ir::LocId next = p_.add_loc("L" + std::to_string(p_.locs.size()), p_.locs[*cur_].loc);
  p_.add_edge(*cur_, next, std::move(pending_));
  pending_.clear();
  cur_ = next;
}

void Translator::jump(ir::LocId to) {
  if (!cur_) return;
  p_.add_edge(*cur_, to, std::move(pending_));
  pending_.clear();
  cur_.reset();
}

void Translator::start(ir::LocId at) {
  VERDICT_INVARIANT(pending_.empty() && !cur_, "a block starts while another is open");
  cur_ = at;
}

std::pair<ir::LocId, ir::LocId> Translator::branch(const ir::Term& cond) {
  const SourceLocation l = cur_ ? p_.locs[*cur_].loc : SourceLocation{};
  const ir::LocId t = p_.add_loc("then" + std::to_string(p_.locs.size()), l);
  const ir::LocId e = p_.add_loc("else" + std::to_string(p_.locs.size()), l);
  if (cur_) {
    flush();
    p_.add_edge(*cur_, t, {ir::Stmt::assume(cond)});
    p_.add_edge(*cur_, e, {ir::Stmt::assume(ir::mk_not(cond))});
    cur_.reset();
  }
  return {t, e};
}

ir::PropId Translator::exception_prop(ir::PropertyKind kind, const std::string& description,
                                      const SourceLocation& l, const std::string& exception) {
  const ir::PropId prop = p_.add_prop(kind, description, l);
  p_.props[prop].exception = exception;
  return prop;
}

void Translator::fail(ir::PropertyKind kind, const std::string& description, const SourceLocation& l,
                      const std::string& exception) {
  if (!cur_) return;
  const ir::PropId prop = exception_prop(kind, description, l, exception);
  emit(ir::Stmt::check(prop, ir::mk_false(), l));
  jump(p_.exit);
}

ir::VarId Translator::local(const std::string& name, const SourceLocation& l) {
  Frame& f = frame();
  const auto it = f.vars.find(name);
  if (it != f.vars.end()) return it->second;
  const ir::VarId v = p_.add_var(ir::Variable{f.prefix + name, ir::Sort::integer(), name, "int", true, l});
  f.vars.emplace(name, v);
  return v;
}

ir::VarId Translator::temp(const std::string& hint) {
  // Named for a reader (ranking functions may use them: `i_stop - i_next`), unique by a suffix.
  const std::size_t n = temp_names_[hint]++;
  return p_.add_var(ir::Variable{hint + (n == 0 ? "" : "_" + std::to_string(n)), ir::Sort::integer(), "", "int",
                                 true, {}});
}

void Translator::index_module() {
  for (const Json& s : module_["body"]) {
    if (type_of(s) == "FunctionDef") {
      functions_[s["name"].get<std::string>()] = &s;
      continue;
    }
    const Json one = Json::array({s});
    bound_names(one, rebound_);
  }
  for (const auto& [name, def] : functions_) rebound_.erase(name);
  // A name bound both by a def and otherwise at module level: which one a call finds
  // depends on the order of execution; such calls are not modelled.
  for (const Json& s : module_["body"]) {
    if (type_of(s) == "FunctionDef") continue;
    std::set<std::string> names;
    bound_names(Json::array({s}), names);
    for (const std::string& n : names)
      if (functions_.count(n)) rebound_.insert(n);
  }
}

Translator::Frame Translator::new_frame(const Json& def) {
  Frame f;
  f.function = def["name"];
  f.prefix = f.function + (instances_ == 0 ? "" : "#" + std::to_string(instances_)) + ".";
  ++instances_;
  for (const Json& a : def["args"]["args"]) f.locals.insert(a["arg"].get<std::string>());
  bound_names(def["body"], f.locals);
  return f;
}

void Translator::translate_entry(const Json& def) {
  const SourceLocation l = loc(def);
  const Json& params = def["args"];
  if (!def["decorator_list"].empty()) throw Unsupported(l, "a decorated entry function");
  if (!params["vararg"].is_null() || !params["kwarg"].is_null()) throw Unsupported(l, "an entry with *args or **kwargs");
  if (!params["kwonlyargs"].empty() || !params["posonlyargs"].empty())
    throw Unsupported(l, "an entry with keyword-only or positional-only parameters");
  frames_.push_back(new_frame(def));
  frame().ret = p_.exit;
  start(p_.init);
  for (const Json& a : params["args"]) {
    const std::string name = a["arg"], type = annotation(a["annotation"]);
    if (!type.empty() && type != "int" && type != "bool")
      throw Unsupported(loc(a), "the parameter " + name + " annotated as other than int or bool");
    const ir::VarId v = local(name, loc(a));
    p_.vars[v].type_name = type == "bool" ? "bool" : "int";
    emit(ir::Stmt::havoc(v, "parameter " + name, loc(a)));
    if (type == "bool")
      emit(ir::Stmt::assume(ir::mk_and(ir::mk_binary(ir::Op::Le, ir::mk_int(0), p_.var_term(v)),
                                       ir::mk_binary(ir::Op::Le, p_.var_term(v), ir::mk_int(1)))));
    frame().assigned.insert(name);
  }
  block(def["body"]);
  jump(p_.exit);
  frames_.pop_back();
}

ir::Term Translator::call_function(const Json& call, const Json& def, bool value_used) {
  const SourceLocation l = loc(call);
  const std::string name = def["name"];
  const auto depth = std::count_if(frames_.begin(), frames_.end(), [&](const Frame& f) { return f.function == name; });
  // Arguments in order (positional, then keywords), each evaluated in the caller's frame.
  const Json& formals = def["args"]["args"];
  const Json& defaults = def["args"]["defaults"];
  std::map<std::string, ir::Term> actual;
  for (std::size_t i = 0; i < call["args"].size(); ++i)
    actual[formals[i]["arg"].get<std::string>()] = as_int(expr(call["args"][i]));
  for (const Json& k : call["keywords"]) actual[k["arg"].get<std::string>()] = as_int(expr(k["value"]));
  if (static_cast<unsigned>(depth) >= options_.recursion_bound) {
    fail(ir::PropertyKind::BoundReached,
         "recursion bound: " + name + " called within " + std::to_string(depth) + " calls of itself", l);
    return ir::mk_int(0);
  }
  Frame f = new_frame(def);
  f.value_used = value_used;
  const ir::VarId result = temp(name + "_result");
  f.result = result;
  frames_.push_back(std::move(f));
  const ir::LocId ret = p_.add_loc("return_from_" + name + std::to_string(p_.locs.size()), l);
  frame().ret = ret;
  const std::size_t first_default = formals.size() - defaults.size();
  for (std::size_t i = 0; i < formals.size(); ++i) {
    const std::string pname = formals[i]["arg"];
    const auto it = actual.find(pname);
    set_var(pname, it != actual.end() ? it->second : ir::mk_int(*int_constant(defaults[i - first_default])), l);
  }
  block(def["body"]);
  if (cur_ && value_used)  // falling off the end returns None
    fail(ir::PropertyKind::Unsupported, "None (the return value of " + name + ") used as a value",
         SourceLocation{file_, def.value("end_lineno", 0u), 0});
  jump(ret);
  frames_.pop_back();
  // The call returns if some path reaches its end.
  if (p_.edges.end() != std::find_if(p_.edges.begin(), p_.edges.end(), [&](const ir::Edge& e) { return e.to == ret; }))
    start(ret);
  return p_.var_term(result);
}

ir::Program Translator::run() {
  index_module();
  const Json* def = function(options_.entry);
  if (!def) {
    const auto it = functions_.find(options_.entry);
    if (it == functions_.end())
      throw InputError(SourceLocation{file_, 0, 0}, "no function '" + options_.entry + "' is defined in this file");
    throw Unsupported(loc(*it->second), "the entry " + options_.entry + " is also bound by other module-level code");
  }
  p_.file = file_;
  p_.entry = options_.entry;
  p_.language = "Python";
  p_.init = p_.add_loc("entry", loc(*def));
  p_.exit = p_.add_loc("exit", SourceLocation{file_, def->value("end_lineno", 0u), 0});
  p_.assumptions = {"Python integers are unbounded (mathematical integers); bool values are the integers 0 and 1",
                    "the entry's parameters are ints (or bools, when annotated so) of arbitrary value",
                    "only the entry function and the functions of this file it calls are analysed; module-level "
                    "code is not run",
                    "a loop `for i in range(...)` has hidden variables i_next, i_stop and i_step (the next value "
                    "range yields, its stop and its step), which proofs may mention"};
  translate_entry(*def);
  return std::move(p_);
}

ir::Program translate_file(const std::string& path, const PythonFrontendOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read '" + path + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string source = ss.str();
  const AstExport tree = export_ast(source, path);
  if (!tree.ok) throw InputError(SourceLocation{path, tree.line, tree.column}, "syntax error: " + tree.message);
  Translator t(path, source, tree.module, options);
  return t.run();
}

}  // namespace verdict::frontend::python
