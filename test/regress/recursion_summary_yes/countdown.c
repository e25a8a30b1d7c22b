extern int __VERIFIER_nondet_int(void);
extern void abort(void);
void reach_error(void) { abort(); }

int countdown(int n) {
  if (n <= 0) return 0;
  return countdown(n - 1);
}

int main(void) {
  int n = __VERIFIER_nondet_int();
  if (n < 0) return 0;
  if (countdown(n) != 0) reach_error();
  return 0;
}
