#include <assert.h>
int main(void) {
  double d = 0.1;
  d = d * 3.0;
  assert(d > 0.2);
  return 0;
}
