// Job: translate calls. Functions defined in the file are inlined; SV-COMP builtins
// (__VERIFIER_*, reach_error), assert, exit/abort, clang's __ubsan_handle_* checks and
// LLVM intrinsics get their meaning here; other external functions are modelled as
// returning arbitrary values (recorded as assumptions) or are Unsupported.
#include <llvm/IR/Constants.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/IR/InlineAsm.h>
#include <llvm/IR/IntrinsicInst.h>

#include "frontend/c/translator.h"

namespace verdict::frontend::c {

using ir::Op;
using ir::Stmt;
using ir::Term;

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// The text of a constant C string argument ("x > 0" for assert), or empty.
std::string string_constant(const llvm::Value* v) {
  const auto* gv = llvm::dyn_cast<llvm::GlobalVariable>(v->stripPointerCasts());
  if (gv == nullptr || !gv->hasInitializer()) return {};
  const auto* data = llvm::dyn_cast<llvm::ConstantDataSequential>(gv->getInitializer());
  if (data == nullptr || !data->isCString()) return {};
  return data->getAsCString().str();
}

bool is_heap_function(const std::string& n) {
  static const char* const names[] = {"malloc", "calloc", "realloc", "free", "alloca", "__builtin_alloca",
                                      "valloc", "memalign", "aligned_alloc", "posix_memalign", "strdup",
                                      "strndup", "reallocarray"};
  for (const char* h : names)
    if (n == h) return true;
  return false;
}

bool is_output_function(const std::string& n) {
  static const char* const names[] = {"printf", "puts", "putchar", "fprintf", "fputs", "fputc", "putc", "fflush"};
  for (const char* h : names)
    if (n == h) return true;
  return false;
}

/// Strips the zero/sign extension clang puts around ubsan handler arguments.
const llvm::Value* handler_operand(const llvm::Value* v) {
  while (const auto* c = llvm::dyn_cast<llvm::CastInst>(v)) v = c->getOperand(0);
  return v;
}

/// The operation a ubsan handler block guards: the first instruction with one of
/// `opcodes` in the non-handler successor of the guarding branch.
const llvm::Instruction* guarded_operation(const llvm::CallBase& call, std::initializer_list<unsigned> opcodes) {
  const llvm::BasicBlock* handler = call.getParent();
  const llvm::BasicBlock* pred = handler->getSinglePredecessor();
  if (pred == nullptr) return nullptr;
  const auto* br = llvm::dyn_cast<llvm::BranchInst>(pred->getTerminator());
  if (br == nullptr || !br->isConditional()) return nullptr;
  const llvm::BasicBlock* cont = br->getSuccessor(0) == handler ? br->getSuccessor(1) : br->getSuccessor(0);
  for (const llvm::Instruction& i : *cont)
    for (unsigned op : opcodes)
      if (i.getOpcode() == op) return &i;
  return nullptr;
}

}  // namespace

/// The function a call's target designates when it is known statically: a function, or
/// a parameter of an inlined callee that received a function at its call site.
static const llvm::Function* resolve_callee(const Instance& start, const llvm::Value* target) {
  const Instance* inst = &start;
  for (unsigned steps = 0; steps < 64; ++steps) {
    target = target->stripPointerCasts();
    if (const auto* f = llvm::dyn_cast<llvm::Function>(target)) return f;
    const auto* arg = llvm::dyn_cast<llvm::Argument>(target);
    if (arg == nullptr || inst->call_site == nullptr) return nullptr;
    target = inst->call_site->getArgOperand(arg->getArgNo());
    inst = inst->caller;
  }
  return nullptr;
}

