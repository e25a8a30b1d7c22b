// Deliberately wrong: engines find; they do not run the independent checker (the driver does).
#include "evidence/certificate_check.h"
