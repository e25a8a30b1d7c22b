/* Needs a lexicographic argument: i decreases when j is reset, j decreases otherwise. */
void lex(int i, int j, int n) {
  if (n < 0 || n > 1000 || j < 0 || j > 1000) return;
  i = n;
  while (i > 0) {
    if (j > 0) j--;
    else { j = n; i--; }
  }
}
