// The LLVM-IR-to-IR translator's shared state: one context object holding the program
// under construction, the inlined function instances, the memory layout and the debug
// names. Each aspect is implemented in its own file (translate_function.cpp,
// translate_instruction.cpp, memory_model.cpp, builtins.cpp, debug_names.cpp).
// Not responsible for compiling C (clang_compile.h) or running passes (llvm_passes.h).
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <llvm/IR/DataLayout.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Module.h>

#include "frontend/c/c_frontend.h"
#include "frontend/c/debug_names.h"
#include "ir/program.h"

namespace verdict::frontend::c {

/// Thrown while translating one instruction that is not modelled precisely; caught per
/// block and turned into a Check(false) of kind Unsupported (or BoundReached).
struct NotModelled {
  std::string what;
  ir::PropertyKind kind = ir::PropertyKind::Unsupported;
};

/// Where translation of a block currently appends statements.
struct Cursor {
  ir::LocId loc = 0;
  std::vector<ir::Stmt> stmts;
  bool live = true;
};

/// One object of the flat memory: a global or one inlined instance of an alloca.
struct MemObject {
  std::string name;
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  bool global = false;
  bool read_only = false;
  ir::Term size_term;  ///< for variable-length arrays: the size in bytes (bv P); `size` is the reserve
  const struct Instance* owner = nullptr;  ///< the inlined call owning a stack object; null for globals
};

/// One inlined copy of a function (the entry, or one call site's callee).
struct Instance {
  const llvm::Function* fn = nullptr;
  const llvm::CallBase* call_site = nullptr;  ///< null for the entry
  std::string prefix;
  Instance* caller = nullptr;
  std::unordered_map<const llvm::Value*, ir::Term> values;
  std::unordered_map<const llvm::Value*, std::vector<ir::Term>> aggregates;
  std::unordered_map<const llvm::BasicBlock*, ir::LocId> block_loc;
  std::unordered_map<const llvm::Value*, std::size_t> objects;  ///< alloca -> object index
  std::optional<ir::VarId> ret_var;
  ir::LocId ret_loc = 0;
  bool is_entry = false;
};

/// Memory regions: globals live in one array (zero-initialised), stack objects in another
/// (arbitrary initial contents). `Unknown` selects by address at run time.
enum class Region { Global, Stack, Unknown };

/// The __ubsan_handle_* call of a block that only reports undefined behaviour, when the
/// block's guarding branch can be replaced by a Check on the branch condition; else null.
const llvm::CallBase* folded_ubsan_handler(const llvm::BasicBlock& bb);

class Translator {
 public:
  Translator(llvm::Module& module, const CFrontendOptions& options, ir::Program& program);
  /// Builds the whole program for `entry` (already checked to be defined).
  void run(const llvm::Function& entry);

  // ---- translate_function.cpp ----
  void translate_body(Instance& inst);
  void translate_block(Instance& inst, const llvm::BasicBlock& bb);
  void translate_terminator(Instance& inst, const llvm::Instruction& term, Cursor& cur);
  void translate_branch(Instance& inst, const llvm::BranchInst& br, Cursor& cur);
  /// Ends the block with an edge to `to` carrying `to`'s phi assignments.
  void jump(Instance& inst, const llvm::BasicBlock& from, const llvm::BasicBlock& to, Cursor& cur);
  std::vector<ir::Stmt> phi_assignments(Instance& inst, const llvm::BasicBlock& from,
                                        const llvm::BasicBlock& to);
  void inline_call(Instance& caller, const llvm::CallBase& call, const llvm::Function& callee, Cursor& cur);
  /// Modular programs: a Call statement on an edge of its own, to `callee`'s procedure.
  void call_procedure(Instance& caller, const llvm::CallBase& call, const llvm::Function& callee, Cursor& cur);
  /// Throws NotModelled for a call that cannot be followed into `callee` (variadic,
  /// mismatched prototype), inlined or not.
  void require_callable(const llvm::CallBase& call, const llvm::Function& callee) const;
  /// Where `f` is defined (its debug info), or an unknown location.
  SourceLocation function_loc(const llvm::Function& f) const;
  /// The procedure of `f`, translated on first use.
  std::uint32_t procedure_for(const llvm::Function& f);
  void stop_path(Cursor& cur, ir::PropertyKind kind, const std::string& what, const SourceLocation& loc);
  void end_execution(Cursor& cur);
  void flush(Cursor& cur, ir::LocId to);
  ir::LocId stop_loc();
  /// Removes edges with empty bodies out of locations that have no other edge.
  void contract_empty_edges();
  /// Concatenates the two edges around a location with one edge in and one out.
  void merge_straight_edges();
  void mark_loop_heads();

  // ---- translate_instruction.cpp ----
  void translate_instruction(Instance& inst, const llvm::Instruction& i, Cursor& cur);
  ir::Term value_term(Instance& inst, const llvm::Value* v, Cursor& cur);
  ir::Term bool_term(Instance& inst, const llvm::Value* v, Cursor& cur);  ///< i1 as bool
  void define(Instance& inst, const llvm::Instruction& i, const ir::Term& t, Cursor& cur);
  ir::VarId var_for(Instance& inst, const llvm::Value* v);
  ir::VarId fresh_var(const std::string& name, const ir::Sort& sort);
  ir::Sort sort_of(const llvm::Type* t) const;  ///< throws NotModelled for floats etc.
  ir::Term constant_term(const llvm::Constant* c, Instance& inst, Cursor& cur);
  ir::Term pure_instruction(Instance& inst, const llvm::Instruction& i, Cursor& cur);
  ir::Term undef_value(const llvm::Type* t, Cursor& cur);
  void translate_with_overflow(Instance& inst, const llvm::CallBase& call, const std::string& op, Cursor& cur);

