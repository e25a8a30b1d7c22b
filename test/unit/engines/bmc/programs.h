// Small hand-built IR programs shared by the interpreter, BMC and evidence tests.
#pragma once

#include <string>

#include "ir/program.h"

namespace verdict::testprog {

using namespace verdict::ir;

inline VarId bv_var(Program& p, const std::string& name, unsigned width = 32, bool is_signed = false) {
  return p.add_var(Variable{name, Sort::bitvec(width), name, is_signed ? "int" : "unsigned int", is_signed, {}});
}

inline Term v(const Program& p, VarId id) { return p.var_term(id); }
inline Term c32(std::uint64_t value) { return mk_bv(32, value); }
inline Term add(const Term& a, const Term& b) { return mk_binary(Op::Add, a, b); }
inline Term ult(const Term& a, const Term& b) { return mk_binary(Op::Ult, a, b); }
inline Term slt(const Term& a, const Term& b) { return mk_binary(Op::Slt, a, b); }

inline Program make_program(const std::string& file = "test.c", const std::string& entry = "main") {
  Program p;
  p.file = file;
  p.entry = entry;
  p.language = "C";
  return p;
}

/// havoc x, y (parameters); check(cond(x, y)) with an Assertion property.
template <typename Cond>
Program two_inputs_assertion(Cond cond, const std::string& entry = "check_f", const std::string& file = "test.c") {
  Program p = make_program(file, entry);
  const VarId x = bv_var(p, "x"), y = bv_var(p, "y");
  const LocId l0 = p.add_loc("init"), l1 = p.add_loc("l1"), l2 = p.add_loc("exit");
  p.init = l0;
  p.exit = l2;
  const PropId a = p.add_prop(PropertyKind::Assertion, "assertion f(x, y)", SourceLocation{file, 4, 0});
  p.add_edge(l0, l1, {Stmt::havoc(x, "parameter x", {file, 4, 0}), Stmt::havoc(y, "parameter y", {file, 4, 0})});
  p.add_edge(l1, l2, {Stmt::check(a, cond(v(p, x), v(p, y)), {file, 4, 0})});
  return p;
}

/// i := 0; while (i < bound) i := i + 1; check(final_check(i)).
template <typename Cond>
Program counting_loop(std::uint64_t bound, Cond final_check) {
  Program p = make_program();
  const VarId i = bv_var(p, "i", 32, true);
  const LocId l0 = p.add_loc("init"), head = p.add_loc("head"), body = p.add_loc("body"),
              after = p.add_loc("after"), done = p.add_loc("exit");
  p.init = l0;
  p.exit = done;
  p.locs[head].loop_head = true;
  const PropId a = p.add_prop(PropertyKind::Assertion, "assertion after the loop", SourceLocation{"test.c", 9, 0});
  const Term guard = slt(v(p, i), c32(bound));
  p.add_edge(l0, head, {Stmt::assign(i, c32(0), {"test.c", 2, 0})});
  p.add_edge(head, body, {Stmt::assume(guard)});
  p.add_edge(body, head, {Stmt::assign(i, add(v(p, i), c32(1)), {"test.c", 3, 0})});
  p.add_edge(head, after, {Stmt::assume(mk_not(guard))});
  p.add_edge(after, done, {Stmt::check(a, final_check(v(p, i)), {"test.c", 9, 0})});
  return p;
}

}  // namespace verdict::testprog
