// Deliberately wrong: the termination engine may not run its own checker (the driver does).
#include "evidence/termination_check.h"
