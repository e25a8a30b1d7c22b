// Python statements as locations and edges: assignments (also tuple and augmented),
// if/elif/else, while and for-in-range (with else, break, continue), return, assert,
// raise, and expression statements. A statement with a construct outside the subset is a
// failing Unsupported check where it is.
#include "frontend/python/translator.h"

#include <algorithm>

#include "support/invariant.h"

namespace verdict::frontend::python {

using ir::Op;
using ir::Term;

namespace {

std::string type_of(const Json& e) { return e.value("_type", std::string("?")); }

std::set<std::string> intersection(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.begin()));
  return out;
}

/// The expressions a statement evaluates (for the subset check); nullopt when the
/// statement itself is outside the subset, with its name.
std::optional<std::string> unmodelled_statement(const Json& s, std::vector<const Json*>& exprs) {
  const std::string k = type_of(s);
  const auto name_target = [](const Json& t) { return type_of(t) == "Name"; };
  if (k == "Assign") {
    for (const Json& t : s["targets"]) {
      if (type_of(t) == "Tuple") {
        for (const Json& x : t["elts"])
          if (!name_target(x)) return "assignment to " + type_of(x) + " inside a tuple";
        const Json& v = s["value"];
        if (type_of(v) != "Tuple" || v["elts"].size() != t["elts"].size() || s["targets"].size() != 1)
          return std::string("tuple assignment from other than a tuple of the same length");
        for (const Json& x : v["elts"]) exprs.push_back(&x);
        return std::nullopt;
      }
      if (!name_target(t)) return "assignment to " + (type_of(t) == "Subscript" ? std::string("a subscript")
                                                      : type_of(t) == "Attribute" ? std::string("an attribute")
                                                                                  : type_of(t));
    }
    exprs.push_back(&s["value"]);
    return std::nullopt;
  }
  if (k == "AugAssign") {
    if (!name_target(s["target"])) return std::string("augmented assignment to other than a variable");
    exprs.push_back(&s["target"]);
    exprs.push_back(&s["value"]);
    return std::nullopt;
  }
  if (k == "AnnAssign") {
    if (!name_target(s["target"])) return std::string("annotated assignment to other than a variable");
    if (!s["value"].is_null()) exprs.push_back(&s["value"]);
    return std::nullopt;
  }
  if (k == "If" || k == "While" || k == "Assert") {
    exprs.push_back(&s["test"]);
    return std::nullopt;
  }
  if (k == "Return") {
    if (!s["value"].is_null()) exprs.push_back(&s["value"]);
    return std::nullopt;
  }
  if (k == "Expr" || k == "Pass" || k == "Break" || k == "Continue" || k == "For" || k == "Raise")
    return std::nullopt;  // checked where translated
  static const std::map<std::string, std::string> names = {
      {"Try", "try statement"}, {"TryStar", "try statement"}, {"With", "with statement"},
      {"AsyncWith", "async with statement"}, {"AsyncFor", "async for statement"},
      {"FunctionDef", "nested function definition"}, {"AsyncFunctionDef", "nested function definition"},
      {"ClassDef", "class definition"}, {"Import", "import"}, {"ImportFrom", "import"},
      {"Global", "global statement"}, {"Nonlocal", "nonlocal statement"}, {"Delete", "del statement"},
      {"Match", "match statement"}};
  const auto it = names.find(k);
  return it != names.end() ? it->second : "the Python statement " + k;
}

}  // namespace

void Translator::block(const Json& stmts) {
  for (const Json& s : stmts) {
    if (!cur_) return;  // after return, break, continue or raise: not reachable
    stmt(s);
  }
}

