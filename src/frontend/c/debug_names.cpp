// Job: read debug information (dbg.value/dbg.declare, DITypes, DILocations) to give
// translated values their C names, types and locations, and describe operands in messages.
#include "frontend/c/debug_names.h"

#include <filesystem>

#include <llvm/BinaryFormat/Dwarf.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/InstrTypes.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Operator.h>

namespace verdict::frontend::c {

DebugNames::DebugNames(const llvm::Module& module, std::string main_path) : main_path_(std::move(main_path)) {
  std::error_code ec;
  main_canonical_ = std::filesystem::weakly_canonical(main_path_, ec).string();
  for (const llvm::Function& f : module) {
    for (const llvm::BasicBlock& bb : f) {
      for (const llvm::Instruction& i : bb) {
        if (const auto* dv = llvm::dyn_cast<llvm::DbgValueInst>(&i)) {
          const llvm::Value* v = dv->getValue();  // constants are shared: they name nothing
          if (v != nullptr && !llvm::isa<llvm::Constant>(v)) vars_.emplace(v, dv->getVariable());
        } else if (const auto* dd = llvm::dyn_cast<llvm::DbgDeclareInst>(&i)) {
          if (const llvm::Value* v = dd->getAddress()) vars_.emplace(v, dd->getVariable());
        }
      }
    }
  }
}

const llvm::DILocalVariable* DebugNames::variable_of(const llvm::Value* v) const {
  auto it = vars_.find(v);
  return it == vars_.end() ? nullptr : it->second;
}

namespace {

const char* binary_symbol(unsigned opcode) {
  switch (opcode) {
    case llvm::Instruction::Add: return "+";
    case llvm::Instruction::Sub: return "-";
    case llvm::Instruction::Mul: return "*";
    case llvm::Instruction::SDiv: case llvm::Instruction::UDiv: return "/";
    case llvm::Instruction::SRem: case llvm::Instruction::URem: return "%";
    case llvm::Instruction::Shl: return "<<";
    case llvm::Instruction::LShr: case llvm::Instruction::AShr: return ">>";
    case llvm::Instruction::And: return "&";
    case llvm::Instruction::Or: return "|";
    case llvm::Instruction::Xor: return "^";
    default: return nullptr;
  }
}

const char* comparison_symbol(llvm::CmpInst::Predicate p) {
  switch (p) {
    case llvm::CmpInst::ICMP_EQ: return "==";
    case llvm::CmpInst::ICMP_NE: return "!=";
    case llvm::CmpInst::ICMP_SLT: case llvm::CmpInst::ICMP_ULT: return "<";
    case llvm::CmpInst::ICMP_SLE: case llvm::CmpInst::ICMP_ULE: return "<=";
    case llvm::CmpInst::ICMP_SGT: case llvm::CmpInst::ICMP_UGT: return ">";
    default: return ">=";
  }
}

}  // namespace

std::string DebugNames::describe(const llvm::Value* v, int depth) const {
  if (const llvm::DILocalVariable* var = variable_of(v)) return var->getName().str();
  if (const auto* c = llvm::dyn_cast<llvm::ConstantInt>(v)) {
    if (c->getBitWidth() == 1) return c->isOne() ? "1" : "0";
    return c->getBitWidth() <= 64 ? std::to_string(c->getSExtValue()) : "constant";
  }
  if (const auto* g = llvm::dyn_cast<llvm::GlobalValue>(v)) return "&" + g->getName().str();
  if (llvm::isa<llvm::UndefValue>(v)) return "(uninitialised value)";
  if (const auto* cast = llvm::dyn_cast<llvm::CastInst>(v)) return describe(cast->getOperand(0), depth);
  if (const auto* load = llvm::dyn_cast<llvm::LoadInst>(v)) return describe_object(load->getPointerOperand(), depth);
  if (const auto* ev = llvm::dyn_cast<llvm::ExtractValueInst>(v)) return describe_overflow_result(ev, depth);
  if (const auto* bin = llvm::dyn_cast<llvm::BinaryOperator>(v)) {
    const char* sym = binary_symbol(bin->getOpcode());
    if (sym && depth > 0)
      return "(" + describe(bin->getOperand(0), depth - 1) + " " + sym + " " +
             describe(bin->getOperand(1), depth - 1) + ")";
  }
  if (const auto* cmp = llvm::dyn_cast<llvm::ICmpInst>(v); cmp && depth > 0) {
    return describe(cmp->getOperand(0), depth - 1) + " " + comparison_symbol(cmp->getPredicate()) + " " +
           describe(cmp->getOperand(1), depth - 1);
  }
  if (const auto* call = llvm::dyn_cast<llvm::CallBase>(v)) {
    if (const llvm::Function* f = call->getCalledFunction()) return f->getName().str() + "(...)";
  }
  return "(expression)";
}

std::string DebugNames::describe_object(const llvm::Value* p, int depth) const {
  p = p->stripPointerCasts();
  if (const auto* gep = llvm::dyn_cast<llvm::GEPOperator>(p); gep && gep->getNumIndices() >= 1 && depth > 0) {
    const llvm::Value* base = gep->getPointerOperand()->stripPointerCasts();
    const std::string name = llvm::isa<llvm::GlobalVariable>(base) || variable_of(base)
                                 ? describe_object(base, depth - 1) : "*" + describe(base, depth - 1);
    return name + "[" + describe(gep->getOperand(gep->getNumOperands() - 1), depth - 1) + "]";
  }
  if (llvm::isa<llvm::GlobalVariable>(p)) return p->getName().str();
  if (const llvm::DILocalVariable* var = variable_of(p)) return var->getName().str();
  return depth > 0 ? "*" + describe(p, depth - 1) : "*p";
}

std::string DebugNames::describe_overflow_result(const llvm::ExtractValueInst* ev, int depth) const {
  const auto* call = llvm::dyn_cast<llvm::CallBase>(ev->getAggregateOperand());
  const llvm::Function* f = call ? call->getCalledFunction() : nullptr;
  if (f == nullptr || call->arg_size() != 2 || depth <= 0) return "(expression)";
  const std::string name = f->getName().str();
  const char* sym = name.find("add") != std::string::npos ? "+" : name.find("sub") != std::string::npos ? "-" : "*";
  const auto* zero = llvm::dyn_cast<llvm::ConstantInt>(call->getArgOperand(0));
  if (*sym == '-' && zero && zero->isZero()) return "-" + describe(call->getArgOperand(1), depth - 1);
  return "(" + describe(call->getArgOperand(0), depth - 1) + " " + sym + " " + describe(call->getArgOperand(1), depth - 1) + ")";
}

std::string DebugNames::c_type_name(const llvm::DIType* t) {
  if (t == nullptr) return "void";
  if (const auto* d = llvm::dyn_cast<llvm::DIDerivedType>(t)) {
    switch (d->getTag()) {
      case llvm::dwarf::DW_TAG_typedef: return d->getName().str();
      case llvm::dwarf::DW_TAG_pointer_type: return c_type_name(d->getBaseType()) + " *";
      default: return c_type_name(d->getBaseType());
    }
  }
  if (const auto* c = llvm::dyn_cast<llvm::DICompositeType>(t)) {
    switch (c->getTag()) {
      case llvm::dwarf::DW_TAG_structure_type: return "struct " + c->getName().str();
      case llvm::dwarf::DW_TAG_union_type: return "union " + c->getName().str();
      case llvm::dwarf::DW_TAG_enumeration_type: return "enum " + c->getName().str();
      case llvm::dwarf::DW_TAG_array_type: return c_type_name(c->getBaseType()) + "[]";
      default: return c->getName().str();
    }
  }
  return t->getName().str();
}

bool DebugNames::is_signed(const llvm::DIType* t) {
  while (const auto* d = llvm::dyn_cast_or_null<llvm::DIDerivedType>(t)) {
    if (d->getTag() == llvm::dwarf::DW_TAG_pointer_type) return false;
    t = d->getBaseType();
  }
  if (const auto* b = llvm::dyn_cast_or_null<llvm::DIBasicType>(t)) {
    const unsigned e = b->getEncoding();
    return e == llvm::dwarf::DW_ATE_signed || e == llvm::dwarf::DW_ATE_signed_char;
  }
  if (const auto* c = llvm::dyn_cast_or_null<llvm::DICompositeType>(t))
    return c->getTag() == llvm::dwarf::DW_TAG_enumeration_type && is_signed(c->getBaseType());
  return false;
}

std::string DebugNames::file_name(llvm::StringRef file, llvm::StringRef directory) const {
  const std::string key = directory.str() + '\0' + file.str();
  if (auto it = file_names_.find(key); it != file_names_.end()) return it->second;
  return file_names_[key] = resolve_file_name(file, directory);
}

std::string DebugNames::resolve_file_name(llvm::StringRef file, llvm::StringRef directory) const {
  std::filesystem::path full(file.str());
  if (full.is_relative() && !directory.empty()) full = std::filesystem::path(directory.str()) / full;
  std::error_code ec;
  if (std::filesystem::weakly_canonical(full, ec).string() == main_canonical_) return main_path_;
  return file.str();
}

SourceLocation DebugNames::location(const llvm::DILocation* l) const {
  if (l == nullptr) return {};
  return SourceLocation{file_name(l->getFilename(), l->getDirectory()), l->getLine(), l->getColumn()};
}

}  // namespace verdict::frontend::c
