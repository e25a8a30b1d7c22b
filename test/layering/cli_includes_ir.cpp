// Deliberately wrong: the CLI is a thin client of include/verdict/; it cannot see the IR.
#include "ir/program.h"