void Translator::stmt(const Json& s) {
  std::vector<const Json*> exprs;
  if (auto what = unmodelled_statement(s, exprs)) return fail(ir::PropertyKind::Unsupported, *what, loc(s));
  for (const Json* e : exprs)
    if (auto u = unmodelled(*e)) return fail(ir::PropertyKind::Unsupported, u->what, loc(*u->node));
  const std::string k = type_of(s);
  if (k == "Assign" || k == "AnnAssign") return assign(s);
  if (k == "AugAssign") return aug_assign(s);
  if (k == "If") return if_stmt(s);
  if (k == "While") return while_stmt(s);
  if (k == "For") return for_stmt(s);
  if (k == "Return") return return_stmt(s);
  if (k == "Raise") return raise_stmt(s);
  if (k == "Expr") return expr_stmt(s);
  if (k == "Break" || k == "Continue") return loop_exit(s, k == "Break");
  if (k == "Assert") {
    const Term c = truthy(expr(s["test"]));
    const ir::PropId prop = exception_prop(ir::PropertyKind::Assertion,
                                           "assertion " + text(s["test"]) + " (AssertionError)", loc(s),
                                           "AssertionError");
    return emit(ir::Stmt::check(prop, c, loc(s)));
  }
  VERDICT_INVARIANT(k == "Pass", "statement outside the checked subset: " + k);
}

void Translator::set_var(const std::string& name, const Term& value, const SourceLocation& l) {
  emit(ir::Stmt::assign(local(name, l), as_int(value), l));
  frame().assigned.insert(name);
}

void Translator::assign(const Json& s) {
  const SourceLocation l = loc(s);
  if (type_of(s) == "AnnAssign") {
    if (s["value"].is_null()) return;  // a declaration only
    return set_var(s["target"]["id"], expr(s["value"]), l);
  }
  const Json& targets = s["targets"];
  if (type_of(targets[0]) == "Tuple") {  // a, b = b, a % b: every value before any assignment
    std::vector<Term> values;
    for (const Json& v : s["value"]["elts"]) {
      const Term t = as_int(expr(v));
      if (t.is_const()) {
        values.push_back(t);
        continue;
      }
      const ir::VarId tmp = temp("tuple");
      emit(ir::Stmt::assign(tmp, t, l));
      values.push_back(p_.var_term(tmp));
    }
    const Json& names = targets[0]["elts"];
    for (std::size_t i = 0; i < names.size(); ++i) set_var(names[i]["id"], values[i], l);
    return;
  }
  Term value = as_int(expr(s["value"]));
  if (targets.size() > 1 && !value.is_const()) {  // a = b = e: e once
    const ir::VarId tmp = temp("value");
    emit(ir::Stmt::assign(tmp, value, l));
    value = p_.var_term(tmp);
  }
  for (const Json& t : targets) set_var(t["id"], value, l);
}

void Translator::aug_assign(const Json& s) {
  const std::string op = type_of(s["op"]);
  const Term old = expr(s["target"]);
  Term r;
  if (op == "Pow") r = power(old, s["value"]);
  else r = arith(op, old, expr(s["value"]), s);
  set_var(s["target"]["id"], r, loc(s));
}

void Translator::if_stmt(const Json& s) {
  const Term c = truthy(expr(s["test"]));
  const auto [t, e] = branch(c);
  const std::set<std::string> before = frame().assigned;
  const ir::LocId join = new_loc("endif", loc(s));
  start(t);
  block(s["body"]);
  const bool then_live = cur_.has_value();
  const std::set<std::string> after_then = frame().assigned;
  jump(join);
  frame().assigned = before;
  start(e);
  block(s["orelse"]);
  const bool else_live = cur_.has_value();
  jump(join);
  if (!then_live && !else_live) return;  // both paths left: what follows is not reachable
  if (then_live && else_live) frame().assigned = intersection(after_then, frame().assigned);
  else if (then_live) frame().assigned = after_then;
  start(join);
}

