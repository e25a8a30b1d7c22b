// The kind table: one row per IR operator with everything that is the operator's own
// definition — its printed name, how many arguments and integer parameters it takes,
// which sorts its operands must have, the sort of its result, how the printer writes it,
// and its concrete semantics on bit-vector values. Term construction, sort checking,
// printing, constant folding and the interpreter read this table, so a new operator is
// one new row here plus its translation into each solver's language (smt/, evidence/).
// Not responsible for simplification rules (term.cpp) or translations.
#pragma once

#include <cstdint>
#include <optional>

#include "ir/term.h"

namespace verdict::ir {

/// The sorts an operator accepts (every operand has the same sort unless Special).
enum class Operands {
  None,     ///< a leaf
  Bool,
  BitVec,
  Int,
  Numeric,  ///< bit-vectors or integers
  Any,      ///< any sort, both the same (==)
  Special,  ///< checked by the operator's constructor (ite, extract, concat, arrays)
};

/// The sort of the result.
enum class ResultSort {
  Bool,
  Operand,  ///< the operands' sort
  Special,  ///< computed by the constructor (leaves, extract, extensions, arrays, ite)
};

/// How the printer writes an application.
enum class Notation {
  Leaf,
  Prefix,  ///< symbol then the argument: !a, -a, ~a
  Infix,   ///< (a symbol b)
  Special, ///< the printer's own form (ite, extract, arrays, extensions, concat)
};

struct OpInfo {
  Op op;
  const char* name;    ///< printed name ("+", "<s", "extract")
  const char* symbol;  ///< printed symbol for Prefix and Infix notation
  int arity;           ///< number of arguments (0 for leaves)
  unsigned params;     ///< integer parameters (extract: 2, extensions: 1)
  Operands operands;
  ResultSort result;
  Notation notation;
  /// Concrete semantics on width-bit operands (zero-extended), following SMT-LIB
  /// (x/0 = all ones, x%0 = x, shifts >= width give 0 or sign fill); comparisons give 0
  /// or 1. Null where the operator is not a binary bit-vector operator.
  std::uint64_t (*eval_bv)(std::uint64_t a, std::uint64_t b, unsigned width);
};

/// The row of `op`.
const OpInfo& op_info(Op op);

/// Number of operators (the table's size; Op's enumerators are 0 .. count-1).
std::size_t op_count();

}  // namespace verdict::ir
