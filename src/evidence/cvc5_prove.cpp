#include "evidence/cvc5_prove.h"

#include "evidence/cvc5_encoder.h"

namespace verdict::evidence {

std::string prove_unsat_cvc5(const ir::Term& formula, const support::Deadline& deadline) {
  if (formula.is_false()) return "";
  const unsigned ms = deadline.remaining_ms();
  if (ms == 0) return "deadline reached before cvc5 finished";
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
    if (r.isUnsat()) return "";
    if (r.isSat()) return "cvc5 found a counterexample to it";
    return "cvc5 could not decide it (" + r.toString() + ")";
  } catch (const Cvc5EncodeError& e) {
    return std::string("cannot be expressed for cvc5: ") + e.what();
  } catch (const cvc5::CVC5ApiException& e) {
    return std::string("cvc5 error: ") + e.what();
  }
}

bool discharge_obligation(const std::string& name, const ir::Term& formula, const support::Deadline& deadline,
                          std::vector<std::string>& proved, std::string& failure) {
  const std::string why = prove_unsat_cvc5(formula, deadline);
  if (why.empty()) {
    proved.push_back(name);
    return true;
  }
  failure = "obligation '" + name + "' not proved: " + why;
  return false;
}

}  // namespace verdict::evidence
