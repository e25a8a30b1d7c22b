// The proof obligations of a recursion ranking argument, derived from a modular program:
// that every call within a recursive cycle of the call graph decreases the callee's
// ranking function from a non-negative value of the caller's. Shared by the recursion
// ranking search (which discharges them with Z3) and the termination checker (cvc5): the
// derivation is the certificate's meaning, the solvers differ. Not responsible for
// finding the functions or discharging the obligations.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ir/program.h"
#include "ir/termination_evidence.h"

namespace verdict::transform {

/// The procedure whose automaton each location belongs to (-1 for the entry's own), by
/// reachability from each procedure's entry.
std::vector<int> procedure_of_locations(const ir::Program& program);

/// The obligations (name, formula that must be unsatisfiable) that the recursive calls of
/// the modular `program` decrease `functions` (per procedure) from a non-negative value:
/// one per path of up to three cut-point steps that ends at such a call, starting from a
/// cut point's invariant. A non-empty
/// `only_callers` restricts the obligations to the calls made by those procedures. A
/// non-empty `next` is a second function per procedure, lexicographically after the first
/// (ir::RankingCertificate::recursion_next).
std::vector<std::pair<std::string, ir::Term>> recursion_obligations(
    const ir::Program& program, const std::map<std::uint32_t, ir::LinearFunction>& functions,
    const std::map<ir::LocId, ir::Term>& invariants, const std::set<std::uint32_t>& only_callers = {},
    const std::map<std::uint32_t, ir::LinearFunction>& next = {});

}  // namespace verdict::transform
