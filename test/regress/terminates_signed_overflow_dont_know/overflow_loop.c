/* x only grows: every execution without undefined behaviour ends in a signed overflow,
   so there is no infinite one to show, and the overflow forbids a yes. */
void grow(int x) {
  while (x > 0)
    x = x + 1;
}
