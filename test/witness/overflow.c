int f(int x, int y) {
  int s = 0;
  if (x > 100)
    s = x + y;
  return s;
}
