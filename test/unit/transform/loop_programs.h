// Small hand-built IR programs with loops, shared by the unit tests of the cut-point
// summaries, the invariant engines and the certificate checker. Not a test itself.
#pragma once

#include "ir/program.h"

namespace verdict::testing {

inline ir::Variable bv_var(const std::string& name, unsigned width, bool is_signed) {
  return ir::Variable{name, ir::Sort::bitvec(width), name, is_signed ? "int" : "unsigned int", is_signed, {}};
}

inline ir::Term c32(std::uint64_t v) { return ir::mk_bv(32, v); }

/// `int i = 0; while (i < 10) i++; assert(i == 10);` — loop head is location 1.
inline ir::Program counter_to_ten() {
  ir::Program p;
  const ir::VarId i = p.add_var(bv_var("i", 32, true));
  const ir::Term iv = p.var_term(i);
  const ir::LocId l0 = p.add_loc("entry"), head = p.add_loc("head"), after = p.add_loc("after"),
                  done = p.add_loc("exit");
  p.locs[head].loop_head = true;
  p.locs[head].loc = SourceLocation{"t.c", 2, 3};
  const ir::PropId a = p.add_prop(ir::PropertyKind::Assertion, "assertion i == 10", SourceLocation{"t.c", 3, 1});
  p.add_edge(l0, head, {ir::Stmt::assign(i, c32(0))});
  p.add_edge(head, head, {ir::Stmt::assume(ir::mk_binary(ir::Op::Slt, iv, c32(10))),
                          ir::Stmt::assign(i, ir::mk_binary(ir::Op::Add, iv, c32(1)))});
  p.add_edge(head, after, {ir::Stmt::assume(ir::mk_not(ir::mk_binary(ir::Op::Slt, iv, c32(10))))});
  p.add_edge(after, done, {ir::Stmt::check(a, ir::mk_eq(iv, c32(10)))});
  p.init = l0;
  p.exit = done;
  return p;
}

/// `unsigned x = 0, y = 0; while (*) { x++; y++; } assert(x == y);` — head is location 1.
inline ir::Program twin_counters() {
  ir::Program p;
  const ir::VarId x = p.add_var(bv_var("x", 32, false));
  const ir::VarId y = p.add_var(bv_var("y", 32, false));
  ir::Variable cv{"c", ir::Sort::boolean(), "", "_Bool", false, {}};
  const ir::VarId c = p.add_var(cv);
  const ir::LocId l0 = p.add_loc("entry"), head = p.add_loc("head"), body = p.add_loc("body"),
                  after = p.add_loc("after"), done = p.add_loc("exit");
  p.locs[head].loop_head = true;
  const ir::PropId a = p.add_prop(ir::PropertyKind::Assertion, "assertion x == y", SourceLocation{"t.c", 4, 1});
  p.add_edge(l0, head, {ir::Stmt::assign(x, c32(0)), ir::Stmt::assign(y, c32(0))});
  p.add_edge(head, body, {ir::Stmt::havoc(c, "__VERIFIER_nondet_bool()")});
  p.add_edge(body, head, {ir::Stmt::assume(p.var_term(c)),
                          ir::Stmt::assign(x, ir::mk_binary(ir::Op::Add, p.var_term(x), c32(1))),
                          ir::Stmt::assign(y, ir::mk_binary(ir::Op::Add, p.var_term(y), c32(1)))});
  p.add_edge(body, after, {ir::Stmt::assume(ir::mk_not(p.var_term(c)))});
  p.add_edge(after, done, {ir::Stmt::check(a, ir::mk_eq(p.var_term(x), p.var_term(y)))});
  p.init = l0;
  p.exit = done;
  return p;
}

/// `unsigned char x = 1; while (*) x++; assert(x != 0);` — false: x wraps to 0 after 255
/// increments, although over the integers x >= 1 would be an invariant.
inline ir::Program wrapping_counter() {
  ir::Program p;
  const ir::VarId x = p.add_var(bv_var("x", 8, false));
  ir::Variable cv{"c", ir::Sort::boolean(), "", "_Bool", false, {}};
  const ir::VarId c = p.add_var(cv);
  const ir::LocId l0 = p.add_loc("entry"), head = p.add_loc("head"), body = p.add_loc("body"),
                  after = p.add_loc("after"), done = p.add_loc("exit");
  p.locs[head].loop_head = true;
  const ir::PropId a = p.add_prop(ir::PropertyKind::Assertion, "assertion x != 0", SourceLocation{"t.c", 4, 1});
  p.add_edge(l0, head, {ir::Stmt::assign(x, ir::mk_bv(8, 1))});
  p.add_edge(head, body, {ir::Stmt::havoc(c, "__VERIFIER_nondet_bool()")});
  p.add_edge(body, head, {ir::Stmt::assume(p.var_term(c)),
                          ir::Stmt::assign(x, ir::mk_binary(ir::Op::Add, p.var_term(x), ir::mk_bv(8, 1)))});
  p.add_edge(body, after, {ir::Stmt::assume(ir::mk_not(p.var_term(c)))});
  p.add_edge(after, done, {ir::Stmt::check(a, ir::mk_not(ir::mk_eq(p.var_term(x), ir::mk_bv(8, 0))))});
  p.init = l0;
  p.exit = done;
  return p;
}

/// `int n = *; assume(n >= 0); int i = 0; while (i < n) i++; assert(i == n);` with a
/// signed-overflow check on i + 1 — head is location 1.
inline ir::Program count_to_n() {
  ir::Program p;
  const ir::VarId i = p.add_var(bv_var("i", 32, true));
  const ir::VarId n = p.add_var(bv_var("n", 32, true));
  const ir::Term iv = p.var_term(i), nv = p.var_term(n);
  const ir::LocId l0 = p.add_loc("entry"), head = p.add_loc("head"), after = p.add_loc("after"),
                  done = p.add_loc("exit");
  p.locs[head].loop_head = true;
  const ir::PropId a = p.add_prop(ir::PropertyKind::Assertion, "assertion i == n", SourceLocation{"t.c", 5, 1});
  const ir::PropId o = p.add_prop(ir::PropertyKind::SignedOverflow, "signed overflow in i + 1", SourceLocation{"t.c", 4, 20});
  const ir::Term no_overflow = ir::mk_not(ir::mk_eq(iv, c32(0x7FFFFFFF)));
  p.add_edge(l0, head, {ir::Stmt::havoc(n, "__VERIFIER_nondet_int()"),
                        ir::Stmt::assume(ir::mk_binary(ir::Op::Sle, c32(0), nv)), ir::Stmt::assign(i, c32(0))});
  p.add_edge(head, head, {ir::Stmt::assume(ir::mk_binary(ir::Op::Slt, iv, nv)), ir::Stmt::check(o, no_overflow),
                          ir::Stmt::assign(i, ir::mk_binary(ir::Op::Add, iv, c32(1)))});
  p.add_edge(head, after, {ir::Stmt::assume(ir::mk_not(ir::mk_binary(ir::Op::Slt, iv, nv)))});
  p.add_edge(after, done, {ir::Stmt::check(a, ir::mk_eq(iv, nv))});
  p.init = l0;
  p.exit = done;
  return p;
}

/// `unsigned x = *; assert(x + 1 != x);` and, if `wrong`, `assert(x + 1 > x)` — no loop.
inline ir::Program straight_line(bool wrong) {
  ir::Program p;
  const ir::VarId x = p.add_var(bv_var("x", 32, false));
  const ir::Term xv = p.var_term(x);
  const ir::LocId l0 = p.add_loc("entry"), l1 = p.add_loc("mid"), done = p.add_loc("exit");
  const ir::PropId a = p.add_prop(ir::PropertyKind::Assertion, "assertion x + 1 != x", SourceLocation{"t.c", 2, 1});
  const ir::Term inc = ir::mk_binary(ir::Op::Add, xv, c32(1));
  p.add_edge(l0, l1, {ir::Stmt::havoc(x, "parameter x"), ir::Stmt::check(a, ir::mk_not(ir::mk_eq(inc, xv)))});
  std::vector<ir::Stmt> tail;
  if (wrong) {
    const ir::PropId b = p.add_prop(ir::PropertyKind::Assertion, "assertion x + 1 > x", SourceLocation{"t.c", 3, 1});
    tail.push_back(ir::Stmt::check(b, ir::mk_binary(ir::Op::Ult, xv, inc)));
  }
  p.add_edge(l1, done, tail);
  p.init = l0;
  p.exit = done;
  return p;
}

/// `int a, b = 6; for (a = 0; a < 6; ++a) for (b = 0; b < 6; ++b) {} assert(a == 6 && b == 6);`
/// Outer head is location 1, inner head location 2.
inline ir::Program nested_counters() {
  ir::Program p;
  const ir::VarId a = p.add_var(bv_var("a", 32, true));
  const ir::VarId b = p.add_var(bv_var("b", 32, true));
  const ir::Term av = p.var_term(a), bv = p.var_term(b);
  const ir::LocId l0 = p.add_loc("entry"), outer = p.add_loc("outer"), inner = p.add_loc("inner"),
                  after = p.add_loc("after"), done = p.add_loc("exit");
  p.locs[outer].loop_head = true;
  p.locs[inner].loop_head = true;
  const ir::PropId q = p.add_prop(ir::PropertyKind::Assertion, "assertion a == 6 && b == 6", SourceLocation{"t.c", 3, 1});
  const auto lt6 = [](const ir::Term& x) { return ir::mk_binary(ir::Op::Slt, x, c32(6)); };
  p.add_edge(l0, outer, {ir::Stmt::assign(b, c32(6)), ir::Stmt::assign(a, c32(0))});
  p.add_edge(outer, inner, {ir::Stmt::assume(lt6(av)), ir::Stmt::assign(b, c32(0))});
  p.add_edge(inner, inner, {ir::Stmt::assume(lt6(bv)), ir::Stmt::assign(b, ir::mk_binary(ir::Op::Add, bv, c32(1)))});
  p.add_edge(inner, outer, {ir::Stmt::assume(ir::mk_not(lt6(bv))), ir::Stmt::assign(a, ir::mk_binary(ir::Op::Add, av, c32(1)))});
  p.add_edge(outer, after, {ir::Stmt::assume(ir::mk_not(lt6(av)))});
  p.add_edge(after, done, {ir::Stmt::check(q, ir::mk_and(ir::mk_eq(av, c32(6)), ir::mk_eq(bv, c32(6))))});
  p.init = l0;
  p.exit = done;
  return p;
}

/// A modular program: `int down(int n) { return n <= 0 ? 0 : down(n - 1); }` and
/// `main: x := *; assume 0 <= x <= 100; y := down(x); assert(y == expected)`.
/// Safe for expected == 0 (the summary `\result == 0` proves it); no loop, only recursion.
inline ir::Program recursive_countdown(std::uint64_t expected = 0) {
  ir::Program p;
  const ir::VarId x = p.add_var(bv_var("x", 32, true)), y = p.add_var(bv_var("y", 32, true));
  const ir::VarId n = p.add_var(bv_var("n", 32, true)), r = p.add_var(bv_var("result", 32, true));
  const ir::VarId m = p.add_var(bv_var("m", 32, true)), c = p.add_var(bv_var("c", 32, true));
  const ir::LocId l0 = p.add_loc("init"), call = p.add_loc("main.call"), after = p.add_loc("main.after"),
                  done = p.add_loc("exit");
  const ir::LocId entry = p.add_loc("down.entry"), ret = p.add_loc("down.return"), rec = p.add_loc("down.call"),
                  back = p.add_loc("down.after");
  p.procedures.push_back(ir::Procedure{"down", entry, ret, {n}, {r}, {}});
  const ir::PropId a = p.add_prop(ir::PropertyKind::Assertion, "assertion y == expected", SourceLocation{"t.c", 9, 3});
  const ir::Term xv = p.var_term(x), nv = p.var_term(n);
  p.add_edge(l0, call, {ir::Stmt::havoc(x, "__VERIFIER_nondet_int()"),
                        ir::Stmt::assume(ir::mk_binary(ir::Op::Sle, c32(0), xv)),
                        ir::Stmt::assume(ir::mk_binary(ir::Op::Sle, xv, c32(100)))});
  p.add_edge(call, after, {ir::Stmt::call(0, {xv}, {y})});
  p.add_edge(after, done, {ir::Stmt::check(a, ir::mk_eq(p.var_term(y), c32(expected)))});
  p.add_edge(entry, ret, {ir::Stmt::assume(ir::mk_binary(ir::Op::Sle, nv, c32(0))), ir::Stmt::assign(r, c32(0))});
  p.add_edge(entry, rec, {ir::Stmt::assume(ir::mk_binary(ir::Op::Slt, c32(0), nv)),
                          ir::Stmt::assign(m, ir::mk_binary(ir::Op::Sub, nv, c32(1)))});
  p.add_edge(rec, back, {ir::Stmt::call(0, {p.var_term(m)}, {c})});
  p.add_edge(back, ret, {ir::Stmt::assign(r, p.var_term(c))});
  p.init = l0;
  p.exit = done;
  return p;
}

}  // namespace verdict::testing
