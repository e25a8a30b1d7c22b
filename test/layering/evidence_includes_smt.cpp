// Deliberately wrong: the independent checker (cvc5) must not reach Z3's adapter.
#include "smt/solver.h"
