extern unsigned __VERIFIER_nondet_uint(void);
extern void __VERIFIER_assume(int);
extern void __VERIFIER_assert(int);
int main() {
  unsigned a = __VERIFIER_nondet_uint();
  unsigned b = __VERIFIER_nondet_uint();
  __VERIFIER_assume(a < 65536 && b < 65536);
  unsigned s = 0;
  for (unsigned i = 0; i < b; i++) s += a;
  __VERIFIER_assert(s == a * b);
  return 0;
}
