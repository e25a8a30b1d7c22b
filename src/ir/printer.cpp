#include "ir/printer.h"

#include <sstream>

#include "ir/op_info.h"

namespace verdict::ir {

namespace {

std::string var_name(VarId v, const Program* p) {
  if (p && v < p->vars.size()) return p->vars[v].name;
  return "v" + std::to_string(v);
}

std::string const_text(const Term& t) {
  switch (t.op()) {
    case Op::BoolConst: return t.bool_value() ? "true" : "false";
    case Op::IntConst: return std::to_string(t.int_value());
    default: return std::to_string(t.bits()) + ":" + t.sort().str();
  }
}

}  // namespace

std::string print_term(const Term& t, const Program* p) {
  if (!t.valid()) return "<null>";
  switch (t.op()) {
    case Op::BoolConst: case Op::BvConst: case Op::IntConst: return const_text(t);
    case Op::Var: return var_name(t.var(), p);
    case Op::Ite:
      return "(" + print_term(t.arg(0), p) + " ? " + print_term(t.arg(1), p) + " : " +
             print_term(t.arg(2), p) + ")";
    case Op::Extract:
      return print_term(t.arg(0), p) + "[" + std::to_string(t.hi()) + ":" + std::to_string(t.lo()) + "]";
    case Op::ZeroExt: case Op::SignExt:
      return std::string(op_name(t.op())) + std::to_string(t.ext_amount()) + "(" +
             print_term(t.arg(0), p) + ")";
    case Op::Select: return print_term(t.arg(0), p) + "[" + print_term(t.arg(1), p) + "]";
    case Op::Store:
      return print_term(t.arg(0), p) + "{" + print_term(t.arg(1), p) + " := " +
             print_term(t.arg(2), p) + "}";
    case Op::ConstArray: return "{* := " + print_term(t.arg(0), p) + "}";
    case Op::Concat: return "(" + print_term(t.arg(0), p) + " ++ " + print_term(t.arg(1), p) + ")";
    default: break;
  }
  const OpInfo& info = op_info(t.op());
  if (info.notation == Notation::Prefix) return info.symbol + print_term(t.arg(0), p);
  std::string s = "(";
  for (std::size_t i = 0; i < t.args().size(); ++i) {
    if (i) s += std::string(" ") + info.symbol + " ";
    s += print_term(t.arg(i), p);
  }
  return s + ")";
}

std::string print_stmt(const Stmt& s, const Program& p) {
  switch (s.kind) {
    case Stmt::Kind::Assign: return var_name(s.var, &p) + " := " + print_term(s.term, &p);
    case Stmt::Kind::Havoc:
      return var_name(s.var, &p) + " := *" + (s.note.empty() ? "" : "   // " + s.note);
    case Stmt::Kind::Assume: return "assume " + print_term(s.term, &p);
    case Stmt::Kind::Call: {
      std::string out;
      for (std::size_t i = 0; i < s.outs.size(); ++i) out += (i ? ", " : "") + var_name(s.outs[i], &p);
      std::string text = (out.empty() ? "" : out + " := ") + "call " + p.procedures.at(s.callee).name + "(";
      for (std::size_t i = 0; i < s.args.size(); ++i) text += (i ? ", " : "") + print_term(s.args[i], &p);
      return text + ")";
    }
    case Stmt::Kind::Check: {
      const Property& prop = p.props.at(s.prop);
      return "check " + print_term(s.term, &p) + "   // " + to_string(prop.kind) + ": " +
             prop.description;
    }
  }
  return "?";
}

std::string print_program(const Program& p) {
  std::ostringstream os;
  os << "program " << p.entry << " (" << p.language << ", " << p.file << ")\n";
  os << "variables:\n";
  for (std::size_t v = 0; v < p.vars.size(); ++v) {
    const Variable& var = p.vars[v];
    os << "  " << var.name << " : " << var.sort.str();
    if (!var.source_name.empty()) os << "   // " << var.type_name << " " << var.source_name;
    os << "\n";
  }
  os << "init: L" << p.init << "  exit: L" << p.exit << "\n";
  for (const Procedure& proc : p.procedures) {
    os << "procedure " << proc.name << "(";
    for (std::size_t i = 0; i < proc.params.size(); ++i) os << (i ? ", " : "") << var_name(proc.params[i], &p);
    os << ") -> (";
    for (std::size_t i = 0; i < proc.results.size(); ++i) os << (i ? ", " : "") << var_name(proc.results[i], &p);
    os << ")  entry: L" << proc.entry << "  exit: L" << proc.exit << "\n";
  }
  for (LocId l = 0; l < p.locs.size(); ++l) {
    const Location& loc = p.locs[l];
    os << "L" << l << " " << loc.name << (loc.loop_head ? " [loop head]" : "");
    if (loc.loc.known()) os << "   @" << loc.loc.str();
    os << "\n";
    for (std::size_t e : p.outgoing(l)) {
      const Edge& edge = p.edges[e];
      os << "  -> L" << edge.to << "\n";
      for (const Stmt& s : edge.body) {
        os << "       " << print_stmt(s, p);
        if (s.loc.known()) os << "   @" << s.loc.line;
        os << "\n";
      }
    }
  }
  return os.str();
}

}  // namespace verdict::ir