void Translator::translate_call(Instance& inst, const llvm::CallBase& call, Cursor& cur) {
  if (call.isInlineAsm()) throw NotModelled{"inline assembly"};
  const llvm::Function* f = resolve_callee(inst, call.getCalledOperand());
  if (f == nullptr) throw NotModelled{"indirect call through a function pointer"};
  if (llvm::isa<llvm::InvokeInst>(call) || llvm::isa<llvm::CallBrInst>(call)) throw NotModelled{"exception handling"};
  const std::string name = f->getName().str();
  if (f->isIntrinsic() || starts_with(name, "llvm.")) return translate_intrinsic(inst, call, name, cur);
  if (starts_with(name, "__ubsan_handle_")) return translate_ubsan(inst, call, name, cur);
  if (translate_svcomp(inst, call, name, cur)) return;
  if (!f->isDeclaration())
    return options_.modular ? call_procedure(inst, call, *f, cur) : inline_call(inst, call, *f, cur);
  translate_external(inst, call, name, cur);
}

bool Translator::translate_svcomp(Instance& inst, const llvm::CallBase& call, const std::string& name, Cursor& cur) {
  const SourceLocation loc = loc_of(call);
  const llvm::Function* f = resolve_callee(inst, call.getCalledOperand());
  const auto arg_nonzero = [&](unsigned k) {
    const Term c = value_term(inst, call.getArgOperand(k), cur);
    return c.sort().is_bool() ? c : ir::mk_not(ir::mk_eq(c, ir::mk_bv(c.sort().width(), 0)));
  };
  if (name == "reach_error" || name == "__VERIFIER_error") {
    std::string what = "call to " + name + "()";
    if (inst.fn->getName() == "__VERIFIER_assert" && inst.call_site && inst.call_site->arg_size() == 1) {
      const SourceLocation site = loc_of(*inst.call_site);
      what += ": __VERIFIER_assert(" + names_.describe(inst.call_site->getArgOperand(0)) + ") at line " +
              std::to_string(site.line) + " fails";
    }
    stop_path(cur, ir::PropertyKind::Assertion, what, loc);
  } else if (name == "__assert_fail" || name == "__assert" || name == "__assert_rtn" || name == "__assert_func") {
    std::string text = call.arg_size() > 0 ? string_constant(call.getArgOperand(0)) : "";
    if (name == "__assert_rtn" && call.arg_size() > 3) text = string_constant(call.getArgOperand(3));
    stop_path(cur, ir::PropertyKind::Assertion, text.empty() ? "assertion fails" : "assertion " + text + " fails", loc);
  } else if (starts_with(name, "__VERIFIER_nondet_")) {
    if (call.getType()->isVoidTy()) return true;
    if (call.getType()->isFloatingPointTy())
      throw NotModelled{"nondeterministic floating-point value (" + name + ")"};
    const ir::VarId v = var_for(inst, &call);
    cur.stmts.push_back(Stmt::havoc(v, name + "()", loc));
    const ir::Sort& s = program_.vars[v].sort;
    if ((ends_with(name, "bool") || ends_with(name, "_Bool")) && s.is_bv() && s.width() > 1)
      cur.stmts.push_back(Stmt::assume(ir::mk_binary(Op::Ule, program_.var_term(v), ir::mk_bv(s.width(), 1)), loc));
  } else if (name == "__VERIFIER_assume" || (name == "assume_abort_if_not" && f->isDeclaration())) {
    if (call.arg_size() < 1) throw NotModelled{name + " without argument"};
    cur.stmts.push_back(Stmt::assume(arg_nonzero(0), loc));
  } else if (name == "__VERIFIER_assert" && f->isDeclaration()) {
    if (call.arg_size() < 1) throw NotModelled{name + " without argument"};
    const std::string what = "assertion " + names_.describe(call.getArgOperand(0)) + " in __VERIFIER_assert";
    cur.stmts.push_back(Stmt::check(add_prop(ir::PropertyKind::Assertion, what, loc), arg_nonzero(0), loc));
  } else if (name == "__VERDICT_witness_claim" && f->isDeclaration()) {
    translate_witness_claim(inst, call, cur);
  } else if (name == "abort" || name == "exit" || name == "_Exit" || name == "_exit") {
    end_execution(cur);
  } else if (is_heap_function(name)) {
    throw NotModelled{"call to " + name + " (heap not modelled)"};
  } else if (starts_with(name, "pthread_") || starts_with(name, "__VERIFIER_atomic")) {
    throw NotModelled{"call to " + name + " (threads not modelled)"};
  } else if (name == "setjmp" || name == "_setjmp" || name == "longjmp" || name == "sigsetjmp" ||
             name == "siglongjmp" || name == "__sigsetjmp") {
    throw NotModelled{"call to " + name + " (non-local jumps not modelled)"};
  } else {
    return false;
  }
  return true;
}

