#include "evidence/cvc5_prove.h"

#include "evidence/cvc5_encoder.h"

namespace verdict::evidence {

Cvc5Result prove_with_cvc5(const ir::Term& formula, const support::Deadline& deadline) {
  using O = Outcome;
  if (formula.is_false()) return {O::Proved, ""};
  const unsigned ms = deadline.remaining_ms();
  if (ms == 0) return {O::Undecided, "deadline reached before cvc5 finished"};
  try {
    cvc5::Solver solver;
    solver.setOption("tlimit-per", std::to_string(ms));
    try {  // CaDiCaL decides the bit-blasted obligations far faster than the default MiniSat
      solver.setOption("bv-sat-solver", "cadical");
    } catch (const cvc5::CVC5ApiException&) {
    }
    Cvc5Encoder encoder(solver);
    solver.assertFormula(encoder.encode(formula));
    const cvc5::Result r = solver.checkSat();
    if (r.isUnsat()) return {O::Proved, ""};
    if (r.isSat()) return {O::Refuted, "cvc5 found a counterexample to it"};
    return {O::Undecided, "cvc5 could not decide it (" + r.toString() + ")"};
  } catch (const Cvc5EncodeError& e) {
    return {O::Undecided, std::string("cannot be expressed for cvc5: ") + e.what()};
  } catch (const cvc5::CVC5ApiException& e) {
    return {O::Undecided, std::string("cvc5 error: ") + e.what()};
  }
}

std::string prove_unsat_cvc5(const ir::Term& formula, const support::Deadline& deadline) {
  return prove_with_cvc5(formula, deadline).why;
}

bool discharge_obligation(const std::string& name, const ir::Term& formula, const support::Deadline& deadline,
                          std::vector<std::string>& proved, std::string& failure, bool* refuted) {
  const Cvc5Result r = prove_with_cvc5(formula, deadline);
  if (r.outcome == Outcome::Proved) {
    proved.push_back(name);
    return true;
  }
  failure = "obligation '" + name + "' not proved: " + r.why;
  if (refuted != nullptr) *refuted = r.outcome == Outcome::Refuted;
  return false;
}

}  // namespace verdict::evidence