void Translator::while_stmt(const Json& s) {
  const ir::LocId head = new_loc("while", loc(s), true);
  const ir::LocId after = new_loc("endwhile", loc(s));
  jump(head);
  start(head);
  const std::set<std::string> before = frame().assigned;
  const Term c = truthy(expr(s["test"]));
  const auto [body, exit] = branch(c);
  frame().loops.push_back(Loop{head, after, {}});
  start(body);
  block(s["body"]);
  jump(head);
  Loop loop = std::move(frame().loops.back());
  frame().loops.pop_back();
  frame().assigned = before;
  start(exit);
  const bool can_exit = !c.is_true();
  block(s["orelse"]);
  std::optional<std::set<std::string>> assigned;
  if (can_exit && cur_) assigned = frame().assigned;
  jump(after);
  for (const auto& b : loop.break_assigned) assigned = assigned ? intersection(*assigned, b) : b;
  if (!assigned) return;  // the loop is never left
  frame().assigned = *assigned;
  start(after);
}

void Translator::for_stmt(const Json& s) {
  const SourceLocation l = loc(s);
  const Json& iter = s["iter"];
  const bool is_range = type_of(iter) == "Call" && type_of(iter["func"]) == "Name" && iter["func"]["id"] == "range" &&
                        !function("range") && !frame().locals.count("range");
  if (!is_range) return fail(ir::PropertyKind::Unsupported, "for loop over other than range(...)", l);
  const Json& args = iter["args"];
  if (args.empty() || args.size() > 3 || !iter["keywords"].empty())
    return fail(ir::PropertyKind::Unsupported, "range with " + std::to_string(args.size()) + " arguments", l);
  if (type_of(s["target"]) != "Name") return fail(ir::PropertyKind::Unsupported, "for loop target other than a variable", l);
  for (const Json& a : args) {
    if (type_of(a) == "Starred") return fail(ir::PropertyKind::Unsupported, "range with *arguments", l);
    if (auto u = unmodelled(a)) return fail(ir::PropertyKind::Unsupported, u->what, loc(*u->node));
  }
  std::vector<Term> v;
  for (const Json& a : args) v.push_back(as_int(expr(a)));
  const Term start_value = v.size() == 1 ? ir::mk_int(0) : v[0];
  const std::string target = s["target"]["id"];
  const auto snapshot = [&](const Term& t, const std::string& hint) {
    if (t.is_const()) return t;
    const ir::VarId tmp = temp(hint);
    emit(ir::Stmt::assign(tmp, t, l));
    return p_.var_term(tmp);
  };
  const Term stop = snapshot(v.size() == 1 ? v[0] : v[1], target + "_stop");
  const Term step = snapshot(v.size() == 3 ? v[2] : ir::mk_int(1), target + "_step");
  const ir::Term zero = ir::mk_int(0);
  if (!(step.op() == Op::IntConst && step.int_value() != 0)) {
    const ir::PropId prop = exception_prop(ir::PropertyKind::UncaughtException,
                                           "ValueError: range() arg 3 must not be zero in " + text(iter), loc(iter),
                                           "ValueError");
    emit(ir::Stmt::check(prop, ir::mk_not(ir::mk_eq(step, zero)), loc(iter)));
  }
  const ir::VarId it = temp(target + "_next");  // the next value range() yields
  emit(ir::Stmt::assign(it, start_value, l));
  const Term i = p_.var_term(it);
  Term cond;
  if (step.op() == Op::IntConst) {
    cond = step.int_value() > 0 ? ir::mk_binary(Op::Lt, i, stop) : ir::mk_binary(Op::Lt, stop, i);
  } else {
    cond = ir::mk_or(ir::mk_and(ir::mk_binary(Op::Lt, zero, step), ir::mk_binary(Op::Lt, i, stop)),
                     ir::mk_and(ir::mk_binary(Op::Lt, step, zero), ir::mk_binary(Op::Lt, stop, i)));
  }
  const ir::LocId head = new_loc("for", l, true);
  const ir::LocId after = new_loc("endfor", l);
  jump(head);
  start(head);
  const std::set<std::string> before = frame().assigned;
  const auto [body, exit] = branch(cond);
  frame().loops.push_back(Loop{head, after, {}});
  start(body);
  set_var(s["target"]["id"], i, l);
  emit(ir::Stmt::assign(it, ir::mk_binary(Op::Add, i, step), l));
  block(s["body"]);
  jump(head);
  Loop loop = std::move(frame().loops.back());
  frame().loops.pop_back();
  frame().assigned = before;
  start(exit);
  block(s["orelse"]);
  std::optional<std::set<std::string>> assigned;
  if (cur_) assigned = frame().assigned;
  jump(after);
  for (const auto& b : loop.break_assigned) assigned = assigned ? intersection(*assigned, b) : b;
  if (!assigned) return;
  frame().assigned = *assigned;
  start(after);
}