  // ---- memory_model.cpp ----
  ir::Term address_of_global(const llvm::GlobalValue* g);
  void translate_alloca(Instance& inst, const llvm::AllocaInst& a, Cursor& cur);
  ir::Term gep_address(Instance& inst, const llvm::User& gep, Cursor& cur);
  void translate_load(Instance& inst, const llvm::LoadInst& load, Cursor& cur);
  void translate_store(Instance& inst, const llvm::StoreInst& store, Cursor& cur);
  void translate_mem_intrinsic(Instance& inst, const llvm::CallBase& call, const std::string& name, Cursor& cur);
  std::vector<ir::Term> load_bytes(const ir::Term& addr, std::uint64_t n, Region r);
  void store_bytes(const ir::Term& addr, const std::vector<ir::Term>& bytes, Region r, Cursor& cur,
                   const SourceLocation& loc);
  std::optional<std::size_t> base_object(const Instance& inst, const llvm::Value* ptr, std::int64_t& offset,
                                         bool& offset_known);
  void constant_bytes(const llvm::Constant* c, std::uint64_t offset, std::vector<std::uint8_t>& out);
  Region check_access(Instance& inst, const llvm::Value* ptr, const ir::Term& addr, std::uint64_t n,
                      bool is_store, Cursor& cur, const SourceLocation& loc);
  ir::Term inside_object(const MemObject& o, const ir::Term& addr, std::uint64_t n) const;
  void translate_vla(Instance& inst, const llvm::AllocaInst& a, Cursor& cur);
  /// A new stack object of `inst` (keyed by `key` in inst.objects); returns its base address.
  std::uint64_t allocate_stack_object(Instance& inst, const llvm::Value* key, const std::string& name,
                                      std::uint64_t size, std::uint64_t align);
  /// The callee's private copy of a struct passed by value (byval): its address.
  ir::Term copy_byval_argument(Instance& caller, Instance& callee, const llvm::CallBase& call, unsigned i,
                               Cursor& cur);
  std::vector<ir::Stmt> initial_memory();
  void finish_access_checks();

  // ---- builtins.cpp ----
  void translate_call(Instance& inst, const llvm::CallBase& call, Cursor& cur);
  void translate_intrinsic(Instance& inst, const llvm::CallBase& call, const std::string& name, Cursor& cur);
  void translate_ubsan(Instance& inst, const llvm::CallBase& call, const std::string& name, Cursor& cur);
  /// Emits the checks of a __ubsan_handle_* call; `ok` is the condition under which the
  /// guarded operation is well defined (false where the handler block itself is reached).
  void ubsan_checks(Instance& inst, const llvm::CallBase& call, const ir::Term& ok, Cursor& cur);
  void translate_external(Instance& inst, const llvm::CallBase& call, const std::string& name, Cursor& cur);
  bool translate_svcomp(Instance& inst, const llvm::CallBase& call, const std::string& name, Cursor& cur);
  /// `__VERDICT_witness_claim(N, cond)` of a validator's instrumented source: a Check of a
  /// WitnessClaim property numbered N; the call's value is cond != 0.
  void translate_witness_claim(Instance& inst, const llvm::CallBase& call, Cursor& cur);

  // ---- helpers ----
  SourceLocation loc_of(const llvm::Instruction& i) const;
  ir::PropId add_prop(ir::PropertyKind kind, const std::string& what, const SourceLocation& loc);
  void assume_once(const std::string& text);
  [[nodiscard]] unsigned ptr_bits() const { return ptr_bits_; }

  llvm::Module& module_;
  const llvm::DataLayout& layout_;
  const CFrontendOptions& options_;
  ir::Program& program_;
  DebugNames names_;
  unsigned ptr_bits_ = 64;
  std::deque<std::unique_ptr<Instance>> instances_;
  const llvm::Function* entry_fn_ = nullptr;
  std::unordered_map<const llvm::Function*, std::uint32_t> procedures_;  ///< modular programs
  std::map<std::string, unsigned> prefix_count_;
  std::unordered_set<std::string> var_names_;
  std::unordered_map<std::string, unsigned> name_suffix_;  ///< last suffix used per base name
  std::set<std::string> assumed_;
  std::optional<ir::LocId> stop_;
  SourceLocation last_loc_;
  std::size_t instruction_budget_ = options_.max_instructions;  // left, over all inlined instances

  // memory
  std::vector<MemObject> objects_;
  std::unordered_map<const llvm::GlobalValue*, std::size_t> global_objects_;
  std::vector<const llvm::GlobalVariable*> global_order_;
  std::unordered_map<const llvm::Function*, std::uint64_t> function_addresses_;
  std::uint64_t next_global_ = 0x1000;
  std::uint64_t next_stack_ = 0x40000000;
  std::optional<ir::VarId> gmem_, smem_, fresh_mem_;
  struct PendingCheck {
    ir::PropId prop;
    ir::Term addr;
    std::uint64_t size;
    bool is_store;
    const Instance* inst;  ///< where the access happens: only its frames and the callers' are live
  };
  std::vector<PendingCheck> pending_checks_;
  ir::VarId global_mem();
  ir::VarId stack_mem();
};

}  // namespace verdict::frontend::c
