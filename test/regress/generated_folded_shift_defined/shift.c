/* A folded condition whose shifts are all defined (1 << 30 fits an int): nothing to report,
   the answer stays yes (the check for folded bad shifts must not fire on good ones). */

void f(unsigned char b) {
  if ((1 << 30) != 9 && (3 >> 1) == 1) b = 1;
  if ((-8 >> 1) < 0) b = 2;
}
