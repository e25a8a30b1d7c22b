/* A bounded loop whose invariant is not linear: h stays below (31^i - 1) / 30 after i
   rounds. Every execution ends after six rounds, so bounded model checking explores all
   of them; the bound is the certificate that cvc5 re-checks by unrolling the program. */
extern unsigned __VERIFIER_nondet_uint(void);
extern void __VERIFIER_assert(int);
int main(void) {
  unsigned x = __VERIFIER_nondet_uint();
  unsigned h = 0;
  for (int i = 0; i < 6; i++) h = h * 31u + ((x >> i) & 1u);
  __VERIFIER_assert(h <= 29583456u);
  return 0;
}
