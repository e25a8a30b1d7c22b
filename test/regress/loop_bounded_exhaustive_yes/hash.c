/* A bounded loop whose invariant is not linear: h stays at most (3^i - 1) / 2 after i
   rounds. Every execution ends after 20 rounds, more than k-induction's k, so bounded
   model checking explores all of them; the bound is the certificate that cvc5 re-checks
   by unrolling the program itself. */
extern unsigned __VERIFIER_nondet_uint(void);
extern void __VERIFIER_assert(int);
int main(void) {
  unsigned x = __VERIFIER_nondet_uint();
  unsigned h = 0;
  for (int i = 0; i < 20; i++) h = h * 3u + ((x >> i) & 1u);
  __VERIFIER_assert(h <= 1743392200u);
  return 0;
}
