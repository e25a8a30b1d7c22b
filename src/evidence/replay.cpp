#include "evidence/replay.h"

#include "evidence/value_format.h"

namespace verdict::evidence {

namespace {

std::string where(const SourceLocation& loc) { return loc.known() ? " at " + loc.str() : ""; }

/// The name a reader knows a variable by.
std::string display_name(const ir::Variable& var, const std::string& fallback) {
  if (!var.source_name.empty()) return var.source_name;
  return fallback.empty() ? var.name : fallback;
}

void add_input(const ir::Program& p, const ir::Stmt& s, const ir::Value& v, Counterexample& cex) {
  const ir::Variable& var = p.vars.at(s.var);
  const std::string name = display_name(var, s.note);
  cex.inputs.push_back(InputValue{s.note.empty() ? "input" : s.note, name, format_value(v, var, p.language), s.loc});
  const std::string value = format_value(v, var, p.language);
  const std::string origin = s.note.empty() ? "input" : s.note;
  TraceStep step{s.loc, var.source_name.empty() ? origin + " returns " + value
                                                : var.source_name + " = " + value + " (" + origin + ")", {}};
  if (!var.source_name.empty()) step.values.push_back(NamedValue{var.source_name, value});
  cex.trace.push_back(std::move(step));
}

void add_step(const ir::Program& p, const ir::ExecutedStmt& e, Counterexample& cex) {
  const ir::Stmt& s = p.edges[e.edge].body[e.stmt];
  if (s.kind == ir::Stmt::Kind::Havoc) {
    add_input(p, s, *e.value, cex);
    return;
  }
  if (s.kind != ir::Stmt::Kind::Assign) return;
  const ir::Variable& var = p.vars.at(s.var);
  if (var.source_name.empty()) return;
  const std::string value = format_value(*e.value, var, p.language);
  // Copies between inlined functions' variables of one source name say nothing new.
  if (!cex.trace.empty() && cex.trace.back().loc.line == s.loc.line && cex.trace.back().values.size() == 1 &&
      cex.trace.back().values[0].name == var.source_name && cex.trace.back().values[0].value == value)
    return;
  cex.trace.push_back(TraceStep{s.loc, var.source_name + " = " + value, {NamedValue{var.source_name, value}}});
}

Counterexample describe(const ir::Program& p, const ir::Execution& ex) {
  const ir::Property& prop = p.props.at(ex.prop);
  Counterexample cex = describe_execution(p, ex);
  cex.property = ir::to_string(ir::property_class(prop.kind));
  cex.violation = prop.description;
  cex.violation_loc = prop.loc.known() ? prop.loc : ex.loc;
  cex.trace.push_back(TraceStep{ex.loc.known() ? ex.loc : cex.violation_loc, "violation: " + prop.description, {}});
  cex.confirmations.push_back("replayed by the IR interpreter: reaches " + prop.description +
                              where(cex.violation_loc));
  return cex;
}

}  // namespace

Counterexample describe_execution(const ir::Program& program, const ir::Execution& execution) {
  Counterexample cex;
  for (const ir::ExecutedStmt& e : execution.steps) add_step(program, e, cex);
  if (program.language == "Python") {  // the inputs are the entry's parameters, in order
    cex.call = program.entry + "(";
    for (std::size_t i = 0; i < cex.inputs.size(); ++i) cex.call += (i ? ", " : "") + cex.inputs[i].value;
    cex.call += ")";
  }
  return cex;
}

ReplayResult replay(const ir::Program& program, const std::vector<std::size_t>& edges,
                    const std::vector<ir::Value>& havoc_values, ir::PropId expected) {
  ReplayResult r;
  if (expected >= program.props.size()) {
    r.message = "the counterexample names an unknown property";
    return r;
  }
  ir::RunLimits limits;
  limits.forced_edges = edges;
  limits.max_steps = edges.size();
  r.execution = ir::run(program, havoc_values, limits);
  const ir::Execution& ex = r.execution;
  const ir::Property& want = program.props[expected];
  if (ex.outcome != ir::Execution::Outcome::Violated) {
    r.message = std::string("replay by the IR interpreter did not reach ") + want.description + ": the run " +
                ir::to_string(ex.outcome) + (ex.message.empty() ? "" : " (" + ex.message + ")") + " after " +
                std::to_string(ex.edges.size()) + " steps";
    return r;
  }
  if (ex.prop != expected) {
    r.message = "replay by the IR interpreter reached " + program.props[ex.prop].description + where(ex.loc) +
                " instead of " + want.description;
    return r;
  }
  r.confirmed = true;
  r.counterexample = describe(program, ex);
  return r;
}

}  // namespace verdict::evidence