void Translator::translate_witness_claim(Instance& inst, const llvm::CallBase& call, Cursor& cur) {
  const SourceLocation loc = loc_of(call);
  const auto* id = call.arg_size() == 2 ? llvm::dyn_cast<llvm::ConstantInt>(call.getArgOperand(0)) : nullptr;
  if (id == nullptr) throw NotModelled{"__VERDICT_witness_claim without a constant claim number"};
  const Term c = value_term(inst, call.getArgOperand(1), cur);
  const Term holds = c.sort().is_bool() ? c : ir::mk_not(ir::mk_eq(c, ir::mk_bv(c.sort().width(), 0)));
  const ir::PropId p = add_prop(ir::PropertyKind::WitnessClaim, "witness claim " + std::to_string(id->getZExtValue()), loc);
  program_.props[p].claim = static_cast<std::uint32_t>(id->getZExtValue());
  cur.stmts.push_back(Stmt::check(p, holds, loc));
  // The call's value is its condition (0 or 1), so that a claim can stand for a branch's condition.
  if (const llvm::Type* ret = call.getType(); ret->isIntegerTy()) {
    const unsigned w = ret->getIntegerBitWidth();
    cur.stmts.push_back(Stmt::assign(var_for(inst, &call), ir::mk_ite(holds, ir::mk_bv(w, 1), ir::mk_bv(w, 0)), loc));
  }
}

void Translator::translate_external(Instance& inst, const llvm::CallBase& call, const std::string& name, Cursor& cur) {
  const SourceLocation loc = loc_of(call);
  const bool output = is_output_function(name);
  if (!output) {
    for (const llvm::Use& arg : call.args())
      if (arg->getType()->isPointerTy())
        throw NotModelled{"call to external function " + name + " with pointer arguments (effects not modelled)"};
  }
  const llvm::Type* ret = call.getType();
  if (ret->isPointerTy()) throw NotModelled{"call to external function " + name + " returning a pointer"};
  if (ret->isFloatingPointTy()) throw NotModelled{"call to external function " + name + " returning a floating-point value"};
  if (!ret->isVoidTy()) {
    const ir::VarId v = var_for(inst, &call);
    cur.stmts.push_back(Stmt::havoc(v, "return value of external " + name + "()", loc));
  }
  if (output)
    assume_once("the output function " + name + " is modelled as returning an arbitrary value and not changing memory");
  else
    assume_once("the external function " + name +
                " (not defined in the file) is modelled as returning an arbitrary value and having no other effect");
}

