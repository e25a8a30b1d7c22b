// Deliberately wrong: evidence (checkers, replay) is below the engines.
#include "engines/engine.h"
