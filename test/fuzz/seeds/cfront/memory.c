#include <assert.h>
#include <stdlib.h>
extern int __VERIFIER_nondet_int(void);
struct node { int value; struct node* next; };
static int sum(const int* a, unsigned n) {
  int s = 0;
  for (unsigned i = 0; i < n; ++i) s += a[i] >> 1;
  return s;
}
int main(void) {
  int a[4] = {1, 2, 3, 4};
  unsigned char c = (unsigned char)__VERIFIER_nondet_int();
  struct node* n = malloc(sizeof *n);
  if (!n) return 0;
  n->value = c % 7;
  n->next = 0;
  switch (c & 3) { case 0: a[0] = -a[1]; break; case 1: a[2] = (int)(c / 3u); break; default: break; }
  while (n->value > 0) n->value--;
  assert(sum(a, 4) >= -1 && n->value == 0);
  free(n);
  return 0;
}
