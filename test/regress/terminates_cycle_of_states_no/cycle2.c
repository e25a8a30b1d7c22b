/* From x = 3 or 4 the loop alternates between them forever. */
void flip(int x) {
  if (x < 0 || x > 10) return;
  while (x != 5)
    x = (x == 3) ? 4 : 3;
}
