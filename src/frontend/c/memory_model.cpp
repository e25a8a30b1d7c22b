// Job: the flat byte memory. Globals get constant addresses in a zero-initialised array
// (mem.globals), allocas in an array with arbitrary initial contents (mem.stack); loads and
// stores are little-endian byte selects/stores guarded by "inside the object" checks of
// kind Unsupported; GEPs are address arithmetic; memcpy/memset become byte copies.
#include <llvm/IR/Constants.h>
#include <llvm/IR/GetElementPtrTypeIterator.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Operator.h>

#include "frontend/c/translator.h"
#include "support/invariant.h"

namespace verdict::frontend::c {

using ir::Op;
using ir::Stmt;
using ir::Term;

namespace {

constexpr std::uint64_t kStackBase = 0x40000000;
constexpr std::uint64_t kFunctionBase = 0x30000000;
constexpr std::uint64_t kMaxCopy = 4096;
constexpr std::size_t kMaxInitialBytes = 8192;   // non-zero initializer bytes (one store each)
const char* const kOutOfBounds = "memory access possibly out of bounds (undefined behaviour not modelled)";

std::uint64_t align_up(std::uint64_t v, std::uint64_t a) { return (v + a - 1) / a * a; }

}  // namespace

ir::VarId Translator::global_mem() {
  if (!gmem_) gmem_ = fresh_var("mem.globals", ir::Sort::array(ir::Sort::bitvec(ptr_bits_), ir::Sort::bitvec(8)));
  return *gmem_;
}

ir::VarId Translator::stack_mem() {
  if (!smem_) smem_ = fresh_var("mem.stack", ir::Sort::array(ir::Sort::bitvec(ptr_bits_), ir::Sort::bitvec(8)));
  return *smem_;
}

Term Translator::address_of_global(const llvm::GlobalValue* g) {
  if (const auto* alias = llvm::dyn_cast<llvm::GlobalAlias>(g)) {
    const auto* target = llvm::dyn_cast<llvm::GlobalValue>(alias->getAliasee()->stripPointerCasts());
    if (target == nullptr) throw NotModelled{"global alias"};
    return address_of_global(target);
  }
  if (const auto* f = llvm::dyn_cast<llvm::Function>(g)) {
    auto [it, fresh] = function_addresses_.emplace(f, kFunctionBase + 16 * function_addresses_.size());
    return ir::mk_bv(ptr_bits_, it->second);
  }
  const auto* gv = llvm::dyn_cast<llvm::GlobalVariable>(g);
  if (gv == nullptr) throw NotModelled{"address of a global that is not a variable"};
  if (auto it = global_objects_.find(gv); it != global_objects_.end())
    return ir::mk_bv(ptr_bits_, objects_[it->second].base);
  const std::uint64_t size = layout_.getTypeAllocSize(gv->getValueType()).getFixedSize();
  const std::uint64_t align = std::max<std::uint64_t>(16, gv->getAlign() ? gv->getAlign()->value() : 1);
  const std::uint64_t base = align_up(next_global_, align);
  if (base + size + 16 >= kFunctionBase) throw NotModelled{"global data too large for the memory model"};
  next_global_ = base + std::max<std::uint64_t>(size, 1) + 16;
  // External globals (declared, not defined) get an address but no object: their
  // contents are unknown, so every access fails the bounds check (don't know).
  if (gv->hasInitializer()) {
    objects_.push_back(MemObject{gv->getName().str(), base, size, true, gv->isConstant(), {}, nullptr});
    global_objects_[gv] = objects_.size() - 1;
    global_order_.push_back(gv);
  } else {
    global_objects_[gv] = objects_.size();
    objects_.push_back(MemObject{gv->getName().str(), base, 0, true, true, {}, nullptr});
  }
  return ir::mk_bv(ptr_bits_, base);
}

void Translator::translate_alloca(Instance& inst, const llvm::AllocaInst& a, Cursor& cur) {
  const auto* count = llvm::dyn_cast<llvm::ConstantInt>(a.getArraySize());
  if (count == nullptr) return translate_vla(inst, a, cur);
  const std::uint64_t size = layout_.getTypeAllocSize(a.getAllocatedType()).getFixedSize() * count->getZExtValue();
  const llvm::DILocalVariable* dv = names_.variable_of(&a);
  const std::string name = inst.prefix + "." + (dv ? dv->getName().str() : a.getName().str());
  const std::uint64_t base = allocate_stack_object(inst, &a, name, size, a.getAlign().value());
  inst.values[&a] = ir::mk_bv(ptr_bits_, base);
  // An inlined callee may run many times: give its locals fresh arbitrary contents.
  if (!inst.is_entry && size <= 256 && size > 0) {
    if (!fresh_mem_) fresh_mem_ = fresh_var("mem.fresh", program_.vars[stack_mem()].sort);
    const SourceLocation loc = loc_of(a);
    cur.stmts.push_back(Stmt::havoc(*fresh_mem_, "uninitialised local " + name, loc));
    std::vector<Term> bytes;
    for (std::uint64_t k = 0; k < size; ++k)
      bytes.push_back(ir::mk_select(program_.var_term(*fresh_mem_), ir::mk_bv(ptr_bits_, base + k)));
    store_bytes(ir::mk_bv(ptr_bits_, base), bytes, Region::Stack, cur, loc);
  }
}

std::uint64_t Translator::allocate_stack_object(Instance& inst, const llvm::Value* key, const std::string& name,
                                                std::uint64_t size, std::uint64_t align) {
  const std::uint64_t base = align_up(next_stack_, std::max<std::uint64_t>(16, align));
  if (base + size + 16 >= (ptr_bits_ == 32 ? 0xF0000000ull : 0x100000000000ull))
    throw NotModelled{"stack data too large for the memory model"};
  next_stack_ = base + std::max<std::uint64_t>(size, 1) + 16;
  objects_.push_back(MemObject{name, base, size, false, false, {}, &inst});
  inst.objects[key] = objects_.size() - 1;
  return base;
}

Term Translator::copy_byval_argument(Instance& caller, Instance& callee, const llvm::CallBase& call, unsigned i,
                                     Cursor& cur) {
  const llvm::Value* actual = call.getArgOperand(i);
  const std::uint64_t size = layout_.getTypeAllocSize(call.getParamByValType(i)).getFixedSize();
  if (size > kMaxCopy) throw NotModelled{"struct of more than 4096 bytes passed by value"};
  const SourceLocation loc = loc_of(call);
  const llvm::Argument* param = callee.fn->getArg(i);
  const std::string name = callee.prefix + "." + (param->hasName() ? param->getName().str() : "byval");
  const std::uint64_t base = allocate_stack_object(callee, param, name, size, 16);
  if (size == 0) return ir::mk_bv(ptr_bits_, base);
  const Term src = value_term(caller, actual, cur);
  const std::vector<Term> bytes = load_bytes(src, size, check_access(caller, actual, src, size, false, cur, loc));
  store_bytes(ir::mk_bv(ptr_bits_, base), bytes, Region::Stack, cur, loc);
  return ir::mk_bv(ptr_bits_, base);
}

void Translator::translate_vla(Instance& inst, const llvm::AllocaInst& a, Cursor& cur) {
  const std::uint64_t reserve = ptr_bits_ == 32 ? (std::uint64_t{1} << 24) : (std::uint64_t{1} << 28);
  const std::uint64_t elem = std::max<std::uint64_t>(1, layout_.getTypeAllocSize(a.getAllocatedType()).getFixedSize());
  const SourceLocation loc = loc_of(a);
  const Term count = ir::mk_resize(value_term(inst, a.getArraySize(), cur), ptr_bits_, false);
  const std::string what = "variable-length array of more than " + std::to_string(reserve) + " bytes (not modelled)";
  cur.stmts.push_back(Stmt::check(add_prop(ir::PropertyKind::Unsupported, what, loc),
                                  ir::mk_binary(Op::Ule, count, ir::mk_bv(ptr_bits_, reserve / elem)), loc));
  const std::uint64_t base = align_up(next_stack_, 16);
  next_stack_ = base + reserve + 16;
  const llvm::DILocalVariable* dv = names_.variable_of(&a);
  const std::string name = inst.prefix + "." + (dv ? dv->getName().str() : a.getName().str());
  const Term size = elem == 1 ? count : ir::mk_binary(Op::Mul, count, ir::mk_bv(ptr_bits_, elem));
  objects_.push_back(MemObject{name, base, reserve, false, false, size, &inst});
  inst.objects[&a] = objects_.size() - 1;
  define(inst, a, ir::mk_bv(ptr_bits_, base), cur);
}

Term Translator::inside_object(const MemObject& o, const Term& addr, std::uint64_t n) const {
  const Term rel = ir::mk_binary(Op::Sub, addr, ir::mk_bv(ptr_bits_, o.base));
  if (!o.size_term.valid()) {
    if (n > o.size) return ir::mk_false();
    return ir::mk_binary(Op::Ule, rel, ir::mk_bv(ptr_bits_, o.size - n));
  }
  const Term fits = ir::mk_binary(Op::Ule, ir::mk_bv(ptr_bits_, n), o.size_term);
  return ir::mk_and(fits, ir::mk_binary(Op::Ule, rel, ir::mk_binary(Op::Sub, o.size_term, ir::mk_bv(ptr_bits_, n))));
}

Term Translator::gep_address(Instance& inst, const llvm::User& user, Cursor& cur) {
  const auto* gep = llvm::dyn_cast<llvm::GEPOperator>(&user);
  if (gep == nullptr || gep->getType()->isVectorTy()) throw NotModelled{"vector address computation"};
  Term addr = value_term(inst, gep->getPointerOperand(), cur);
  std::uint64_t constant = 0;
  for (auto it = llvm::gep_type_begin(gep), end = llvm::gep_type_end(gep); it != end; ++it) {
    const llvm::Value* idx = it.getOperand();
    if (llvm::StructType* st = it.getStructTypeOrNull()) {
      const unsigned field = static_cast<unsigned>(llvm::cast<llvm::ConstantInt>(idx)->getZExtValue());
      constant += layout_.getStructLayout(st)->getElementOffset(field);
      continue;
    }
    const std::uint64_t elem = layout_.getTypeAllocSize(it.getIndexedType()).getFixedSize();
    if (const auto* ci = llvm::dyn_cast<llvm::ConstantInt>(idx)) {
      constant += static_cast<std::uint64_t>(ci->getSExtValue()) * elem;
      continue;
    }
    const Term i = ir::mk_resize(value_term(inst, idx, cur), ptr_bits_, true);
    addr = ir::mk_binary(Op::Add, addr, elem == 1 ? i : ir::mk_binary(Op::Mul, i, ir::mk_bv(ptr_bits_, elem)));
  }
  if (constant != 0) addr = ir::mk_binary(Op::Add, addr, ir::mk_bv(ptr_bits_, constant));
  return addr;
}

std::optional<std::size_t> Translator::base_object(const Instance& start, const llvm::Value* ptr,
                                                   std::int64_t& offset, bool& offset_known) {
  offset = 0;
  offset_known = true;
  const Instance* inst = &start;
  for (unsigned steps = 0; steps < 64; ++steps) {
    if (const auto* gep = llvm::dyn_cast<llvm::GEPOperator>(ptr)) {
      llvm::APInt o(layout_.getIndexSizeInBits(0), 0);
      if (offset_known && gep->accumulateConstantOffset(layout_, o))
        offset += o.getSExtValue();
      else
        offset_known = false;
      ptr = gep->getPointerOperand();
    } else if (const auto* op = llvm::dyn_cast<llvm::Operator>(ptr);
               op && (op->getOpcode() == llvm::Instruction::BitCast ||
                      op->getOpcode() == llvm::Instruction::AddrSpaceCast)) {
      ptr = op->getOperand(0);
    } else if (const auto* arg = llvm::dyn_cast<llvm::Argument>(ptr);
               arg && inst->call_site && inst->objects.count(arg) == 0) {  // byval copies are objects
      ptr = inst->call_site->getArgOperand(arg->getArgNo());
      inst = inst->caller;
    } else {
      break;
    }
  }
  if (const auto* gv = llvm::dyn_cast<llvm::GlobalVariable>(ptr)) {
    address_of_global(gv);
    return global_objects_.at(gv);
  }
  if (auto it = inst->objects.find(ptr); it != inst->objects.end()) return it->second;
  return std::nullopt;
}

Region Translator::check_access(Instance& inst, const llvm::Value* ptr, const Term& addr, std::uint64_t n,
                                bool is_store, Cursor& cur, const SourceLocation& loc) {
  std::int64_t offset = 0;
  bool offset_known = false;
  const std::optional<std::size_t> obj = base_object(inst, ptr, offset, offset_known);
  if (!obj) {
    const ir::PropId p = add_prop(ir::PropertyKind::Unsupported, kOutOfBounds, loc);
    cur.stmts.push_back(Stmt::check(p, ir::mk_false(), loc));
    pending_checks_.push_back(PendingCheck{p, addr, n, is_store, &inst});
    return Region::Unknown;
  }
  const MemObject& o = objects_[*obj];
  const Region region = o.global ? Region::Global : Region::Stack;
  if (is_store && o.read_only) throw NotModelled{"write to constant object " + o.name};
  if (n > o.size) throw NotModelled{"memory access outside " + o.name + " (undefined behaviour not modelled)"};
  if (offset_known && !o.size_term.valid()) {
    if (offset < 0 || static_cast<std::uint64_t>(offset) + n > o.size)
      throw NotModelled{"memory access outside " + o.name + " (undefined behaviour not modelled)"};
    return region;
  }
  const Term inside = inside_object(o, addr, n);
  const std::string what = "memory access possibly outside " + o.name + " (undefined behaviour not modelled)";
  cur.stmts.push_back(Stmt::check(add_prop(ir::PropertyKind::Unsupported, what, loc), inside, loc));
  return region;
}

std::vector<Term> Translator::load_bytes(const Term& addr, std::uint64_t n, Region r) {
  std::vector<Term> bytes;
  for (std::uint64_t k = 0; k < n; ++k) {
    const Term a = k == 0 ? addr : ir::mk_binary(Op::Add, addr, ir::mk_bv(ptr_bits_, k));
    const Term g = r != Region::Stack ? ir::mk_select(program_.var_term(global_mem()), a) : Term();
    const Term s = r != Region::Global ? ir::mk_select(program_.var_term(stack_mem()), a) : Term();
    if (r == Region::Global) bytes.push_back(g);
    else if (r == Region::Stack) bytes.push_back(s);
    else bytes.push_back(ir::mk_ite(ir::mk_binary(Op::Ult, a, ir::mk_bv(ptr_bits_, kStackBase)), g, s));
  }
  return bytes;
}

void Translator::store_bytes(const Term& addr, const std::vector<Term>& bytes, Region r, Cursor& cur,
                             const SourceLocation& loc) {
  const auto chain = [&](ir::VarId mem) {
    Term t = program_.var_term(mem);
    for (std::uint64_t k = 0; k < bytes.size(); ++k)
      t = ir::mk_store(t, k == 0 ? addr : ir::mk_binary(Op::Add, addr, ir::mk_bv(ptr_bits_, k)), bytes[k]);
    return t;
  };
  if (r == Region::Global) {
    cur.stmts.push_back(Stmt::assign(global_mem(), chain(global_mem()), loc));
  } else if (r == Region::Stack) {
    cur.stmts.push_back(Stmt::assign(stack_mem(), chain(stack_mem()), loc));
  } else {
    const Term low = ir::mk_binary(Op::Ult, addr, ir::mk_bv(ptr_bits_, kStackBase));
    const Term g = program_.var_term(global_mem()), s = program_.var_term(stack_mem());
    cur.stmts.push_back(Stmt::assign(global_mem(), ir::mk_ite(low, chain(global_mem()), g), loc));
    cur.stmts.push_back(Stmt::assign(stack_mem(), ir::mk_ite(low, s, chain(stack_mem())), loc));
  }
}

namespace {

std::vector<Term> split_bytes(const Term& v, std::uint64_t n) {
  const Term wide = ir::mk_resize(v, static_cast<unsigned>(8 * n), false);
  std::vector<Term> bytes;
  for (unsigned k = 0; k < n; ++k) bytes.push_back(ir::mk_extract(8 * k + 7, 8 * k, wide));
  return bytes;
}

Term join_bytes(const std::vector<Term>& bytes) {
  Term t = bytes.back();
  for (std::size_t k = bytes.size() - 1; k-- > 0;) t = ir::mk_concat(t, bytes[k]);
  return t;
}

}  // namespace

void Translator::translate_load(Instance& inst, const llvm::LoadInst& load, Cursor& cur) {
  const ir::Sort sort = sort_of(load.getType());
  const std::uint64_t n = layout_.getTypeStoreSize(load.getType()).getFixedSize();
  if (n > 8) throw NotModelled{"load wider than 64 bits"};
  const SourceLocation loc = loc_of(load);
  const Term addr = value_term(inst, load.getPointerOperand(), cur);
  const Region r = check_access(inst, load.getPointerOperand(), addr, n, false, cur, loc);
  Term v = join_bytes(load_bytes(addr, n, r));
  if (sort.is_bool()) v = ir::mk_eq(ir::mk_extract(0, 0, v), ir::mk_bv(1, 1));
  else if (sort.width() < 8 * n) v = ir::mk_extract(sort.width() - 1, 0, v);
  cur.stmts.push_back(Stmt::assign(var_for(inst, &load), v, loc));
}

void Translator::translate_store(Instance& inst, const llvm::StoreInst& store, Cursor& cur) {
  const llvm::Value* value = store.getValueOperand();
  const ir::Sort sort = sort_of(value->getType());
  const std::uint64_t n = layout_.getTypeStoreSize(value->getType()).getFixedSize();
  if (n > 8) throw NotModelled{"store wider than 64 bits"};
  const SourceLocation loc = loc_of(store);
  Term v = value_term(inst, value, cur);
  if (sort.is_bool()) v = ir::mk_ite(v, ir::mk_bv(8, 1), ir::mk_bv(8, 0));
  const Term addr = value_term(inst, store.getPointerOperand(), cur);
  const Region r = check_access(inst, store.getPointerOperand(), addr, n, true, cur, loc);
  store_bytes(addr, split_bytes(v, n), r, cur, loc);
}

void Translator::translate_mem_intrinsic(Instance& inst, const llvm::CallBase& call, const std::string& name,
                                         Cursor& cur) {
  if (options_.modular && !inst.is_entry) throw NotModelled{"memory access inside a called function (modular analysis)"};
  const auto* len = llvm::dyn_cast<llvm::ConstantInt>(call.getArgOperand(2));
  const std::string what = name.substr(5, name.find('.', 5) - 5);
  if (len == nullptr) throw NotModelled{what + " with a non-constant length"};
  const std::uint64_t n = len->getZExtValue();
  if (n > kMaxCopy) throw NotModelled{what + " of more than 4096 bytes"};
  if (n == 0) return;
  const SourceLocation loc = loc_of(call);
  const llvm::Value* dst = call.getArgOperand(0);
  const Term dst_addr = value_term(inst, dst, cur);
  std::vector<Term> bytes;
  if (what == "memset") {
    const Term byte = ir::mk_resize(value_term(inst, call.getArgOperand(1), cur), 8, false);
    bytes.assign(n, byte);
  } else {
    const llvm::Value* src = call.getArgOperand(1);
    const Term src_addr = value_term(inst, src, cur);
    bytes = load_bytes(src_addr, n, check_access(inst, src, src_addr, n, false, cur, loc));
  }
  const Region r = check_access(inst, dst, dst_addr, n, true, cur, loc);
  store_bytes(dst_addr, bytes, r, cur, loc);
}

void Translator::constant_bytes(const llvm::Constant* c, std::uint64_t offset, std::vector<std::uint8_t>& out) {
  const auto put = [&](std::uint64_t bits, std::uint64_t n) {
    for (std::uint64_t k = 0; k < n && k < 8; ++k) out.at(offset + k) = static_cast<std::uint8_t>(bits >> (8 * k));
  };
  const std::uint64_t size = layout_.getTypeStoreSize(c->getType()).getFixedSize();
  if (c->isNullValue() || llvm::isa<llvm::UndefValue>(c)) return;
  if (const auto* ci = llvm::dyn_cast<llvm::ConstantInt>(c)) {
    const llvm::APInt& v = ci->getValue();
    for (std::uint64_t k = 0; k < size; ++k) out.at(offset + k) = static_cast<std::uint8_t>(v.extractBitsAsZExtValue(std::min<unsigned>(8, v.getBitWidth() - 8 * k), 8 * k));
    return;
  }
  if (const auto* cf = llvm::dyn_cast<llvm::ConstantFP>(c)) return put(cf->getValueAPF().bitcastToAPInt().getZExtValue(), size);
  if (const auto* seq = llvm::dyn_cast<llvm::ConstantDataSequential>(c)) {
    const std::uint64_t elem = layout_.getTypeAllocSize(seq->getElementType()).getFixedSize();
    for (unsigned i = 0; i < seq->getNumElements(); ++i) constant_bytes(seq->getElementAsConstant(i), offset + i * elem, out);
    return;
  }
  if (const auto* st = llvm::dyn_cast<llvm::ConstantStruct>(c)) {
    const llvm::StructLayout* sl = layout_.getStructLayout(st->getType());
    for (unsigned i = 0; i < st->getNumOperands(); ++i) constant_bytes(st->getOperand(i), offset + sl->getElementOffset(i), out);
    return;
  }
  if (const auto* arr = llvm::dyn_cast<llvm::ConstantArray>(c)) {
    const std::uint64_t elem = layout_.getTypeAllocSize(arr->getType()->getElementType()).getFixedSize();
    for (unsigned i = 0; i < arr->getNumOperands(); ++i) constant_bytes(arr->getOperand(i), offset + i * elem, out);
    return;
  }
  Instance scratch;
  Cursor cur;
  const Term t = constant_term(c, scratch, cur);
  if (t.op() != Op::BvConst || !cur.stmts.empty()) throw NotModelled{"global initializer"};
  put(t.bits(), size);
}

std::vector<Stmt> Translator::initial_memory() {
  std::vector<Stmt> stmts;
  if (smem_) stmts.push_back(Stmt::havoc(*smem_, "initial memory"));
  if (fresh_mem_) stmts.push_back(Stmt::havoc(*fresh_mem_, "initial memory"));
  if (global_order_.empty() && !gmem_) return stmts;
  Term mem = ir::mk_const_array(ir::Sort::bitvec(ptr_bits_), ir::mk_bv(8, 0));
  std::size_t stored = 0;
  for (std::size_t g = 0; g < global_order_.size(); ++g) {  // initializers may add globals
    const llvm::GlobalVariable* gv = global_order_[g];
    const MemObject& o = objects_[global_objects_.at(gv)];
    std::vector<std::uint8_t> bytes(o.size, 0);
    try {
      constant_bytes(gv->getInitializer(), 0, bytes);
    } catch (const NotModelled& e) {
      const SourceLocation loc{program_.file, 0, 0};
      stmts.push_back(Stmt::check(add_prop(ir::PropertyKind::Unsupported, e.what + " of " + o.name, loc), ir::mk_false()));
      return stmts;
    }
    for (std::uint64_t k = 0; k < bytes.size(); ++k) {
      if (bytes[k] == 0) continue;
      if (++stored > kMaxInitialBytes) {
        const std::string what = "initialised global data of more than 8192 non-zero bytes (not modelled)";
        stmts.push_back(Stmt::check(add_prop(ir::PropertyKind::Unsupported, what, SourceLocation{program_.file, 0, 0}),
                                    ir::mk_false()));
        return stmts;
      }
      mem = ir::mk_store(mem, ir::mk_bv(ptr_bits_, o.base + k), ir::mk_bv(8, bytes[k]));
    }
  }
  stmts.push_back(Stmt::assign(global_mem(), mem));
  return stmts;
}

void Translator::finish_access_checks() {
  if (pending_checks_.empty()) return;
  std::unordered_map<ir::PropId, Term> conditions;
  for (const PendingCheck& pc : pending_checks_) {
    std::set<const Instance*> live;
    for (const Instance* i = pc.inst; i != nullptr; i = i->caller) live.insert(i);
    std::vector<Term> inside;
    for (const MemObject& o : objects_) {
      if (o.size < pc.size || (pc.is_store && o.read_only)) continue;
      if (o.owner != nullptr && live.count(o.owner) == 0) continue;  // a returned call's frame
      inside.push_back(inside_object(o, pc.addr, pc.size));
    }
    conditions[pc.prop] = ir::mk_or(inside);
  }
  for (ir::Edge& e : program_.edges)
    for (Stmt& s : e.body)
      if (s.kind == Stmt::Kind::Check) {
        if (auto it = conditions.find(s.prop); it != conditions.end()) s.term = it->second;
      }
}

}  // namespace verdict::frontend::c
