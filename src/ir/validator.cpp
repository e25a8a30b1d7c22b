#include "ir/validator.h"

#include <unordered_set>

namespace verdict::ir {

namespace {

class Validator {
 public:
  explicit Validator(const Program& p) : p_(p) {}

  std::vector<std::string> run() {
    if (p_.init >= p_.locs.size()) error("init location out of range");
    if (p_.exit >= p_.locs.size()) error("exit location out of range");
    for (const Procedure& proc : p_.procedures) check_procedure(proc);
    if (auto assigned = assigned_parameter(p_))
      error("procedure " + p_.procedures[assigned->first].name + ": parameter " + p_.vars.at(assigned->second).name +
            " is assigned");
    for (std::size_t e = 0; e < p_.edges.size(); ++e) check_edge(e);
    return std::move(errors_);
  }

 private:
  void error(const std::string& msg) { errors_.push_back(msg); }

  void check_edge(std::size_t e) {
    const Edge& edge = p_.edges[e];
    const std::string where = "edge " + std::to_string(e);
    if (edge.from >= p_.locs.size() || edge.to >= p_.locs.size()) error(where + ": location out of range");
    for (const Stmt& s : edge.body) {
      check_stmt(s, where);
      if (s.kind == Stmt::Kind::Call && edge.body.size() != 1) error(where + ": a call must be alone on its edge");
    }
  }

  void check_procedure(const Procedure& proc) {
    const std::string where = "procedure " + proc.name;
    if (proc.entry >= p_.locs.size() || proc.exit >= p_.locs.size()) error(where + ": location out of range");
    for (VarId v : proc.params) check_var(v, where);
    for (VarId v : proc.results) check_var(v, where);
  }

  void check_call(const Stmt& s, const std::string& where) {
    if (s.callee >= p_.procedures.size()) {
      error(where + ": call of an unknown procedure");
      return;
    }
    const Procedure& proc = p_.procedures[s.callee];
    if (s.args.size() != proc.params.size() || s.outs.size() != proc.results.size()) {
      error(where + ": call of " + proc.name + " with the wrong number of arguments or results");
      return;
    }
    for (std::size_t i = 0; i < s.args.size(); ++i)
      if (check_term(s.args[i], where) && check_var(proc.params[i], where) &&
          s.args[i].sort() != p_.vars[proc.params[i]].sort)
        error(where + ": argument " + std::to_string(i) + " of " + proc.name + " has the wrong sort");
    for (std::size_t i = 0; i < s.outs.size(); ++i)
      if (check_var(s.outs[i], where) && check_var(proc.results[i], where) &&
          p_.vars[s.outs[i]].sort != p_.vars[proc.results[i]].sort)
        error(where + ": result " + std::to_string(i) + " of " + proc.name + " has the wrong sort");
  }

  void check_stmt(const Stmt& s, const std::string& where) {
    switch (s.kind) {
      case Stmt::Kind::Assign:
        if (!check_var(s.var, where)) return;
        if (!check_term(s.term, where)) return;
        if (s.term.sort() != p_.vars[s.var].sort)
          error(where + ": assignment to " + p_.vars[s.var].name + " of sort " + s.term.sort().str());
        break;
      case Stmt::Kind::Havoc: check_var(s.var, where); break;
      case Stmt::Kind::Call: check_call(s, where); break;
      case Stmt::Kind::Check:
        if (s.prop >= p_.props.size()) error(where + ": property out of range");
        [[fallthrough]];
      case Stmt::Kind::Assume:
        if (check_term(s.term, where) && !s.term.sort().is_bool())
          error(where + ": condition is not boolean");
        break;
    }
  }

  bool check_var(VarId v, const std::string& where) {
    if (v < p_.vars.size()) return true;
    error(where + ": variable " + std::to_string(v) + " out of range");
    return false;
  }

  bool check_term(const Term& t, const std::string& where) {
    if (!t.valid()) {
      error(where + ": missing term");
      return false;
    }
    if (!seen_.insert(t.id()).second) return true;
    if (t.op() == Op::Var) {
      if (!check_var(t.var(), where)) return false;
      if (p_.vars[t.var()].sort != t.sort()) error(where + ": variable " + p_.vars[t.var()].name + " used at wrong sort");
    }
    bool ok = true;
    for (const Term& a : t.args()) ok = check_term(a, where) && ok;
    return ok;
  }

  const Program& p_;
  std::vector<std::string> errors_;
  std::unordered_set<ir::TermId> seen_;
};

}  // namespace

std::vector<std::string> validate(const Program& program) { return Validator(program).run(); }

}  // namespace verdict::ir
