// Deliberately wrong: the IR is below the solver adapter (ir <- smt), so it cannot see smt/.
#include "smt/solver.h"
