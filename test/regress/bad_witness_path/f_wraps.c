/* A variant of founding example 1 that is false: x + 1 wraps to 0 when x = 4294967295. */
#include <assert.h>
#include <stdbool.h>

bool f(unsigned int x) { return x + 1 > x; }

void check_f(unsigned int x) { assert(f(x)); }
