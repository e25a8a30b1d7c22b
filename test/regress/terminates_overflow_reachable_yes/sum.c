/* The loop ends after n steps whatever s holds: s + i can overflow (undefined behaviour),
   and that does not matter for termination, in C or over unbounded integers. */
int sum_below(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s = s + i;
  return s;
}
