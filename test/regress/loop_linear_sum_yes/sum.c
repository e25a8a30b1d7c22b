/* s grows by 3 per round up to n <= 10000: s == 3 * i is the invariant. Bit-vector Spacer
   and k-induction do not find it in time; the integer encoding without wrap-around finds
   it as a candidate, which cvc5 then re-checks over bit-vectors. */
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assert(int);
int main(void) {
  int n = __VERIFIER_nondet_int();
  if (n < 0 || n > 10000) return 0;
  int s = 0, i = 0;
  while (i < n) { s += 3; i++; }
  __VERIFIER_assert(s == 3 * n);
  return 0;
}
