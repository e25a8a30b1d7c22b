#include <assert.h>
#include <stdbool.h>
extern unsigned int __VERIFIER_nondet_uint(void);
extern int __VERIFIER_nondet_int(void);
bool f(unsigned int x, unsigned int y) { return (x + y == y + x); }
void g(int x, int y) { if (y > 0) while (x > y) x = x - y; }
int main(void) {
  unsigned int x = __VERIFIER_nondet_uint(), y = __VERIFIER_nondet_uint();
  assert(f(x, y));
  g(__VERIFIER_nondet_int(), __VERIFIER_nondet_int());
  return x + 1 > x;
}
