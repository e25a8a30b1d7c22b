extern unsigned int __VERIFIER_nondet_uint(void);
extern void abort(void);
void reach_error(void) { abort(); }
void __VERIFIER_assert(int c) { if (!c) { reach_error(); } }
int main(void) {
  unsigned int n = __VERIFIER_nondet_uint();
  unsigned int x = 0;
  if (n > 1000) return 0;
  while (x < n) {
    x = x + 1;
  }
  __VERIFIER_assert(x == n);
  return 0;
}
