// The Python frontend's translation of an exported AST (ast_export.h) into one IR
// program: structured statements into locations and edges, expressions into integer and
// boolean terms with the Check statements that Python's exceptions need, calls of the
// file's functions inlined on fresh variables. Internal to frontend/python.
// Not responsible for parsing (ast_export) or for choosing properties.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/python/python_frontend.h"
#include "ir/program.h"

namespace verdict::frontend::python {

using Json = nlohmann::json;

/// A construct outside the subset: what it is, and the node where it is.
struct Unmodelled {
  std::string what;
  const Json* node;
};

class Translator {
 public:
  Translator(std::string file, std::string source, const Json& module, PythonFrontendOptions options);
  /// The program for the entry function (see translate_file for the errors).
  ir::Program run();

 private:
  struct Loop {
    ir::LocId head;   ///< where `continue` goes
    ir::LocId after;  ///< where `break` goes
    std::vector<std::set<std::string>> break_assigned;  ///< definitely assigned names at each break
  };
  struct Frame {
    std::string function;
    std::string prefix;                     ///< of its IR variables' names
    std::set<std::string> locals;           ///< Python's local names of the function
    std::map<std::string, ir::VarId> vars;
    std::set<std::string> assigned;         ///< definitely assigned here
    std::vector<Loop> loops;
    std::optional<ir::VarId> result;        ///< for an inlined call
    ir::LocId ret = 0;                      ///< where `return` goes
    bool value_used = false;                ///< the call's value is used by its caller
  };

  // ---- module (translate_module.cpp) ----
  void index_module();
  void translate_entry(const Json& def);
  Frame new_frame(const Json& def);
  ir::Term call_function(const Json& call, const Json& def, bool value_used);
  [[nodiscard]] SourceLocation loc(const Json& node) const;
  [[nodiscard]] std::string text(const Json& node) const;  ///< the node's source text

  // ---- the automaton under construction ----
  ir::LocId new_loc(const std::string& name, const SourceLocation& l, bool loop_head = false);
  void emit(ir::Stmt s);
  void flush();
  void jump(ir::LocId to);
  void start(ir::LocId at);
  /// Branches on `cond` from the current location; returns (then, else) locations.
  std::pair<ir::LocId, ir::LocId> branch(const ir::Term& cond);
  /// A check that always fails (an exception, an unmodelled construct, a bound), ending the path.
  void fail(ir::PropertyKind kind, const std::string& description, const SourceLocation& l,
            const std::string& exception = "");
  /// A property whose violation raises `exception`.
  ir::PropId exception_prop(ir::PropertyKind kind, const std::string& description, const SourceLocation& l,
                            const std::string& exception);
  ir::VarId local(const std::string& name, const SourceLocation& l);
  ir::VarId temp(const std::string& hint);
  Frame& frame() { return frames_.back(); }
  [[nodiscard]] const Frame& frame() const { return frames_.back(); }

  // ---- statements (translate_stmt.cpp) ----
  void block(const Json& stmts);
  void stmt(const Json& s);
  void assign(const Json& s);
  void aug_assign(const Json& s);
  void if_stmt(const Json& s);
  void while_stmt(const Json& s);
  void for_stmt(const Json& s);
  void return_stmt(const Json& s);
  void raise_stmt(const Json& s);
  void expr_stmt(const Json& s);
  void loop_exit(const Json& s, bool is_break);
  void set_var(const std::string& name, const ir::Term& value, const SourceLocation& l);

  // ---- expressions (translate_expr.cpp) ----
  ir::Term expr(const Json& e);
  ir::Term binop(const Json& e);
  ir::Term arith(const std::string& op, const ir::Term& a, const ir::Term& b, const Json& e);
  ir::Term compare(const Json& e);
  ir::Term boolop(const Json& e);
  ir::Term call(const Json& e, bool value_used = true);
  ir::Term power(const ir::Term& base, const Json& exponent);
  /// `then_value` if cond else `else_value`, evaluated lazily (with branches when either
  /// has effects).
  ir::Term select(const ir::Term& cond, const std::function<ir::Term()>& then_value,
                  const std::function<ir::Term()>& else_value, bool pure);

  // ---- the subset (check_subset.cpp) ----
  /// The first construct of `e` outside the subset, in the current frame.
  std::optional<Unmodelled> unmodelled(const Json& e) const;
  std::optional<Unmodelled> unmodelled_call(const Json& e) const;
  /// Whether evaluating `e` (already in the subset) adds no statement.
  bool pure(const Json& e) const;
  /// The function definition a call of `name` runs, if it is one of the file's.
  const Json* function(const std::string& name) const;

  std::string file_;
  std::string source_;
  std::vector<std::size_t> line_starts_;
  const Json& module_;
  PythonFrontendOptions options_;
  std::map<std::string, const Json*> functions_;
  std::set<std::string> rebound_;  ///< module-level names bound other than by `def`
  ir::Program p_;
  std::optional<ir::LocId> cur_;
  std::vector<ir::Stmt> pending_;
  std::vector<Frame> frames_;
  std::size_t instances_ = 0;
  std::map<std::string, std::size_t> temp_names_;  ///< temporaries made per name
};

// ---- helpers shared by the translation files ----
/// The names a function body binds (Python's local variables), without nested scopes.
void bound_names(const Json& stmts, std::set<std::string>& out);
/// The value of an int constant node that fits 64 bits.
std::optional<std::int64_t> int_constant(const Json& e);
/// Whether `e` is a constant (int or bool) with a non-zero value.
bool nonzero_constant(const Json& e);
/// The integer value of a term: booleans as 0 and 1 (Python's True + 1 == 2).
ir::Term as_int(const ir::Term& t);
/// Python's truth value of a term: an integer is true when non-zero.
ir::Term truthy(const ir::Term& t);

}  // namespace verdict::frontend::python