void Translator::translate_intrinsic(Instance& inst, const llvm::CallBase& call, const std::string& name, Cursor& cur) {
  const SourceLocation loc = loc_of(call);
  const auto arg = [&](unsigned k) { return value_term(inst, call.getArgOperand(k), cur); };
  const auto define_call = [&](const Term& t) { cur.stmts.push_back(Stmt::assign(var_for(inst, &call), t, loc)); };
  if (starts_with(name, "llvm.dbg.") || starts_with(name, "llvm.lifetime.") || starts_with(name, "llvm.experimental.noalias") ||
      starts_with(name, "llvm.var.annotation") || name == "llvm.donothing" || starts_with(name, "llvm.stackrestore"))
    return;
  if (starts_with(name, "llvm.memcpy.") || starts_with(name, "llvm.memmove.") || starts_with(name, "llvm.memset."))
    return translate_mem_intrinsic(inst, call, name, cur);
  for (const char* op : {"sadd", "ssub", "smul", "uadd", "usub", "umul"})
    if (starts_with(name, (std::string("llvm.") + op + ".with.overflow.").c_str()))
      return translate_with_overflow(inst, call, op, cur);
  if (starts_with(name, "llvm.expect.")) return define_call(arg(0));
  if (starts_with(name, "llvm.stacksave")) return define_call(ir::mk_bv(ptr_bits_, 0));  // only for stackrestore
  if (starts_with(name, "llvm.assume")) {
    cur.stmts.push_back(Stmt::assume(bool_term(inst, call.getArgOperand(0), cur), loc));
    return;
  }
  if (name == "llvm.trap" || name == "llvm.ubsantrap" || name == "llvm.debugtrap")
    return stop_path(cur, ir::PropertyKind::Unsupported, "trap (undefined behaviour detected by clang)", loc);
  for (const auto& [prefix, cmp, pick_first] : {std::tuple{"llvm.smax.", Op::Slt, false}, {"llvm.smin.", Op::Slt, true},
                                                {"llvm.umax.", Op::Ult, false}, {"llvm.umin.", Op::Ult, true}}) {
    if (!starts_with(name, prefix)) continue;
    const Term a = arg(0), b = arg(1);
    if (!a.sort().is_bv()) break;
    const Term less = ir::mk_binary(cmp, a, b);
    return define_call(pick_first ? ir::mk_ite(less, a, b) : ir::mk_ite(less, b, a));
  }
  if (starts_with(name, "llvm.abs.")) {
    const Term a = arg(0);
    const Term zero = ir::mk_bv(a.sort().width(), 0);
    return define_call(ir::mk_ite(ir::mk_binary(Op::Slt, a, zero), ir::mk_unary(Op::Neg, a), a));
  }
  throw NotModelled{"intrinsic " + name};
}

void Translator::translate_ubsan(Instance& inst, const llvm::CallBase& call, const std::string& name, Cursor& cur) {
  ubsan_checks(inst, call, ir::mk_false(), cur);
  cur.stmts.push_back(Stmt::assume(ir::mk_false(), loc_of(call)));
  flush(cur, stop_loc());
  cur.live = false;
}

