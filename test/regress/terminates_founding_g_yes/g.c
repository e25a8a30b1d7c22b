/* Founding example 2: g always returns, and x - y cannot overflow (x > y > 0 before it). */
void g(int x, int y) {
  if (y > 0)
    while (x > y) x = x - y;
}
