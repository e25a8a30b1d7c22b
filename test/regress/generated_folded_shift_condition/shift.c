/* Found by test/generated (seed 7, program 48), minimised by hand. The shift by a negative
   amount is undefined behaviour on every execution, but clang's code generator folds the
   constant condition (its constant evaluator treats a bad shift as a note, not as undefined
   behaviour), so no UBSan check is emitted: the frontend finds such shifts in the AST. */

void f(unsigned char b) {
  if ((256 << (-129)) != 9) b = 1;
}
