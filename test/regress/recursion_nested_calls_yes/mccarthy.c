extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assert(int);

/* McCarthy's 91 function: two nested recursive calls. */
int f91(int x) {
  if (x > 100) return x - 10;
  return f91(f91(x + 11));
}

int main(void) {
  int x = __VERIFIER_nondet_int();
  int r = f91(x);
  __VERIFIER_assert(x > 101 || r == 91);
  return 0;
}
