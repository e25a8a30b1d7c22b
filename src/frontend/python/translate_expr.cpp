// Python expressions as IR terms: integers of the Int sort, comparisons and `not` as
// booleans; floor division and modulo with a ZeroDivisionError check; `and`, `or` and
// conditional expressions short-circuit (with branches when an operand has effects).
#include "frontend/python/translator.h"

#include "support/invariant.h"

namespace verdict::frontend::python {

using ir::Op;
using ir::Term;

namespace {

std::string type_of(const Json& e) { return e.value("_type", std::string("?")); }

}  // namespace

Term as_int(const Term& t) {
  if (t.sort().is_int()) return t;
  return ir::mk_ite(t, ir::mk_int(1), ir::mk_int(0));
}

Term truthy(const Term& t) {
  if (t.sort().is_bool()) return t;
  return ir::mk_not(ir::mk_eq(t, ir::mk_int(0)));
}

Term Translator::select(const Term& cond, const std::function<Term()>& then_value,
                        const std::function<Term()>& else_value, bool is_pure) {
  if (is_pure) {
    Term a = then_value(), b = else_value();
    if (a.sort() != b.sort()) a = as_int(a), b = as_int(b);
    return ir::mk_ite(cond, a, b);
  }
  const ir::VarId out = temp("value");
  const auto [t, e] = branch(cond);
  const ir::LocId join = new_loc("join", {});
  start(t);
  const Term a = as_int(then_value());
  emit(ir::Stmt::assign(out, a));
  jump(join);
  start(e);
  const Term b = as_int(else_value());
  emit(ir::Stmt::assign(out, b));
  jump(join);
  start(join);
  return p_.var_term(out);
}

Term Translator::expr(const Json& e) {
  const std::string t = type_of(e);
  if (t == "Constant") {
    if (e["value"].is_boolean()) return ir::mk_bool(e["value"].get<bool>());
    return ir::mk_int(*int_constant(e));
  }
  if (t == "Name") return p_.var_term(frame().vars.at(e["id"].get<std::string>()));
  if (t == "UnaryOp") {
    const std::string op = type_of(e["op"]);
    const Term a = expr(e["operand"]);
    if (op == "Not") return ir::mk_not(truthy(a));
    if (op == "UAdd") return as_int(a);
    if (op == "USub") return ir::mk_unary(Op::Neg, as_int(a));
    return ir::mk_binary(Op::Sub, ir::mk_unary(Op::Neg, as_int(a)), ir::mk_int(1));  // ~x == -x - 1
  }
  if (t == "BinOp") return binop(e);
  if (t == "Compare") return compare(e);
  if (t == "BoolOp") return boolop(e);
  if (t == "IfExp") {
    const Term c = truthy(expr(e["test"]));
    return select(
        c, [&] { return expr(e["body"]); }, [&] { return expr(e["orelse"]); }, pure(e["body"]) && pure(e["orelse"]));
  }
  if (t == "Call") return call(e);
  VERDICT_UNREACHABLE("expression outside the checked subset: " + t);
}

Term Translator::power(const Term& base, const Json& exponent) {
  const std::int64_t k = *int_constant(exponent);
  Term r = ir::mk_int(1);
  const Term b = as_int(base);
  for (std::int64_t i = 0; i < k; ++i) r = i == 0 ? b : ir::mk_binary(Op::Mul, r, b);
  return r;
}

Term Translator::arith(const std::string& op, const Term& left, const Term& right, const Json& e) {
  const Term a = as_int(left), b = as_int(right);
  if (op == "Add") return ir::mk_binary(Op::Add, a, b);
  if (op == "Sub") return ir::mk_binary(Op::Sub, a, b);
  if (op == "Mult") return ir::mk_binary(Op::Mul, a, b);
  VERDICT_INVARIANT(op == "FloorDiv" || op == "Mod", "arithmetic operator outside the subset");
  if (!(b.op() == Op::IntConst && b.int_value() != 0)) {
    const std::string what = op == "FloorDiv" ? "integer division" : "integer modulo";
    const ir::PropId prop = exception_prop(ir::PropertyKind::UncaughtException,
                                           "ZeroDivisionError: " + what + " by zero in " + text(e), loc(e),
                                           "ZeroDivisionError");
    emit(ir::Stmt::check(prop, ir::mk_not(ir::mk_eq(b, ir::mk_int(0))), loc(e)));
  }
  return ir::mk_binary(op == "FloorDiv" ? Op::IntFloorDiv : Op::IntFloorMod, a, b);
}

Term Translator::binop(const Json& e) {
  const std::string op = type_of(e["op"]);
  if (op == "Pow") return power(expr(e["left"]), e["right"]);
  const Term a = expr(e["left"]);
  const Term b = expr(e["right"]);
  return arith(op, a, b, e);
}

Term Translator::compare(const Json& e) {
  // a < b < c is a < b and b < c, with b evaluated once and c only if a < b holds.
  const Json& ops = e["ops"];
  const Json& rest = e["comparators"];
  const std::function<Term(const Term&, std::size_t)> from = [&](const Term& left, std::size_t i) -> Term {
    const Term right = as_int(expr(rest[i]));
    const Term l = as_int(left);
    const std::string op = type_of(ops[i]);
    Term c;
    if (op == "Eq") c = ir::mk_eq(l, right);
    else if (op == "NotEq") c = ir::mk_not(ir::mk_eq(l, right));
    else if (op == "Lt") c = ir::mk_binary(Op::Lt, l, right);
    else if (op == "LtE") c = ir::mk_binary(Op::Le, l, right);
    else if (op == "Gt") c = ir::mk_binary(Op::Lt, right, l);
    else c = ir::mk_binary(Op::Le, right, l);
    if (i + 1 == rest.size()) return c;
    bool rest_pure = true;
    for (std::size_t j = i + 1; j < rest.size(); ++j) rest_pure = rest_pure && pure(rest[j]);
    return select(c, [&] { return from(right, i + 1); }, [] { return ir::mk_false(); }, rest_pure);
  };
  const Term r = from(expr(e["left"]), 0);
  return r.sort().is_bool() ? r : truthy(r);
}

Term Translator::boolop(const Json& e) {
  // `a and b` is a if a is false, else b; `a or b` is a if a is true, else b.
  const bool is_and = type_of(e["op"]) == "And";
  const Json& values = e["values"];
  const std::function<Term(std::size_t)> from = [&](std::size_t i) -> Term {
    const Term a = expr(values[i]);
    if (i + 1 == values.size()) return a;
    bool rest_pure = true;
    for (std::size_t j = i + 1; j < values.size(); ++j) rest_pure = rest_pure && pure(values[j]);
    const auto rest = [&] { return from(i + 1); };
    const auto self = [&] { return a; };
    return is_and ? select(truthy(a), rest, self, rest_pure) : select(truthy(a), self, rest, rest_pure);
  };
  return from(0);
}

Term Translator::call(const Json& e, bool value_used) {
  const std::string name = e["func"]["id"];
  if (const Json* def = function(name)) return call_function(e, *def, value_used);
  const Json& args = e["args"];
  if (name == "isinstance") {
    expr(args[0]);
    return ir::mk_true();  // every value of the subset is an int (bool is a subclass of int)
  }
  if (name == "pow") return power(expr(args[0]), args[1]);
  std::vector<Term> v;
  for (const Json& a : args) v.push_back(as_int(expr(a)));
  if (name == "abs") return ir::mk_ite(ir::mk_binary(Op::Lt, v[0], ir::mk_int(0)), ir::mk_unary(Op::Neg, v[0]), v[0]);
  if (name == "int") return v[0];
  if (name == "bool") return truthy(v[0]);
  Term r = v[0];
  for (std::size_t i = 1; i < v.size(); ++i) {
    // min and max return the first of equal extremes; equal values are the same int.
    const Term better = name == "min" ? ir::mk_binary(Op::Lt, v[i], r) : ir::mk_binary(Op::Lt, r, v[i]);
    r = ir::mk_ite(better, v[i], r);
  }
  return r;
}

}  // namespace verdict::frontend::python
