// Translation of Z3 expressions (as Spacer writes invariants) back into IR terms, with
// de Bruijn variables mapped to given IR terms. For use inside src/smt/ only. Not
// responsible for solving.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <z3++.h>

#include "ir/term.h"

namespace verdict::smt {

/// `e` as an IR term, `(:var i)` read as `bound[i]`; nullopt (with `why`) for an operator
/// outside the supported set.
std::optional<ir::Term> decode_z3(const z3::expr& e, const std::vector<ir::Term>& bound, std::string& why);

}  // namespace verdict::smt
