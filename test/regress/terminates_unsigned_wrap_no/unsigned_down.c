/* i >= 0 always holds for an unsigned i: the countdown wraps around and never ends. */
void countdown(unsigned n) {
  for (unsigned i = n; i >= 0; i--)
    ;
}
