#include "ir/interpreter.h"

#include "ir/semantics.h"

namespace verdict::ir {

namespace {

Value int_result(bool overflow, std::int64_t r, const char* what) {
  if (overflow) throw EvalError(std::string("integer ") + what + " exceeds 64 bits");
  return Value::of_int(r);
}

Value eval_int_binary(Op op, std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  switch (op) {
    case Op::Add: {
      const bool overflow = __builtin_add_overflow(a, b, &r);
      return int_result(overflow, r, "sum");
    }
    case Op::Sub: {
      const bool overflow = __builtin_sub_overflow(a, b, &r);
      return int_result(overflow, r, "difference");
    }
    case Op::Mul: {
      const bool overflow = __builtin_mul_overflow(a, b, &r);
      return int_result(overflow, r, "product");
    }
    case Op::IntFloorDiv:
    case Op::IntFloorMod:
      if (b == 0) throw EvalError("integer division by zero");
      if (b == -1 && a == INT64_MIN) throw EvalError("integer quotient exceeds 64 bits");
      return Value::of_int(op == Op::IntFloorDiv ? floor_div(a, b) : floor_mod(a, b));
    case Op::Lt: return Value::of_bool(a < b);
    case Op::Le: return Value::of_bool(a <= b);
    default: throw EvalError(std::string("operator ") + op_name(op) + " on integers");
  }
}

Value eval_binary(Op op, const Value& a, const Value& b) {
  if (a.sort.is_int()) return eval_int_binary(op, a.ivalue, b.ivalue);
  const unsigned w = a.sort.width();
  const auto r = eval_bv_binary(op, a.bits, b.bits, w);
  if (!r) throw EvalError(std::string("operator ") + op_name(op) + " on bit-vectors");
  const bool cmp = op == Op::Ult || op == Op::Ule || op == Op::Slt || op == Op::Sle;
  return cmp ? Value::of_bool(*r != 0) : Value::of_bv(w, *r);
}

unsigned checked_width(unsigned w) {
  if (w == 0 || w > 64) throw EvalError("bit-vector of " + std::to_string(w) + " bits (max 64)");
  return w;
}

std::uint64_t array_read(const Value& array, std::uint64_t index) {
  if (!array.array) return 0;
  auto it = array.array->entries.find(index);
  return it == array.array->entries.end() ? array.array->default_bits : it->second;
}

Value array_element(const Sort& array_sort, std::uint64_t bits) {
  const Sort& e = array_sort.element();
  if (e.is_bool()) return Value::of_bool(bits != 0);
  if (!e.is_bv()) throw EvalError("arrays of " + e.str() + " are not supported");
  return Value::of_bv(e.width(), bits);
}

std::uint64_t array_index(const Value& v) {
  if (v.sort.is_int()) return static_cast<std::uint64_t>(v.ivalue);
  return v.bits;
}

bool arrays_equal(const Value& a, const Value& b) {
  const std::uint64_t da = a.array ? a.array->default_bits : 0, db = b.array ? b.array->default_bits : 0;
  if (da != db) return false;
  for (const Value* v : {&a, &b}) {
    if (!v->array) continue;
    for (const auto& [k, x] : v->array->entries)
      if (array_read(a, k) != array_read(b, k)) return false;
  }
  return true;
}

Value eval_store(const Term& t, const Value& a, const Value& i, const Value& v) {
  ArrayValue contents = a.array ? *a.array : ArrayValue{};
  contents.entries[array_index(i)] = v.bits;
  return Value::of_array(t.sort(), std::move(contents));
}

Value eval_node(const Term& t, const std::vector<Value>& args, const State& state) {
  switch (t.op()) {
    case Op::Not: return Value::of_bool(!args[0].as_bool());
    case Op::And: return Value::of_bool(args[0].as_bool() && args[1].as_bool());
    case Op::Or: return Value::of_bool(args[0].as_bool() || args[1].as_bool());
    case Op::Implies: return Value::of_bool(!args[0].as_bool() || args[1].as_bool());
    case Op::Ite: return args[0].as_bool() ? args[1] : args[2];
    case Op::Eq:
      return Value::of_bool(args[0].sort.is_array() ? arrays_equal(args[0], args[1]) : args[0] == args[1]);
    case Op::Neg:
      if (args[0].sort.is_int()) return eval_int_binary(Op::Sub, 0, args[0].ivalue);
      return Value::of_bv(args[0].sort.width(), 0 - args[0].bits);
    case Op::BvNot: return Value::of_bv(args[0].sort.width(), ~args[0].bits);
    case Op::Extract: return Value::of_bv(t.hi() - t.lo() + 1, args[0].bits >> t.lo());
    case Op::ZeroExt: return Value::of_bv(checked_width(t.sort().width()), args[0].bits);
    case Op::SignExt:
      return Value::of_bv(checked_width(t.sort().width()),
                          static_cast<std::uint64_t>(to_signed(args[0].bits, args[0].sort.width())));
    case Op::Concat: {
      const unsigned w = checked_width(t.sort().width());
      return Value::of_bv(w, (args[0].bits << args[1].sort.width()) | args[1].bits);
    }
    case Op::Select: return array_element(args[0].sort, array_read(args[0], array_index(args[1])));
    case Op::Store: return eval_store(t, args[0], args[1], args[2]);
    case Op::ConstArray: {
      ArrayValue contents;
      contents.default_bits = args[0].sort.is_int() ? static_cast<std::uint64_t>(args[0].ivalue) : args[0].bits;
      return Value::of_array(t.sort(), std::move(contents));
    }
    default: return eval_binary(t.op(), args[0], args[1]);
  }
}

}  // namespace

Value zero_value(const Sort& sort) {
  switch (sort.kind()) {
    case Sort::Kind::Bool: return Value::of_bool(false);
    case Sort::Kind::BitVec: return Value::of_bv(sort.width(), 0);
    case Sort::Kind::Int: return Value::of_int(0);
    case Sort::Kind::Array: return Value::of_array(sort, ArrayValue{});
  }
  return Value::of_bool(false);
}

State zero_state(const Program& program) {
  State s;
  s.reserve(program.vars.size());
  for (const Variable& v : program.vars) s.push_back(zero_value(v.sort));
  return s;
}

Value evaluate(const Term& t, const State& state) {
  switch (t.op()) {
    case Op::BoolConst: return Value::of_bool(t.bool_value());
    case Op::BvConst: return Value::of_bv(checked_width(t.sort().width()), t.bits());
    case Op::IntConst: return Value::of_int(t.int_value());
    case Op::Var:
      if (t.var() >= state.size()) throw EvalError("variable " + std::to_string(t.var()) + " out of range");
      return state[t.var()];
    case Op::And:  // short-circuit: keeps partial operations guarded
      return Value::of_bool(evaluate(t.arg(0), state).as_bool() && evaluate(t.arg(1), state).as_bool());
    case Op::Or:
      return Value::of_bool(evaluate(t.arg(0), state).as_bool() || evaluate(t.arg(1), state).as_bool());
    case Op::Ite:
      return evaluate(t.arg(0), state).as_bool() ? evaluate(t.arg(1), state) : evaluate(t.arg(2), state);
    default: break;
  }
  if (t.sort().is_bv()) checked_width(t.sort().width());
  std::vector<Value> args;
  args.reserve(t.args().size());
  for (const Term& a : t.args()) args.push_back(evaluate(a, state));
  return eval_node(t, args, state);
}

const char* to_string(Execution::Outcome outcome) {
  switch (outcome) {
    case Execution::Outcome::Violated: return "violated";
    case Execution::Outcome::Exited: return "exited";
    case Execution::Outcome::Blocked: return "blocked";
    case Execution::Outcome::OutOfInputs: return "out of inputs";
    case Execution::Outcome::StepLimit: return "step limit";
    case Execution::Outcome::Nondeterministic: return "nondeterministic";
    case Execution::Outcome::Error: return "error";
  }
  return "?";
}

namespace {

/// The interpreter's run state; one object per run.
class Runner {
 public:
  Runner(const Program& p, State initial, const std::vector<Value>& inputs, const RunLimits& limits)
      : p_(p), inputs_(inputs), limits_(limits) {
    ex_.final_state = std::move(initial);
  }

