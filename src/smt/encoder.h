// Translation of IR terms to Z3 expressions and of Z3 model values back to IR values.
// For use inside src/smt/ only (it exposes Z3 types); engines go through solver.h.
// Not responsible for solving.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <z3++.h>

#include "ir/term.h"
#include "ir/value.h"

namespace verdict::smt {

class Encoder {
 public:
  Encoder(z3::context& ctx, std::string symbol_prefix = "v") : ctx_(ctx), prefix_(std::move(symbol_prefix)) {}

  /// The Z3 sort of an IR sort.
  z3::sort sort(const ir::Sort& s);
  /// Maps variable `v` to `e` in later encodings (the state); unbound variables become
  /// constants named `<prefix><v>`. Rebinding clears the term cache.
  void bind(ir::VarId v, const z3::expr& e);
  /// The Z3 constant (or bound expression) of variable `v` of sort `s`.
  z3::expr var(ir::VarId v, const ir::Sort& s);
  /// The Z3 expression of `t` (memoised on the shared term nodes).
  z3::expr encode(const ir::Term& t);

 private:
  z3::expr build(const ir::Term& t, const std::vector<z3::expr>& args);

  z3::context& ctx_;
  std::string prefix_;
  std::unordered_map<ir::VarId, z3::expr> vars_;
  std::unordered_map<ir::TermId, z3::expr> cache_;
  std::vector<ir::Term> keep_alive_;  // the cache is keyed by node identity
};

/// An IR value of sort `s` from a Z3 value (a numeral, true/false, or an array value
/// made of store/const-array/as-array). Empty if it does not fit (e.g. int beyond int64).
std::optional<ir::Value> to_value(const z3::expr& value, const ir::Sort& s, const z3::model& model);

}  // namespace verdict::smt
