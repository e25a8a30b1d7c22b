// Turns a certificate's invariants into the human-readable proof items of an answer: each
// invariant printed in the source language at its cut point's source location, without
// the integer bounds that another bound of the same conjunction implies (0 <= y beside
// 0 < y): the printed formula is equivalent to the checked one. Not responsible
// for checking the certificate (certificate_check.h).
#pragma once

#include <map>
#include <vector>

#include "ir/program.h"
#include "verdict/answer.h"

namespace verdict::evidence {

/// One item per non-trivial invariant, in location order: "invariant", or for a
/// procedure's entry and exit "precondition of f" and "summary of f".
std::vector<ProofItem> invariant_items(const ir::Program& program, const std::map<ir::LocId, ir::Term>& invariants);

/// The certificate's loop-head invariants in a form other tools read (C programs only):
/// one entry per function and loop-head position, listing every loop head of the program
/// (each inlined copy of a function has its own). Its expression is the disjunction of
/// the copies' invariants there when each is an exact C expression (print_exact_c_expr)
/// over source variables of its own function that are live there (so each name is the
/// variable's current value), else empty: a reader must not place an invariant at a
/// source loop one of whose heads has an empty entry or an unknown position.
std::vector<LoopInvariant> loop_invariants(const ir::Program& program, const std::map<ir::LocId, ir::Term>& invariants);

}  // namespace verdict::evidence