void Translator::ubsan_checks(Instance& inst, const llvm::CallBase& call, const Term& ok, Cursor& cur) {
  const std::string name = call.getCalledFunction() ? call.getCalledFunction()->getName().str() : "";
  const SourceLocation loc = loc_of(call);
  const auto operand = [&](unsigned k) {
    return k + 1 < call.arg_size() ? handler_operand(call.getArgOperand(k + 1)) : nullptr;
  };
  const auto text = [&](const llvm::Value* v) { return v ? names_.describe(v) : std::string("(expression)"); };
  const auto check = [&](ir::PropertyKind kind, const std::string& what, const Term& cond) {
    cur.stmts.push_back(Stmt::check(add_prop(kind, what, loc), cond, loc));
  };
  for (const auto& [op, sym] : {std::pair{"add", " + "}, {"sub", " - "}, {"mul", " * "}})
    if (name == std::string("__ubsan_handle_") + op + "_overflow_abort")
      return check(ir::PropertyKind::SignedOverflow, "signed overflow in " + text(operand(0)) + sym + text(operand(1)), ok);
  if (name == "__ubsan_handle_negate_overflow_abort")
    return check(ir::PropertyKind::SignedOverflow, "signed overflow in -" + text(operand(0)), ok);
  if (name == "__ubsan_handle_divrem_overflow_abort") {
    const llvm::Instruction* div = guarded_operation(call, {llvm::Instruction::SDiv, llvm::Instruction::SRem,
                                                            llvm::Instruction::UDiv, llvm::Instruction::URem});
    const unsigned opc = div ? div->getOpcode() : static_cast<unsigned>(llvm::Instruction::SDiv);
    const bool is_signed = opc == llvm::Instruction::SDiv || opc == llvm::Instruction::SRem;
    const char* sym = opc == llvm::Instruction::SDiv || opc == llvm::Instruction::UDiv ? " / " : " % ";
    const llvm::Value* a = div ? div->getOperand(0) : operand(0);
    const llvm::Value* b = div ? div->getOperand(1) : operand(1);
    const std::string expr = text(a) + sym + text(b);
    if (b == nullptr || !b->getType()->isIntegerTy())
      return check(ir::PropertyKind::DivisionByZero, "division by zero or overflow in " + expr, ok);
    const Term divisor = value_term(inst, b, cur);
    check(ir::PropertyKind::DivisionByZero, "division by zero in " + expr,
          ir::mk_not(ir::mk_eq(divisor, ir::mk_bv(divisor.sort().width(), 0))));
    if (is_signed) return check(ir::PropertyKind::SignedOverflow, "signed overflow in " + expr, ok);
    cur.stmts.push_back(Stmt::assume(ok, loc));
    return;
  }
  if (name == "__ubsan_handle_shift_out_of_bounds_abort") {
    const llvm::Instruction* sh = guarded_operation(call, {llvm::Instruction::Shl, llvm::Instruction::AShr,
                                                           llvm::Instruction::LShr});
    // A shift of constants is folded away: only the handler's operands are left, and which
    // shift it was is unknown (the description must not guess "<<").
    if (sh == nullptr)
      return check(ir::PropertyKind::InvalidShift, "invalid shift of " + text(operand(0)) + " by " + text(operand(1)), ok);
    const char* sym = sh->getOpcode() != llvm::Instruction::Shl ? " >> " : " << ";
    return check(ir::PropertyKind::InvalidShift, "invalid shift in " + text(sh->getOperand(0)) + sym + text(sh->getOperand(1)),
                 ok);
  }
  if (name == "__ubsan_handle_out_of_bounds_abort")
    return check(ir::PropertyKind::Unsupported, "array index out of bounds (undefined behaviour)", ok);
  check(ir::PropertyKind::Unsupported, "undefined behaviour (" + name + ")", ok);
}

const llvm::CallBase* ubsan_handler_block(const llvm::BasicBlock& bb) {
  const llvm::CallBase* handler = nullptr;
  for (const llvm::Instruction& i : bb) {
    if (llvm::isa<llvm::CastInst>(i) || llvm::isa<llvm::DbgInfoIntrinsic>(i)) continue;
    if (llvm::isa<llvm::UnreachableInst>(i)) return handler;
    const auto* call = llvm::dyn_cast<llvm::CallBase>(&i);
    const llvm::Function* f = call ? call->getCalledFunction() : nullptr;
    if (handler || f == nullptr || !f->getName().startswith("__ubsan_handle_")) return nullptr;
    handler = call;
  }
  return nullptr;
}

const llvm::CallBase* folded_ubsan_handler(const llvm::BasicBlock& bb) {
  const llvm::CallBase* handler = ubsan_handler_block(bb);
  const llvm::BasicBlock* pred = bb.getSinglePredecessor();
  if (handler == nullptr || pred == nullptr) return nullptr;
  const auto* br = llvm::dyn_cast<llvm::BranchInst>(pred->getTerminator());
  if (br == nullptr || !br->isConditional() || br->getSuccessor(0) == br->getSuccessor(1)) return nullptr;
  const llvm::BasicBlock* other = br->getSuccessor(0) == &bb ? br->getSuccessor(1) : br->getSuccessor(0);
  return ubsan_handler_block(*other) ? nullptr : handler;
}

}  // namespace verdict::frontend::c
