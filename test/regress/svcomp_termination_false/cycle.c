/* From x = 3 or 4 the loop alternates between them forever. */
extern int __VERIFIER_nondet_int(void);
int main(void) {
  int x = __VERIFIER_nondet_int();
  if (x < 0 || x > 10) return 0;
  while (x != 5)
    x = (x == 3) ? 4 : 3;
  return 0;
}
