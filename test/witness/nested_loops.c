extern unsigned int __VERIFIER_nondet_uint(void);
extern void abort(void);
void reach_error(void) { abort(); }
void __VERIFIER_assert(int c) { if (!c) { reach_error(); } }
int main(void) {
  unsigned int n = __VERIFIER_nondet_uint();
  unsigned int i = 0, total = 0;
  if (n > 100) return 0;
  for (i = 0; i < n; i++) {
    unsigned int j = 0;
    while (j < i) {
      j++;
    }
    total = total + j;
    __VERIFIER_assert(j == i);
  }
  return 0;
}