void Translator::loop_exit(const Json& s, bool is_break) {
  if (frame().loops.empty()) return fail(ir::PropertyKind::Unsupported, "break or continue outside a loop", loc(s));
  Loop& loop = frame().loops.back();
  if (is_break) loop.break_assigned.push_back(frame().assigned);
  jump(is_break ? loop.after : loop.head);
}

void Translator::return_stmt(const Json& s) {
  const SourceLocation l = loc(s);
  if (s["value"].is_null()) {
    if (frame().value_used)
      return fail(ir::PropertyKind::Unsupported, "None (the return value of " + frame().function + ") used as a value", l);
    return jump(frame().ret);
  }
  const Term v = as_int(expr(s["value"]));  // may inline calls: frames_ grows, so frame() is read again
  if (frame().result) emit(ir::Stmt::assign(*frame().result, v, l));
  jump(frame().ret);
}

void Translator::raise_stmt(const Json& s) {
  const SourceLocation l = loc(s);
  const Json& exc = s["exc"];
  if (exc.is_null()) return fail(ir::PropertyKind::Unsupported, "raise without an exception", l);
  if (!s["cause"].is_null()) return fail(ir::PropertyKind::Unsupported, "raise ... from", l);
  const Json& name = type_of(exc) == "Call" ? exc["func"] : exc;
  const bool builtin = type_of(name) == "Name" && is_builtin_exception(name["id"]) &&
                       !frame().locals.count(name["id"]) && !function(name["id"]) && !rebound_.count(name["id"]);
  if (!builtin) return fail(ir::PropertyKind::Unsupported, "raise of other than a builtin exception", l);
  if (type_of(exc) == "Call") {  // the arguments are evaluated first; strings are only messages
    if (!exc["keywords"].empty()) return fail(ir::PropertyKind::Unsupported, "exception with keyword arguments", l);
    for (const Json& a : exc["args"]) {
      if (type_of(a) == "Constant" && a["value"].is_string()) continue;
      if (auto u = unmodelled(a)) return fail(ir::PropertyKind::Unsupported, u->what, loc(*u->node));
      expr(a);
    }
  }
  fail(ir::PropertyKind::UncaughtException, "raise " + text(exc), l, name["id"]);
}

void Translator::expr_stmt(const Json& s) {
  const Json& e = s["value"];
  if (type_of(e) == "Constant" && e["value"].is_string()) return;  // a docstring
  const bool is_print = type_of(e) == "Call" && type_of(e["func"]) == "Name" && e["func"]["id"] == "print" &&
                        !function("print") && !frame().locals.count("print");
  if (is_print) {  // output is not modelled; its integer arguments are evaluated
    for (const Json& a : e["args"]) {
      if (type_of(a) == "Constant" && a["value"].is_string()) continue;
      if (auto u = unmodelled(a)) return fail(ir::PropertyKind::Unsupported, u->what, loc(*u->node));
    }
    if (!e["keywords"].empty()) return fail(ir::PropertyKind::Unsupported, "print with keyword arguments", loc(s));
    for (const Json& a : e["args"])
      if (!(type_of(a) == "Constant" && a["value"].is_string())) expr(a);
    return;
  }
  if (auto u = unmodelled(e)) return fail(ir::PropertyKind::Unsupported, u->what, loc(*u->node));
  if (type_of(e) == "Call") call(e, false);
  else expr(e);
}

}  // namespace verdict::frontend::python