  Execution run() {
    LocId loc = p_.init;
    std::size_t forced = 0;
    while (true) {
      const auto& out = p_.outgoing(loc);
      if (out.empty()) return finish(Execution::Outcome::Exited, "");
      if (ex_.edges.size() >= limits_.max_steps) return finish(Execution::Outcome::StepLimit, "");
      std::optional<std::size_t> edge;
      if (forced < limits_.forced_edges.size()) {
        edge = limits_.forced_edges[forced++];
        if (*edge >= p_.edges.size() || p_.edges[*edge].from != loc)
          return finish(Execution::Outcome::Error, "forced edge " + std::to_string(*edge) + " does not leave " + p_.locs[loc].name);
      } else {
        auto choice = choose(out);
        if (!choice) return ex_;
        edge = *choice;
      }
      ex_.edges.push_back(*edge);
      if (!execute(*edge, ex_.final_state, cursor_, &ex_.steps)) return ex_;
      loc = p_.edges[*edge].to;
    }
  }

 private:
  Execution& finish(Execution::Outcome o, std::string message) {
    ex_.outcome = o;
    ex_.message = std::move(message);
    ex_.inputs_used = cursor_;
    return ex_;
  }

  /// The single enabled edge among `out`; otherwise sets the outcome and returns nothing.
  std::optional<std::size_t> choose(const std::vector<std::size_t>& out) {
    if (out.size() == 1) return out[0];
    std::vector<std::size_t> enabled;
    for (std::size_t e : out) {
      // A trial run records nothing; only the outcome fields change, and are restored.
      State scratch = ex_.final_state;
      std::size_t cursor = cursor_;
      const Execution::Outcome outcome = ex_.outcome;
      const std::size_t used = ex_.inputs_used;
      std::string message = ex_.message;
      const PropId prop = ex_.prop;
      const SourceLocation loc = ex_.loc;
      execute(e, scratch, cursor, nullptr);
      if (ex_.outcome != Execution::Outcome::Blocked) enabled.push_back(e);
      ex_.outcome = outcome;
      ex_.inputs_used = used;
      ex_.message = std::move(message);
      ex_.prop = prop;
      ex_.loc = loc;
    }
    if (enabled.size() == 1) return enabled[0];
    if (enabled.empty()) finish(Execution::Outcome::Blocked, "no outgoing edge is enabled");
    else finish(Execution::Outcome::Nondeterministic, std::to_string(enabled.size()) + " edges enabled");
    return std::nullopt;
  }

