extern unsigned __VERIFIER_nondet_uint(void);
extern void __VERIFIER_assert(int);
int main() {
  unsigned n = __VERIFIER_nondet_uint();
  unsigned i = 0;
  while (i < n) i++;
  __VERIFIER_assert(i == n);
  return 0;
}
