// The verification IR's program: a control-flow automaton (locations, edges whose
// labels are straight-line statement lists) over typed variables, with the properties
// to check attached as Check statements. Not responsible for building programs from
// source (frontend/), transforming them (transform/) or analysing them (engines/).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "ir/term.h"
#include "verdict/source_location.h"

namespace verdict::ir {

using LocId = std::uint32_t;
using PropId = std::uint32_t;

/// A program variable. Frontends create one per SSA value or source variable.
struct Variable {
  std::string name;         ///< unique within the program
  Sort sort;
  std::string source_name;  ///< the source variable it holds, empty for temporaries
  std::string type_name;    ///< source type ("int", "unsigned char", "_Bool"); guides printing
  bool is_signed = false;   ///< print bit-vector values as signed numbers
  SourceLocation loc;
};

/// What a Check statement guards against.
enum class PropertyKind {
  Assertion,       ///< assert, __VERIFIER_assert, a reach_error() call
  SignedOverflow,  ///< signed + - * neg, INT_MIN / -1, INT_MIN % -1
  DivisionByZero,  ///< integer / or % by zero
  InvalidShift,    ///< shift by a negative amount or >= width, left shift that overflows
  /// A raised exception that nothing catches (Python: AssertionError is an Assertion;
  /// ZeroDivisionError, ValueError of range(), `raise`): the execution ends there.
  UncaughtException,
  Unsupported,     ///< a construct not modelled precisely: reaching it means don't know
  BoundReached,    ///< recursion or unrolling bound: reaching it means don't know
  /// A claim of a witness under validation (an invariant, a waypoint's constraint) at the
  /// point where the validator's instrumented copy of the source states it; only witness
  /// validation creates them (frontend builtin __VERDICT_witness_claim).
  WitnessClaim,
};

/// The question a property kind belongs to.
enum class PropertyClass { UnreachCall, NoOverflow, Incomplete, WitnessClaim };

PropertyClass property_class(PropertyKind kind);
/// "unreach-call", "no-overflow", "incomplete" or "witness-claim".
const char* to_string(PropertyClass c);
const char* to_string(PropertyKind k);

struct Property {
  PropertyKind kind;
  std::string description;  ///< "assertion x > 0", "signed overflow in x + y", "call to fopen"
  SourceLocation loc;
  /// Python: the class of the exception a violation raises ("AssertionError",
  /// "ZeroDivisionError"); native replay expects exactly that one. Empty for C.
  std::string exception;
  /// WitnessClaim: the claim's number in the instrumented source (its first argument).
  std::uint32_t claim = 0;
};

/// One statement of an edge label; statements run in order.
struct Stmt {
  enum class Kind {
    Assign,  ///< var := term
    Havoc,   ///< var := arbitrary value of its sort (an input)
    Assume,  ///< the execution continues only where term holds
    Check,   ///< property `prop` is violated where term is false; then assumes term
    /// Runs procedure `callee` on a frame of its own (its params := `args`, its other
    /// variables arbitrary); if it reaches its exit, `outs` := its results. Every other
    /// variable of the caller keeps its value. Only modular programs have calls.
    Call,
  };
  Kind kind;
  VarId var = 0;
  Term term;
  PropId prop = 0;
  SourceLocation loc;
  std::string note;  ///< for Havoc: the input's origin ("parameter x", "__VERIFIER_nondet_int()")
  std::uint32_t callee = 0;      ///< for Call: index into Program::procedures
  std::vector<Term> args;        ///< for Call: one per callee parameter
  std::vector<VarId> outs;       ///< for Call: one per callee result

  static Stmt assign(VarId v, Term t, SourceLocation l = {});
  static Stmt havoc(VarId v, std::string origin, SourceLocation l = {});
  static Stmt assume(Term t, SourceLocation l = {});
  static Stmt check(PropId p, Term t, SourceLocation l = {});
  static Stmt call(std::uint32_t callee, std::vector<Term> args, std::vector<VarId> outs, SourceLocation l = {});
};

struct Edge {
  LocId from;
  LocId to;
  std::vector<Stmt> body;
};

/// Whether `e` is a call edge (its only statement is a Call).
bool is_call_edge(const Edge& e);

struct Location {
  std::string name;
  SourceLocation loc;
  bool loop_head = false;  ///< a target of a back edge (hint for invariant engines)
};

/// A procedure of a modular program: the sub-automaton from `entry` to `exit` that a
/// Call statement runs on a frame of its own. Its locations and variables are its own
/// (a recursive call reuses them on a new frame); `params` are never assigned in it.
struct Procedure {
  std::string name;
  LocId entry = 0;
  LocId exit = 0;
  std::vector<VarId> params;
  std::vector<VarId> results;
  SourceLocation loc;
};

/// A whole program as one control-flow automaton: after inlining every call, or (a
/// modular program) with the entry's automaton from `init` and one per procedure.
/// Execution starts at `init` with every variable arbitrary (frontends havoc or assign
/// what matters); reaching `exit` (or any location without outgoing edges) ends it.
/// In a modular program each Call statement is the only statement of its edge.
class Program {
 public:
  std::string file;
  std::string entry;
  std::string language;  ///< "C" or "Python"
  std::vector<Variable> vars;
  std::vector<Location> locs;
  std::vector<Edge> edges;
  std::vector<Property> props;
  std::vector<Procedure> procedures;  ///< empty unless the program is modular
  LocId init = 0;
  LocId exit = 0;
  std::vector<std::string> assumptions;  ///< semantic assumptions made while building

  VarId add_var(Variable v);
  LocId add_loc(std::string name, SourceLocation loc = {});
  PropId add_prop(PropertyKind kind, std::string description, SourceLocation loc);
  void add_edge(LocId from, LocId to, std::vector<Stmt> body);

  [[nodiscard]] Term var_term(VarId v) const { return mk_var(v, vars.at(v).sort); }
  /// Indices into `edges` of the edges leaving `loc` (valid after any change). Safe to
  /// call from several threads that read the same program (the portfolio's engines).
  [[nodiscard]] const std::vector<std::size_t>& outgoing(LocId loc) const;

 private:
  /// The lazily built index behind outgoing(), under its own lock: engines running in
  /// parallel on one program build it concurrently. A copy starts without an index.
  struct EdgeIndex {
    std::mutex mutex;
    std::vector<std::vector<std::size_t>> out;
    std::size_t indexed_edges = static_cast<std::size_t>(-1);
    EdgeIndex() = default;
    EdgeIndex(const EdgeIndex&) {}
    EdgeIndex& operator=(const EdgeIndex&) {
      std::lock_guard<std::mutex> lock(mutex);
      out.clear();
      indexed_edges = static_cast<std::size_t>(-1);
      return *this;
    }
  };
  mutable EdgeIndex index_;
};

/// How reports name location `l`: "line N" when it has a source line, else its name.
std::string location_label(const Program& program, LocId l);

/// A procedure parameter that some statement assigns (parameters must keep their entry
/// values: summaries are about them), as (procedure index, variable); nullopt if none.
std::optional<std::pair<std::size_t, VarId>> assigned_parameter(const Program& program);

}  // namespace verdict::ir
