// The Python subset: which expressions the translator models, and which of them add no
// statement when evaluated. Everything else is reported, with its node, as unmodelled.
#include <charconv>

#include "frontend/python/translator.h"

namespace verdict::frontend::python {

namespace {

const std::set<std::string> kArithmetic = {"Add", "Sub", "Mult", "FloorDiv", "Mod", "Pow"};
const std::set<std::string> kComparisons = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE"};
const std::set<std::string> kPureBuiltins = {"abs", "min", "max", "int", "bool"};
constexpr std::int64_t kMaxExponent = 64;

std::string type_of(const Json& e) { return e.is_object() ? e.value("_type", std::string("?")) : "?"; }

/// How a node outside the subset is named in the answer.
std::string construct_name(const Json& e) {
  static const std::map<std::string, std::string> names = {
      {"Attribute", "attribute access"}, {"Subscript", "subscript"}, {"List", "list"}, {"Tuple", "tuple"},
      {"Dict", "dict"}, {"Set", "set"}, {"ListComp", "list comprehension"}, {"SetComp", "set comprehension"},
      {"DictComp", "dict comprehension"}, {"GeneratorExp", "generator expression"}, {"Lambda", "lambda"},
      {"JoinedStr", "f-string"}, {"NamedExpr", "assignment expression (:=)"}, {"Await", "await"},
      {"Yield", "yield"}, {"YieldFrom", "yield from"}, {"Starred", "starred expression"}, {"Slice", "slice"}};
  const std::string t = type_of(e);
  const auto it = names.find(t);
  return it != names.end() ? it->second : "the Python construct " + t;
}

std::string op_text(const std::string& op) {
  static const std::map<std::string, std::string> ops = {
      {"Div", "true division / (a float)"}, {"MatMult", "operator @"}, {"LShift", "operator <<"},
      {"RShift", "operator >>"}, {"BitOr", "operator |"}, {"BitXor", "operator ^"}, {"BitAnd", "operator &"},
      {"Is", "operator is"}, {"IsNot", "operator is not"}, {"In", "operator in"}, {"NotIn", "operator not in"}};
  const auto it = ops.find(op);
  return it != ops.end() ? it->second : "operator " + op;
}

std::string constant_kind(const Json& v) {
  if (v.is_null()) return "None";
  if (v.is_string()) return "string constant";
  if (v.is_object()) {
    const std::string t = type_of(v);
    if (t == "value:float") return "float constant";
    if (t == "value:complex") return "complex constant";
    if (t == "value:bytes") return "bytes constant";
    if (t == "int") return "integer constant beyond 64 bits";
  }
  return "constant " + v.dump();
}

}  // namespace

std::optional<std::int64_t> int_constant(const Json& e) {
  if (type_of(e) == "UnaryOp" && type_of(e["op"]) == "USub") {
    const auto v = int_constant(e["operand"]);
    if (v && *v != INT64_MIN) return -*v;
    return std::nullopt;
  }
  if (type_of(e) != "Constant") return std::nullopt;
  const Json& v = e["value"];
  if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
  if (type_of(v) != "int") return std::nullopt;
  const std::string digits = v["value"].get<std::string>();
  std::int64_t out = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return out;
}

bool nonzero_constant(const Json& e) {
  const auto v = int_constant(e);
  return v && *v != 0;
}

const Json* Translator::function(const std::string& name) const {
  if (rebound_.count(name)) return nullptr;
  const auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : it->second;
}

std::optional<Unmodelled> Translator::unmodelled_call(const Json& e) const {
  const Json& f = e["func"];
  if (type_of(f) != "Name") return Unmodelled{"call of " + construct_name(f), &e};
  const std::string name = f["id"];
  const Json& args = e["args"];
  const Json& keywords = e["keywords"];
  for (const Json& a : args)
    if (type_of(a) == "Starred") return Unmodelled{"call with *arguments", &e};
  for (const Json& k : keywords)
    if (k["arg"].is_null()) return Unmodelled{"call with **arguments", &e};
  if (frame().locals.count(name)) return Unmodelled{"call of the local variable " + name, &e};
  const Json* def = function(name);
  if (!def && (name == "isinstance")) {
    if (args.size() != 2 || !keywords.empty()) return Unmodelled{"isinstance with other than two arguments", &e};
    const Json& types = args[1];
    const auto int_type = [](const Json& t) { return type_of(t) == "Name" && t["id"] == "int"; };
    bool ok = int_type(types);
    if (type_of(types) == "Tuple") {
      for (const Json& t : types["elts"]) ok = ok || int_type(t);
    }
    if (!ok) return Unmodelled{"isinstance with a type other than int", &e};
    return unmodelled(args[0]);
  }
  if (!def && (kPureBuiltins.count(name) || name == "pow")) {
    if (!keywords.empty()) return Unmodelled{"call of " + name + " with keyword arguments", &e};
    const std::size_t n = args.size();
    const bool arity_ok = (name == "min" || name == "max") ? n >= 2 : name == "pow" ? n == 2 : n == 1;
    if (!arity_ok) return Unmodelled{"call of " + name + " with " + std::to_string(n) + " arguments", &e};
    if (name == "pow") {
      const auto k = int_constant(args[1]);
      if (!k) return Unmodelled{"pow with a non-constant exponent", &e};
      if (*k < 0) return Unmodelled{"pow with a negative exponent (a float)", &e};
      if (*k > kMaxExponent) return Unmodelled{"pow with an exponent above 64", &e};
    }
    for (const Json& a : args)
      if (auto u = unmodelled(a)) return u;
    return std::nullopt;
  }
  if (!def) return Unmodelled{"call of " + name + " (not a function of this file)", &e};
  const Json& params = (*def)["args"];
  if (!params["vararg"].is_null() || !params["kwarg"].is_null() || !params["kwonlyargs"].empty() ||
      !params["posonlyargs"].empty())
    return Unmodelled{"call of " + name + ", which has *args, **kwargs, keyword-only or positional-only parameters", &e};
  if (!(*def)["decorator_list"].empty()) return Unmodelled{"call of the decorated function " + name, &e};
  const Json& formals = params["args"];
  const Json& defaults = params["defaults"];
  if (args.size() > formals.size()) return Unmodelled{"call of " + name + " with too many arguments (TypeError)", &e};
  std::set<std::string> given;
  for (std::size_t i = 0; i < args.size(); ++i) given.insert(formals[i]["arg"].get<std::string>());
  for (const Json& k : keywords) {
    const std::string arg = k["arg"];
    bool known = false;
    for (const Json& f2 : formals) known = known || f2["arg"] == arg;
    if (!known || !given.insert(arg).second)
      return Unmodelled{"call of " + name + " with a bad keyword argument " + arg + " (TypeError)", &e};
    if (auto u = unmodelled(k["value"])) return u;
  }
  const std::size_t first_default = formals.size() - defaults.size();
  for (std::size_t i = 0; i < formals.size(); ++i) {
    if (given.count(formals[i]["arg"].get<std::string>())) continue;
    if (i < first_default) return Unmodelled{"call of " + name + " with a missing argument (TypeError)", &e};
    if (!int_constant(defaults[i - first_default]))
      return Unmodelled{"call of " + name + " using a default value that is not an integer constant", &e};
  }
  for (const Json& a : args)
    if (auto u = unmodelled(a)) return u;
  return std::nullopt;
}

std::optional<Unmodelled> Translator::unmodelled(const Json& e) const {
  const std::string t = type_of(e);
  if (t == "Constant") {
    const Json& v = e["value"];
    if (v.is_boolean() || int_constant(e)) return std::nullopt;
    return Unmodelled{constant_kind(v), &e};
  }
  if (t == "Name") {
    const std::string id = e["id"];
    if (!frame().locals.count(id)) {
      if (function(id)) return Unmodelled{"the function object " + id + " used as a value", &e};
      return Unmodelled{"the global or builtin name " + id, &e};
    }
    if (!frame().assigned.count(id))
      return Unmodelled{"a read of " + id + ", which may be unassigned here (UnboundLocalError)", &e};
    return std::nullopt;
  }
  if (t == "UnaryOp") {
    const std::string op = type_of(e["op"]);
    if (op != "USub" && op != "UAdd" && op != "Not" && op != "Invert") return Unmodelled{op_text(op), &e};
    return unmodelled(e["operand"]);
  }
  if (t == "BinOp") {
    const std::string op = type_of(e["op"]);
    if (!kArithmetic.count(op)) return Unmodelled{op_text(op), &e};
    if (op == "Pow") {
      const auto k = int_constant(e["right"]);
      if (!k) return Unmodelled{"** with a non-constant exponent", &e};
      if (*k < 0) return Unmodelled{"** with a negative exponent (a float)", &e};
      if (*k > kMaxExponent) return Unmodelled{"** with an exponent above 64", &e};
      return unmodelled(e["left"]);
    }
    if (auto u = unmodelled(e["left"])) return u;
    return unmodelled(e["right"]);
  }
  if (t == "BoolOp") {
    for (const Json& v : e["values"])
      if (auto u = unmodelled(v)) return u;
    return std::nullopt;
  }
  if (t == "Compare") {
    for (const Json& op : e["ops"])
      if (!kComparisons.count(type_of(op))) return Unmodelled{op_text(type_of(op)), &e};
    if (auto u = unmodelled(e["left"])) return u;
    for (const Json& c : e["comparators"])
      if (auto u = unmodelled(c)) return u;
    return std::nullopt;
  }
  if (t == "IfExp") {
    for (const char* k : {"test", "body", "orelse"})
      if (auto u = unmodelled(e[k])) return u;
    return std::nullopt;
  }
  if (t == "Call") return unmodelled_call(e);
  return Unmodelled{construct_name(e), &e};
}

bool Translator::pure(const Json& e) const {
  const std::string t = type_of(e);
  if (t == "Constant" || t == "Name") return true;
  if (t == "UnaryOp") return pure(e["operand"]);
  if (t == "BinOp") {
    const std::string op = type_of(e["op"]);
    if ((op == "FloorDiv" || op == "Mod") && !nonzero_constant(e["right"])) return false;
    return pure(e["left"]) && pure(e["right"]);
  }
  if (t == "BoolOp") {
    for (const Json& v : e["values"])
      if (!pure(v)) return false;
    return true;
  }
  if (t == "Compare") {
    if (!pure(e["left"])) return false;
    for (const Json& c : e["comparators"])
      if (!pure(c)) return false;
    return true;
  }
  if (t == "IfExp") return pure(e["test"]) && pure(e["body"]) && pure(e["orelse"]);
  if (t == "Call") {
    const std::string name = e["func"]["id"];
    if (function(name)) return false;
    for (const Json& a : e["args"])
      if (!pure(a)) return false;
    return true;
  }
  return false;
}

void bound_names(const Json& stmts, std::set<std::string>& out) {
  const std::function<void(const Json&)> target = [&](const Json& t) {
    const std::string k = type_of(t);
    if (k == "Name") out.insert(t["id"].get<std::string>());
    else if (k == "Tuple" || k == "List")
      for (const Json& x : t["elts"]) target(x);
    else if (k == "Starred") target(t["value"]);
  };
  for (const Json& s : stmts) {
    const std::string k = type_of(s);
    if (k == "Assign") {
      for (const Json& t : s["targets"]) target(t);
    } else if (k == "AugAssign" || k == "AnnAssign" || k == "For" || k == "AsyncFor") {
      target(s["target"]);
    } else if (k == "FunctionDef" || k == "AsyncFunctionDef" || k == "ClassDef") {
      out.insert(s["name"].get<std::string>());
    } else if (k == "Import" || k == "ImportFrom") {
      for (const Json& a : s["names"]) {
        const std::string n = a["asname"].is_string() ? a["asname"].get<std::string>() : a["name"].get<std::string>();
        out.insert(n.substr(0, n.find('.')));
      }
    } else if (k == "With" || k == "AsyncWith") {
      for (const Json& item : s["items"])
        if (!item["optional_vars"].is_null()) target(item["optional_vars"]);
    } else if (k == "Try" || k == "TryStar") {
      for (const Json& h : s["handlers"])
        if (h["name"].is_string()) out.insert(h["name"].get<std::string>());
    }
    for (const char* body : {"body", "orelse", "finalbody"})
      if (k != "FunctionDef" && k != "AsyncFunctionDef" && k != "ClassDef" && s.contains(body) && s[body].is_array())
        bound_names(s[body], out);
    if (k == "Try" || k == "TryStar")
      for (const Json& h : s["handlers"]) bound_names(h["body"], out);
    if (k == "Match")
      for (const Json& c : s["cases"]) bound_names(c["body"], out);
  }
}

}  // namespace verdict::frontend::python