  /// Runs one edge's statements; false when the run ends inside it (outcome set).
  bool execute(std::size_t e, State& state, std::size_t& cursor, std::vector<ExecutedStmt>* record) {
    const Edge& edge = p_.edges[e];
    try {
      for (std::size_t i = 0; i < edge.body.size(); ++i) {
        if (!execute_stmt(edge.body[i], state, cursor, ExecutedStmt{e, i, std::nullopt}, record)) return false;
      }
    } catch (const EvalError& err) {
      finish(Execution::Outcome::Error, err.what());
      return false;
    }
    ex_.outcome = Execution::Outcome::Exited;
    return true;
  }

  bool execute_stmt(const Stmt& s, State& state, std::size_t& cursor, ExecutedStmt step,
                    std::vector<ExecutedStmt>* record) {
    switch (s.kind) {
      case Stmt::Kind::Assign: step.value = evaluate(s.term, state); break;
      case Stmt::Kind::Havoc:
        if (cursor >= inputs_.size()) {
          finish(Execution::Outcome::OutOfInputs, "no value left for " + s.note);
          return false;
        }
        if (inputs_[cursor].sort != p_.vars.at(s.var).sort) {
          finish(Execution::Outcome::Error, "input " + std::to_string(cursor) + " has sort " +
                                                inputs_[cursor].sort.str() + ", expected " +
                                                p_.vars.at(s.var).sort.str());
          return false;
        }
        step.value = inputs_[cursor++];
        break;
      case Stmt::Kind::Assume:
      case Stmt::Kind::Check: step.value = evaluate(s.term, state); break;
      case Stmt::Kind::Call: throw EvalError("procedure calls (modular programs) are not interpreted");
    }
    if (record) record->push_back(step);
    if (s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::Havoc) {
      state.at(s.var) = *step.value;
      return true;
    }
    if (step.value->as_bool()) return true;
    if (s.kind == Stmt::Kind::Assume) {
      finish(Execution::Outcome::Blocked, "assumption failed");
    } else {
      finish(Execution::Outcome::Violated, "");
      ex_.prop = s.prop;
      ex_.loc = s.loc;
    }
    ex_.inputs_used = cursor;
    return false;
  }

  const Program& p_;
  const std::vector<Value>& inputs_;
  const RunLimits& limits_;
  Execution ex_;
  std::size_t cursor_ = 0;
};

}  // namespace

Execution run(const Program& program, State initial, const std::vector<Value>& havoc_values,
              const RunLimits& limits) {
  if (initial.size() != program.vars.size()) initial = zero_state(program);
  Execution ex = Runner(program, std::move(initial), havoc_values, limits).run();
  return ex;
}

Execution run(const Program& program, const std::vector<Value>& havoc_values, const RunLimits& limits) {
  return run(program, zero_state(program), havoc_values, limits);
}

}  // namespace verdict::ir
