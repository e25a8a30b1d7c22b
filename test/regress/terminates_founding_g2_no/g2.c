/* Founding example 3: without the guard, g2(5, 0) runs forever, and with y < 0 the
   subtraction x - y can overflow (undefined behaviour in C). */
void g2(int x, int y) {
  while (x > y) x = x - y;
}
