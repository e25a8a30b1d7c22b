// Translation of IR terms into cvc5 terms, for the independent re-checking of
// certificates. The only header besides cvc5_encoder.cpp that includes cvc5; include it
// only from src/evidence/*.cpp. Not responsible for deciding what to check.
#pragma once

#include <stdexcept>
#include <unordered_map>
#include <vector>

#include <cvc5/cvc5.h>

#include "ir/term.h"

namespace verdict::evidence {

/// A term the encoder cannot express in cvc5 (e.g. a constant array of a non-constant).
class Cvc5EncodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Cvc5Encoder {
 public:
  explicit Cvc5Encoder(cvc5::Solver& solver) : solver_(solver) {}

  cvc5::Sort sort(const ir::Sort& s);
  /// The cvc5 constant of variable `v` (one per VarId and solver).
  cvc5::Term var(ir::VarId v, const ir::Sort& s);
  /// The cvc5 term of `t` (memoised on shared nodes; no recursion).
  cvc5::Term encode(const ir::Term& t);

 private:
  cvc5::Term build(const ir::Term& t, const std::vector<cvc5::Term>& args);
  cvc5::Term arith(const ir::Term& t, cvc5::Kind bv, cvc5::Kind integer, const std::vector<cvc5::Term>& a);

  cvc5::Solver& solver_;
  std::unordered_map<ir::VarId, cvc5::Term> vars_;
  std::unordered_map<ir::TermId, cvc5::Term> cache_;
  std::vector<ir::Term> keep_alive_;
};

}  // namespace verdict::evidence
