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
    for (std::size_t e = 0; e < p_.edges.size(); ++e) check_edge(e);
    return std::move(errors_);
  }

 private:
  void error(const std::string& msg) { errors_.push_back(msg); }

  void check_edge(std::size_t e) {
    const Edge& edge = p_.edges[e];
    const std::string where = "edge " + std::to_string(e);
    if (edge.from >= p_.locs.size() || edge.to >= p_.locs.size()) error(where + ": location out of range");
    for (const Stmt& s : edge.body) check_stmt(s, where);
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
  std::unordered_set<const void*> seen_;
};

}  // namespace

std::vector<std::string> validate(const Program& program) { return Validator(program).run(); }

}  // namespace verdict::ir
