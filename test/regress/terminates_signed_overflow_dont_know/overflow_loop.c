/* x only grows: every execution without undefined behaviour ends in a signed overflow,
   so there is no infinite one to show; over unbounded integers it never ends, so no yes. */
void grow(int x) {
  while (x > 0)
    x = x + 1;
}
