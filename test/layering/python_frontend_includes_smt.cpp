// Deliberately wrong: the Python frontend builds IR only; choosing properties or solving is
// not its job, so it cannot see the engines' solver adapter (frontend/python <- smt is no edge).
#include "smt/solver.h"
