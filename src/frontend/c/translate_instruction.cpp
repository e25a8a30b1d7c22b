// Job: translate one non-control-flow LLVM instruction (integer arithmetic, comparisons,
// casts, select, with.overflow intrinsics) and LLVM constants into IR terms, and give SSA
// values their IR variables (named after the C variables they hold where known).
#include <llvm/IR/Constants.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Operator.h>

#include "frontend/c/translator.h"
#include "support/invariant.h"

namespace verdict::frontend::c {

using ir::Op;
using ir::Stmt;
using ir::Term;

namespace {

Term to_bv(const Term& t) {
  return t.sort().is_bool() ? ir::mk_ite(t, ir::mk_bv(1, 1), ir::mk_bv(1, 0)) : t;
}

Term to_bool(const Term& t) {
  return t.sort().is_bool() ? t : ir::mk_eq(ir::mk_extract(0, 0, t), ir::mk_bv(1, 1));
}

/// Whether an instruction's value gets its own IR variable (else its term is substituted
/// into its uses, all of which are later in the same block).
bool needs_var(const llvm::Instruction& i, const DebugNames& names) {
  if (llvm::isa<llvm::PHINode>(i) || llvm::isa<llvm::LoadInst>(i) || llvm::isa<llvm::CallBase>(i)) return true;
  if (names.variable_of(&i) != nullptr) return true;
  for (const llvm::User* u : i.users()) {
    const auto* ui = llvm::dyn_cast<llvm::Instruction>(u);
    if (ui == nullptr || llvm::isa<llvm::PHINode>(ui) || ui->getParent() != i.getParent()) return true;
  }
  return false;
}

Op binary_op(unsigned opcode) {
  switch (opcode) {
    case llvm::Instruction::Add: return Op::Add;
    case llvm::Instruction::Sub: return Op::Sub;
    case llvm::Instruction::Mul: return Op::Mul;
    case llvm::Instruction::UDiv: return Op::UDiv;
    case llvm::Instruction::SDiv: return Op::SDiv;
    case llvm::Instruction::URem: return Op::URem;
    case llvm::Instruction::SRem: return Op::SRem;
    case llvm::Instruction::Shl: return Op::Shl;
    case llvm::Instruction::LShr: return Op::LShr;
    case llvm::Instruction::AShr: return Op::AShr;
    case llvm::Instruction::And: return Op::BvAnd;
    case llvm::Instruction::Or: return Op::BvOr;
    case llvm::Instruction::Xor: return Op::BvXor;
    default: throw NotModelled{"floating-point arithmetic"};
  }
}

Term compare(llvm::CmpInst::Predicate p, Term a, Term b) {
  if (a.sort().is_bool() && (p == llvm::CmpInst::ICMP_EQ || p == llvm::CmpInst::ICMP_NE)) {
    return p == llvm::CmpInst::ICMP_EQ ? ir::mk_eq(a, b) : ir::mk_not(ir::mk_eq(a, b));
  }
  a = to_bv(a);
  b = to_bv(b);
  switch (p) {
    case llvm::CmpInst::ICMP_EQ: return ir::mk_eq(a, b);
    case llvm::CmpInst::ICMP_NE: return ir::mk_not(ir::mk_eq(a, b));
    case llvm::CmpInst::ICMP_ULT: return ir::mk_binary(Op::Ult, a, b);
    case llvm::CmpInst::ICMP_ULE: return ir::mk_binary(Op::Ule, a, b);
    case llvm::CmpInst::ICMP_UGT: return ir::mk_binary(Op::Ult, b, a);
    case llvm::CmpInst::ICMP_UGE: return ir::mk_binary(Op::Ule, b, a);
    case llvm::CmpInst::ICMP_SLT: return ir::mk_binary(Op::Slt, a, b);
    case llvm::CmpInst::ICMP_SLE: return ir::mk_binary(Op::Sle, a, b);
    case llvm::CmpInst::ICMP_SGT: return ir::mk_binary(Op::Slt, b, a);
    case llvm::CmpInst::ICMP_SGE: return ir::mk_binary(Op::Sle, b, a);
    default: throw NotModelled{"floating-point comparison"};
  }
}

Term binary(unsigned opcode, const Term& a, const Term& b) {
  const Op op = binary_op(opcode);
  if (!a.sort().is_bool()) return ir::mk_binary(op, a, b);
  if (op == Op::BvAnd) return ir::mk_and(a, b);
  if (op == Op::BvOr) return ir::mk_or(a, b);
  if (op == Op::BvXor) {
    if (b.op() == Op::BoolConst) return b.bool_value() ? ir::mk_not(a) : a;
    return ir::mk_not(ir::mk_eq(a, b));
  }
  return to_bool(ir::mk_binary(op, to_bv(a), to_bv(b)));
}

Term cast(unsigned opcode, const Term& v, unsigned to_width) {
  if (to_width == 1 && opcode != llvm::Instruction::ZExt && opcode != llvm::Instruction::SExt)
    return to_bool(v.sort().is_bool() ? v : ir::mk_extract(0, 0, v));
  if (v.sort().is_bool()) {
    const std::uint64_t one = opcode == llvm::Instruction::SExt ? ir::mask(to_width) : 1;
    return ir::mk_ite(v, ir::mk_bv(to_width, one), ir::mk_bv(to_width, 0));
  }
  return ir::mk_resize(v, to_width, opcode == llvm::Instruction::SExt);
}

}  // namespace

ir::Sort Translator::sort_of(const llvm::Type* t) const {
  if (t->isIntegerTy(1)) return ir::Sort::boolean();
  if (t->isIntegerTy()) {
    if (t->getIntegerBitWidth() > 64) throw NotModelled{"integer type wider than 64 bits"};
    return ir::Sort::bitvec(t->getIntegerBitWidth());
  }
  if (t->isPointerTy()) return ir::Sort::bitvec(ptr_bits_);
  if (t->isFloatingPointTy()) throw NotModelled{"floating-point value"};
  if (t->isVectorTy()) throw NotModelled{"vector value"};
  throw NotModelled{"value of aggregate type (struct or array passed by value)"};
}

ir::VarId Translator::fresh_var(const std::string& name, const ir::Sort& sort) {
  std::string unique = name;
  unsigned& next = name_suffix_[name];
  while (!var_names_.insert(unique).second) unique = name + "." + std::to_string(++next);
  return program_.add_var(ir::Variable{unique, sort, {}, {}, false, {}});
}

ir::VarId Translator::var_for(Instance& inst, const llvm::Value* value) {
  if (auto it = inst.values.find(value); it != inst.values.end()) {
    VERDICT_INVARIANT(it->second.op() == Op::Var, "value already substituted by a term");
    return it->second.var();
  }
  const llvm::DILocalVariable* dv = names_.variable_of(value);
  std::string base = dv ? dv->getName().str() : value->getName().str();
  if (base.empty()) base = "t";
  const ir::VarId id = fresh_var(inst.prefix + "." + base, sort_of(value->getType()));
  ir::Variable& v = program_.vars[id];
  if (dv) {
    v.source_name = dv->getName().str();
    v.type_name = DebugNames::c_type_name(dv->getType());
    v.is_signed = DebugNames::is_signed(dv->getType());
    v.loc = SourceLocation{names_.file_name(dv->getFilename(), dv->getDirectory()), dv->getLine(), 0};
  }
  inst.values[value] = program_.var_term(id);
  return id;
}

Term Translator::value_term(Instance& inst, const llvm::Value* v, Cursor& cur) {
  if (auto it = inst.values.find(v); it != inst.values.end()) return it->second;
  if (const auto* c = llvm::dyn_cast<llvm::Constant>(v)) return constant_term(c, inst, cur);
  if (llvm::isa<llvm::Argument>(v) || llvm::isa<llvm::Instruction>(v)) return program_.var_term(var_for(inst, v));
  throw NotModelled{"operand that is not a value (inline assembly or metadata)"};
}

Term Translator::bool_term(Instance& inst, const llvm::Value* v, Cursor& cur) {
  return to_bool(value_term(inst, v, cur));
}

Term Translator::undef_value(const llvm::Type* t, Cursor& cur) {
  const ir::VarId v = fresh_var("undef", sort_of(t));
  cur.stmts.push_back(Stmt::havoc(v, "uninitialised value", last_loc_));
  return program_.var_term(v);
}

Term Translator::constant_term(const llvm::Constant* c, Instance& inst, Cursor& cur) {
  if (const auto* ci = llvm::dyn_cast<llvm::ConstantInt>(c)) {
    if (ci->getBitWidth() == 1) return ir::mk_bool(ci->isOne());
    if (ci->getBitWidth() > 64) throw NotModelled{"integer constant wider than 64 bits"};
    return ir::mk_bv(ci->getBitWidth(), ci->getZExtValue());
  }
  if (llvm::isa<llvm::ConstantPointerNull>(c)) return ir::mk_bv(ptr_bits_, 0);
  if (llvm::isa<llvm::UndefValue>(c)) return undef_value(c->getType(), cur);
  if (const auto* g = llvm::dyn_cast<llvm::GlobalValue>(c)) return address_of_global(g);
  if (const auto* ce = llvm::dyn_cast<llvm::ConstantExpr>(c)) {
    llvm::Instruction* i = const_cast<llvm::ConstantExpr*>(ce)->getAsInstruction();
    try {
      Term t = pure_instruction(inst, *i, cur);
      i->deleteValue();
      return t;
    } catch (...) {
      i->deleteValue();
      throw;
    }
  }
  if (llvm::isa<llvm::ConstantFP>(c)) throw NotModelled{"floating-point constant"};
  throw NotModelled{"constant of aggregate or vector type"};
}

void Translator::define(Instance& inst, const llvm::Instruction& i, const Term& t, Cursor& cur) {
  if (needs_var(i, names_)) {
    cur.stmts.push_back(Stmt::assign(var_for(inst, &i), t, loc_of(i)));
  } else {
    inst.values[&i] = t;
  }
}

Term Translator::pure_instruction(Instance& inst, const llvm::Instruction& i, Cursor& cur) {
  const unsigned opcode = i.getOpcode();
  if (i.getType()->isFloatingPointTy() || (i.getNumOperands() > 0 && i.getOperand(0)->getType()->isFloatingPointTy()))
    throw NotModelled{"floating-point arithmetic"};
  if (const auto* bin = llvm::dyn_cast<llvm::BinaryOperator>(&i)) {
    sort_of(bin->getType());
    return binary(opcode, value_term(inst, bin->getOperand(0), cur), value_term(inst, bin->getOperand(1), cur));
  }
  if (const auto* cmp = llvm::dyn_cast<llvm::ICmpInst>(&i)) {
    if (cmp->getOperand(0)->getType()->isVectorTy()) throw NotModelled{"vector comparison"};
    return compare(cmp->getPredicate(), value_term(inst, cmp->getOperand(0), cur),
                   value_term(inst, cmp->getOperand(1), cur));
  }
  if (const auto* sel = llvm::dyn_cast<llvm::SelectInst>(&i)) {
    sort_of(sel->getType());
    return ir::mk_ite(bool_term(inst, sel->getCondition(), cur), value_term(inst, sel->getTrueValue(), cur),
                      value_term(inst, sel->getFalseValue(), cur));
  }
  switch (opcode) {
    case llvm::Instruction::ZExt: case llvm::Instruction::SExt: case llvm::Instruction::Trunc:
    case llvm::Instruction::PtrToInt: case llvm::Instruction::IntToPtr: {
      const ir::Sort to = sort_of(i.getType());
      return cast(opcode, value_term(inst, i.getOperand(0), cur), to.is_bool() ? 1 : to.width());
    }
    case llvm::Instruction::BitCast: case llvm::Instruction::AddrSpaceCast: {
      const ir::Sort to = sort_of(i.getType());
      const Term v = value_term(inst, i.getOperand(0), cur);
      if (v.sort() != to) throw NotModelled{"bit-cast between different types (floating point or vectors)"};
      return v;
    }
    case llvm::Instruction::GetElementPtr: return gep_address(inst, i, cur);
    case llvm::Instruction::Freeze: return value_term(inst, i.getOperand(0), cur);
    case llvm::Instruction::ExtractValue: {
      const auto& ev = llvm::cast<llvm::ExtractValueInst>(i);
      auto it = inst.aggregates.find(ev.getAggregateOperand());
      if (it == inst.aggregates.end() || ev.getNumIndices() != 1 || ev.getIndices()[0] >= it->second.size())
        throw NotModelled{"aggregate value (extractvalue)"};
      return it->second[ev.getIndices()[0]];
    }
    default: break;
  }
  throw NotModelled{std::string("LLVM instruction '") + i.getOpcodeName() + "'"};
}

void Translator::translate_instruction(Instance& inst, const llvm::Instruction& i, Cursor& cur) {
  if (i.getDebugLoc()) last_loc_ = loc_of(i);
  if (llvm::isa<llvm::DbgInfoIntrinsic>(i) || llvm::isa<llvm::PHINode>(i)) return;
  // A procedure's frames would share its stack objects: only the entry may use memory.
  if (options_.modular && !inst.is_entry &&
      (llvm::isa<llvm::AllocaInst>(i) || (!llvm::isa<llvm::CallBase>(i) && i.mayReadOrWriteMemory())))
    throw NotModelled{"memory access inside a called function (modular analysis)"};
  if (const auto* a = llvm::dyn_cast<llvm::AllocaInst>(&i)) return translate_alloca(inst, *a, cur);
  if (const auto* l = llvm::dyn_cast<llvm::LoadInst>(&i)) return translate_load(inst, *l, cur);
  if (const auto* s = llvm::dyn_cast<llvm::StoreInst>(&i)) return translate_store(inst, *s, cur);
  if (const auto* c = llvm::dyn_cast<llvm::CallBase>(&i)) return translate_call(inst, *c, cur);
  if (llvm::isa<llvm::VAArgInst>(i)) throw NotModelled{"va_arg (variadic arguments)"};
  if (i.isAtomic()) throw NotModelled{"atomic operation"};
  if (i.isEHPad()) throw NotModelled{"exception handling"};
  if (llvm::isa<llvm::InsertValueInst>(i)) throw NotModelled{"aggregate value (insertvalue)"};
  define(inst, i, pure_instruction(inst, i, cur), cur);
}

void Translator::translate_with_overflow(Instance& inst, const llvm::CallBase& call, const std::string& op,
                                         Cursor& cur) {
  const Term a = to_bv(value_term(inst, call.getArgOperand(0), cur));
  const Term b = to_bv(value_term(inst, call.getArgOperand(1), cur));
  const unsigned w = a.sort().width();
  const bool is_signed = op[0] == 's';
  const std::string kind = op.substr(1);
  const Op arith = kind == "add" ? Op::Add : kind == "sub" ? Op::Sub : Op::Mul;
  const Term r = ir::mk_binary(arith, a, b);
  Term ovf;
  if (kind == "mul" && w <= 32) {
    const Term wide = ir::mk_binary(Op::Mul, ir::mk_resize(a, 2 * w, is_signed), ir::mk_resize(b, 2 * w, is_signed));
    ovf = ir::mk_not(ir::mk_eq(wide, ir::mk_resize(r, 2 * w, is_signed)));
  } else if (kind == "mul") {
    const Term zero = ir::mk_bv(w, 0);
    const Term quotient = ir::mk_binary(is_signed ? Op::SDiv : Op::UDiv, r, a);
    ovf = ir::mk_and(ir::mk_not(ir::mk_eq(a, zero)), ir::mk_not(ir::mk_eq(quotient, b)));
    if (is_signed) {
      const Term special = ir::mk_and(ir::mk_eq(a, ir::mk_bv(w, ir::mask(w))),
                                      ir::mk_eq(b, ir::mk_bv(w, std::uint64_t{1} << (w - 1))));
      ovf = ir::mk_or(ovf, special);
    }
  } else if (is_signed) {
    const Term zero = ir::mk_bv(w, 0);
    const Term sa = ir::mk_binary(Op::Slt, a, zero), sb = ir::mk_binary(Op::Slt, b, zero);
    const Term sr = ir::mk_binary(Op::Slt, r, zero);
    const Term same_operand_signs = ir::mk_eq(sa, sb);
    ovf = ir::mk_and(kind == "add" ? same_operand_signs : ir::mk_not(same_operand_signs),
                     ir::mk_not(ir::mk_eq(sr, sa)));
  } else {
    ovf = kind == "add" ? ir::mk_binary(Op::Ult, r, a) : ir::mk_binary(Op::Ult, a, b);
  }
  inst.aggregates[&call] = {r, ovf};
}

}  // namespace verdict::frontend::c
