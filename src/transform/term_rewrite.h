// Generic rewriting helpers over IR term DAGs: substitution of variables by terms and
// collection of the variables a term mentions, both memoised on shared nodes and free
// of recursion. Not responsible for simplification beyond the term constructors' folding.
#pragma once

#include <functional>
#include <set>
#include <unordered_map>
#include <vector>

#include "ir/term.h"

namespace verdict::transform {

/// Replaces variables: `lookup(v)` returns the replacement, or an invalid Term to keep v.
/// `memo` may be shared between calls that use the same lookup.
ir::Term substitute(const ir::Term& t, const std::function<ir::Term(ir::VarId)>& lookup,
                    std::unordered_map<ir::TermId, ir::Term>& memo);
/// Same with a fresh memo.
ir::Term substitute(const ir::Term& t, const std::function<ir::Term(ir::VarId)>& lookup);
/// Replaces the variables present in `map`.
ir::Term substitute(const ir::Term& t, const std::unordered_map<ir::VarId, ir::Term>& map);

/// Adds every variable of `t` to `out`.
void collect_vars(const ir::Term& t, std::set<ir::VarId>& out);

}  // namespace verdict::transform
