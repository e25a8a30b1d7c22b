/* Founding example 1: could f ever return false? No: unsigned addition commutes,
   even when it wraps around modulo 2^32. */
#include <assert.h>
#include <stdbool.h>

bool f(unsigned int x, unsigned int y) { return (x + y == y + x); }

void check_f(unsigned int x, unsigned int y) { assert(f(x, y)); } /* harness: x, y arbitrary */
