// Typed, immutable IR terms shared as a DAG: constants, variables, boolean,
// bit-vector, integer and array operations. Terms are hash-consed: structurally equal
// terms are one node, so identity is equality, and every node has a stable id (never
// reused in the process) and a structural hash, both O(1). The node table is shared by
// all threads; destruction of deep terms is iterative. Not responsible for
// simplification beyond constant folding, nor for solving (see smt/).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ir/sort.h"

namespace verdict::ir {

using VarId = std::uint32_t;
/// A term node's identity: unique among all nodes ever built by the process.
using TermId = std::uint64_t;

/// Operators. Each has a row in the kind table (ir/op_info.h: name, arity, sort rules,
/// notation, concrete semantics), in this order; ConstArray stays last.
enum class Op {
  // leaves
  BoolConst, BvConst, IntConst, Var,
  // boolean (Ite and Eq work on every sort)
  Not, And, Or, Implies, Ite, Eq,
  // arithmetic on bit-vectors (modular) or on integers (mathematical)
  Add, Sub, Mul, Neg,
  // bit-vectors only
  UDiv, URem, SDiv, SRem, Shl, LShr, AShr, BvAnd, BvOr, BvXor, BvNot,
  Ult, Ule, Slt, Sle,
  Extract, ZeroExt, SignExt, Concat,
  // integers only: floor division and modulo (Python's // and %), order
  IntFloorDiv, IntFloorMod, Lt, Le,
  // arrays
  Select, Store, ConstArray,
};

/// The printed name of an operator ("bvadd"-style names are not used; "+" is).
const char* op_name(Op op);

class Term;

namespace detail {
struct Node {
  Op op;
  Sort sort;
  std::vector<Term> args;
  std::uint64_t bits = 0;   // BvConst value (zero-extended), BoolConst (0/1)
  std::int64_t ivalue = 0;  // IntConst value
  VarId var = 0;            // Var
  unsigned p0 = 0, p1 = 0;  // Extract hi/lo, ZeroExt/SignExt amount
  // Set by the node table (Term::make), not by constructors:
  TermId id = 0;
  std::size_t hash = 0;      // structural: equal for equal terms in every run
};
}  // namespace detail

/// A handle to an immutable, hash-consed term node; cheap to copy. Two terms are equal
/// exactly when they are the same node (same()).
class Term {
 public:
  Term() = default;

  [[nodiscard]] bool valid() const { return node_ != nullptr; }
  [[nodiscard]] Op op() const { return node_->op; }
  [[nodiscard]] const Sort& sort() const { return node_->sort; }
  [[nodiscard]] const std::vector<Term>& args() const { return node_->args; }
  [[nodiscard]] const Term& arg(std::size_t i) const { return node_->args.at(i); }
  [[nodiscard]] std::uint64_t bits() const { return node_->bits; }
  [[nodiscard]] std::int64_t int_value() const { return node_->ivalue; }
  [[nodiscard]] bool bool_value() const { return node_->bits != 0; }
  [[nodiscard]] VarId var() const { return node_->var; }
  [[nodiscard]] unsigned hi() const { return node_->p0; }
  [[nodiscard]] unsigned lo() const { return node_->p1; }
  [[nodiscard]] unsigned ext_amount() const { return node_->p0; }
  [[nodiscard]] bool is_const() const {
    return op() == Op::BoolConst || op() == Op::BvConst || op() == Op::IntConst;
  }
  [[nodiscard]] bool is_true() const { return op() == Op::BoolConst && bool_value(); }
  [[nodiscard]] bool is_false() const { return op() == Op::BoolConst && !bool_value(); }
  /// Identity of the node (for memoisation): stable, never reused for another term.
  [[nodiscard]] TermId id() const { return node_->id; }
  /// Structural hash: the same for equal terms, in every run.
  [[nodiscard]] std::size_t hash() const { return node_->hash; }
  /// Structural equality, which hash-consing makes identity.
  bool same(const Term& other) const { return node_ == other.node_; }
  bool operator==(const Term& other) const { return same(other); }

  /// The node equal to `node`: the existing one if there is one, else a new one.
  static Term make(detail::Node node);
  /// Nodes alive in the process (for measurements and tests).
  static std::size_t live_nodes();

 private:
  std::shared_ptr<const detail::Node> node_;
};

/// Mask of the low `width` bits (width <= 64).
std::uint64_t mask(unsigned width);
/// Sign-extends the low `width` bits of v to 64 bits.
std::int64_t to_signed(std::uint64_t v, unsigned width);

// ---- constructors (sort-checked; fold constants where trivial) ----
Term mk_true();
Term mk_false();
Term mk_bool(bool b);
Term mk_bv(unsigned width, std::uint64_t value);
Term mk_int(std::int64_t value);
Term mk_var(VarId id, const Sort& sort);

Term mk_not(const Term& a);
Term mk_and(const Term& a, const Term& b);
Term mk_and(const std::vector<Term>& args);
Term mk_or(const Term& a, const Term& b);
Term mk_or(const std::vector<Term>& args);
Term mk_implies(const Term& a, const Term& b);
Term mk_ite(const Term& c, const Term& t, const Term& e);
Term mk_eq(const Term& a, const Term& b);

/// Binary operation of the arithmetic / bit-vector / integer groups above.
Term mk_binary(Op op, const Term& a, const Term& b);
/// Neg, BvNot.
Term mk_unary(Op op, const Term& a);
Term mk_extract(unsigned hi, unsigned lo, const Term& a);
Term mk_zext(unsigned amount, const Term& a);
Term mk_sext(unsigned amount, const Term& a);
Term mk_concat(const Term& high, const Term& low);
Term mk_select(const Term& array, const Term& index);
Term mk_store(const Term& array, const Term& index, const Term& value);
Term mk_const_array(const Sort& index, const Term& value);

/// A term with `t`'s operator (and parameters) over new arguments, folded like the
/// constructors above; leaves are returned unchanged.
Term rebuild(const Term& t, const std::vector<Term>& args);

/// The operands of a chain of `t`'s operator, left to right: a, b, c for (a and b) and c.
std::vector<Term> chain_operands(const Term& t);

/// Resizes a bit-vector to `width`, zero- or sign-extending or truncating.
Term mk_resize(const Term& a, unsigned width, bool is_signed);

}  // namespace verdict::ir

template <>
struct std::hash<verdict::ir::Term> {
  std::size_t operator()(const verdict::ir::Term& t) const noexcept { return t.hash(); }
};
