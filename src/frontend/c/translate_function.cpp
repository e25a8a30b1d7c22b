// Job: the control-flow part of the translation: one inlined instance per call site,
// basic blocks as locations, terminators as guarded edges with parallel phi
// assignments, path ends (Unsupported checks, exit), and loop-head marking.
#include <llvm/ADT/PostOrderIterator.h>
#include <llvm/IR/CFG.h>
#include <llvm/IR/DebugInfoMetadata.h>

#include "frontend/c/translator.h"
#include "ir/graph.h"
#include "support/invariant.h"

namespace verdict::frontend::c {

using ir::Stmt;
using ir::Term;

Translator::Translator(llvm::Module& module, const CFrontendOptions& options, ir::Program& program)
    : module_(module), layout_(module.getDataLayout()), options_(options), program_(program),
      names_(module, program.file) {
  ptr_bits_ = layout_.getPointerSizeInBits();
}

namespace {

std::string parameter_name(const DebugNames& names, const llvm::Argument& arg) {
  if (const llvm::DILocalVariable* v = names.variable_of(&arg)) return v->getName().str();
  return arg.getName().empty() ? "#" + std::to_string(arg.getArgNo()) : arg.getName().str();
}

}  // namespace

void Translator::run(const llvm::Function& entry) {
  program_.init = program_.add_loc("init");
  program_.exit = program_.add_loc("exit");
  auto owned = std::make_unique<Instance>();
  Instance& inst = *owned;
  instances_.push_back(std::move(owned));
  inst.fn = &entry;
  inst.prefix = entry.getName().str();
  inst.is_entry = true;
  entry_fn_ = &entry;
  prefix_count_[inst.prefix] = 1;
  const SourceLocation fn_loc = function_loc(entry);

  Cursor params{program_.init, {}, true};
  try {
    for (const llvm::Argument& arg : entry.args()) {
      const ir::VarId v = var_for(inst, &arg);
      params.stmts.push_back(Stmt::havoc(v, "parameter " + parameter_name(names_, arg), fn_loc));
    }
  } catch (const NotModelled& e) {
    params.stmts.push_back(Stmt::check(add_prop(e.kind, e.what + " (entry parameter)", fn_loc), ir::mk_false(), fn_loc));
  }
  translate_body(inst);
  std::vector<Stmt> init = initial_memory();
  finish_access_checks();
  init.insert(init.end(), params.stmts.begin(), params.stmts.end());
  program_.add_edge(program_.init, inst.block_loc.at(&entry.getEntryBlock()), std::move(init));
  contract_empty_edges();
  merge_straight_edges();
  mark_loop_heads();
}

void Translator::translate_body(Instance& inst) {
  llvm::ReversePostOrderTraversal<const llvm::Function*> rpo(inst.fn);
  for (const llvm::BasicBlock* bb : rpo) {
    if (folded_ubsan_handler(*bb)) continue;
    SourceLocation loc;
    for (const llvm::Instruction& i : *bb) {
      if (i.getDebugLoc()) {
        loc = loc_of(i);
        break;
      }
    }
    const std::string name = bb->hasName() ? bb->getName().str() : "bb";
    inst.block_loc[bb] = program_.add_loc(inst.prefix + "." + name, loc);
  }
  for (const llvm::BasicBlock* bb : rpo)
    if (!folded_ubsan_handler(*bb)) translate_block(inst, *bb);
}

void Translator::translate_block(Instance& inst, const llvm::BasicBlock& bb) {
  Cursor cur{inst.block_loc.at(&bb), {}, true};
  const llvm::Instruction* current = nullptr;
  try {
    for (const llvm::Instruction& i : bb) {
      if (!cur.live) return;
      current = &i;
      if (instruction_budget_ == 0)
        throw NotModelled{"program too large after inlining (size limit of " +
                              std::to_string(options_.max_instructions) + " instructions reached)",
                          ir::PropertyKind::BoundReached};
      --instruction_budget_;
      if (i.isTerminator())
        translate_terminator(inst, i, cur);
      else
        translate_instruction(inst, i, cur);
    }
  } catch (const NotModelled& e) {
    stop_path(cur, e.kind, e.what, current ? loc_of(*current) : SourceLocation{});
  }
}

void Translator::translate_terminator(Instance& inst, const llvm::Instruction& term, Cursor& cur) {
  const SourceLocation loc = loc_of(term);
  if (const auto* br = llvm::dyn_cast<llvm::BranchInst>(&term)) return translate_branch(inst, *br, cur);
  if (const auto* ret = llvm::dyn_cast<llvm::ReturnInst>(&term)) {
    if (const llvm::Value* v = ret->getReturnValue(); v && inst.ret_var)
      cur.stmts.push_back(Stmt::assign(*inst.ret_var, value_term(inst, v, cur), loc));
    flush(cur, inst.is_entry ? program_.exit : inst.ret_loc);
    cur.live = false;
    return;
  }
  if (llvm::isa<llvm::UnreachableInst>(&term)) {
    stop_path(cur, ir::PropertyKind::Unsupported, "reached unreachable code (undefined behaviour)", loc);
    return;
  }
  throw NotModelled{std::string("control flow '") + term.getOpcodeName() + "'"};
}

void Translator::jump(Instance& inst, const llvm::BasicBlock& from, const llvm::BasicBlock& to, Cursor& cur) {
  std::vector<Stmt> phis = phi_assignments(inst, from, to);
  cur.stmts.insert(cur.stmts.end(), phis.begin(), phis.end());
  flush(cur, inst.block_loc.at(&to));
  cur.live = false;
}

void Translator::translate_branch(Instance& inst, const llvm::BranchInst& br, Cursor& cur) {
  const llvm::BasicBlock& bb = *br.getParent();
  if (br.isUnconditional() || br.getSuccessor(0) == br.getSuccessor(1)) return jump(inst, bb, *br.getSuccessor(0), cur);
  const SourceLocation loc = loc_of(br);
  const Term c = bool_term(inst, br.getCondition(), cur);
  for (unsigned side = 0; side < 2; ++side) {
    // A branch to a ubsan handler block becomes a Check of the branch condition.
    if (const llvm::CallBase* handler = folded_ubsan_handler(*br.getSuccessor(side))) {
      ubsan_checks(inst, *handler, side == 0 ? ir::mk_not(c) : c, cur);
      return jump(inst, bb, *br.getSuccessor(1 - side), cur);
    }
  }
  const llvm::BasicBlock* t = br.getSuccessor(0);
  const llvm::BasicBlock* f = br.getSuccessor(1);
  std::vector<Stmt> then_body = phi_assignments(inst, bb, *t);
  std::vector<Stmt> else_body = phi_assignments(inst, bb, *f);
  then_body.insert(then_body.begin(), Stmt::assume(c, loc));
  else_body.insert(else_body.begin(), Stmt::assume(ir::mk_not(c), loc));
  const ir::LocId end = program_.add_loc(program_.locs[cur.loc].name + ".end", loc);
  flush(cur, end);
  program_.add_edge(end, inst.block_loc.at(t), std::move(then_body));
  program_.add_edge(end, inst.block_loc.at(f), std::move(else_body));
  cur.live = false;
}

std::vector<Stmt> Translator::phi_assignments(Instance& inst, const llvm::BasicBlock& from,
                                              const llvm::BasicBlock& to) {
  Cursor side{0, {}, true};
  std::vector<std::pair<ir::VarId, Term>> assigns;
  std::vector<Stmt> havocs;
  bool needs_temps = false;
  for (const llvm::PHINode& phi : to.phis()) {
    const llvm::Value* in = phi.getIncomingValueForBlock(&from);
    const ir::VarId var = var_for(inst, &phi);
    if (llvm::isa<llvm::UndefValue>(in)) {
      havocs.push_back(Stmt::havoc(var, "uninitialised value", loc_of(*from.getTerminator())));
      continue;
    }
    if (const auto* p = llvm::dyn_cast<llvm::PHINode>(in); p && p->getParent() == &to) needs_temps = true;
    assigns.emplace_back(var, value_term(inst, in, side));
  }
  std::vector<Stmt> out = std::move(side.stmts);
  const SourceLocation loc = loc_of(*from.getTerminator());
  if (needs_temps && assigns.size() > 1) {
    std::vector<ir::VarId> temps;
    for (const auto& [var, t] : assigns) {
      temps.push_back(fresh_var(program_.vars[var].name + ".next", t.sort()));
      out.push_back(Stmt::assign(temps.back(), t, loc));
    }
    for (std::size_t k = 0; k < assigns.size(); ++k)
      out.push_back(Stmt::assign(assigns[k].first, program_.var_term(temps[k]), loc));
  } else {
    for (const auto& [var, t] : assigns) out.push_back(Stmt::assign(var, t, loc));
  }
  out.insert(out.end(), havocs.begin(), havocs.end());
  return out;
}

void Translator::inline_call(Instance& caller, const llvm::CallBase& call, const llvm::Function& callee,
                             Cursor& cur) {
  const std::string name = callee.getName().str();
  unsigned depth = 0;
  for (const Instance* p = &caller; p != nullptr; p = p->caller) depth += p->fn == &callee ? 1 : 0;
  if (depth >= options_.recursion_bound)
    throw NotModelled{"recursion depth bound " + std::to_string(options_.recursion_bound) + " reached in " + name,
                      ir::PropertyKind::BoundReached};
  require_callable(call, callee);
  const SourceLocation loc = loc_of(call);
  auto owned = std::make_unique<Instance>();
  Instance& inst = *owned;
  instances_.push_back(std::move(owned));
  inst.fn = &callee;
  inst.call_site = &call;
  inst.caller = &caller;
  const unsigned k = ++prefix_count_[name];
  inst.prefix = k == 1 ? name : name + "#" + std::to_string(k);
  if (!call.getType()->isVoidTy()) inst.ret_var = var_for(caller, &call);
  inst.ret_loc = program_.add_loc(inst.prefix + ".return", loc);
  for (const llvm::Argument& arg : callee.args()) {
    const unsigned i = arg.getArgNo();
    const Term value = call.isByValArgument(i) ? copy_byval_argument(caller, inst, call, i, cur)
                                               : value_term(caller, call.getArgOperand(i), cur);
    cur.stmts.push_back(Stmt::assign(var_for(inst, &arg), value, loc));
  }
  translate_body(inst);
  flush(cur, inst.block_loc.at(&callee.getEntryBlock()));
  cur.loc = inst.ret_loc;
}

SourceLocation Translator::function_loc(const llvm::Function& f) const {
  const llvm::DISubprogram* sp = f.getSubprogram();
  if (sp == nullptr) return {};
  return SourceLocation{names_.file_name(sp->getFilename(), sp->getDirectory()), sp->getLine(), 0};
}

void Translator::require_callable(const llvm::CallBase& call, const llvm::Function& callee) const {
  const std::string name = callee.getName().str();
  if (callee.isVarArg()) throw NotModelled{"call to variadic function " + name};
  if (call.getFunctionType() != callee.getFunctionType())
    throw NotModelled{"call to " + name + " through a mismatched prototype"};
}

std::uint32_t Translator::procedure_for(const llvm::Function& f) {
  if (auto it = procedures_.find(&f); it != procedures_.end()) return it->second;
  const std::string name = f.getName().str();
  auto owned = std::make_unique<Instance>();
  Instance& inst = *owned;
  instances_.push_back(std::move(owned));
  inst.fn = &f;
  inst.prefix = name;
  prefix_count_[name] = 1;
  const SourceLocation loc = function_loc(f);
  ir::Procedure proc;
  proc.name = name;
  proc.loc = loc;
  proc.entry = program_.add_loc(name + ".entry", loc);
  proc.exit = program_.add_loc(name + ".return", loc);
  inst.ret_loc = proc.exit;
  if (!f.getReturnType()->isVoidTy()) {
    inst.ret_var = fresh_var(name + ".result", sort_of(f.getReturnType()));
    proc.results.push_back(*inst.ret_var);
    ir::Variable& r = program_.vars[*inst.ret_var];
    r.source_name = "\\result";  // ACSL's name for a function's return value
    const llvm::DISubprogram* sp = f.getSubprogram();
    if (const llvm::DISubroutineType* type = sp ? sp->getType() : nullptr; type && type->getTypeArray().size() > 0) {
      if (const llvm::DIType* ret = type->getTypeArray()[0]) {
        r.type_name = DebugNames::c_type_name(ret);
        r.is_signed = DebugNames::is_signed(ret);
      }
    }
  }
  for (const llvm::Argument& arg : f.args()) proc.params.push_back(var_for(inst, &arg));
  const auto id = static_cast<std::uint32_t>(program_.procedures.size());
  program_.procedures.push_back(proc);
  procedures_.emplace(&f, id);  // before the body: recursive calls find it
  translate_body(inst);
  program_.add_edge(proc.entry, inst.block_loc.at(&f.getEntryBlock()), {});
  return id;
}

void Translator::call_procedure(Instance& caller, const llvm::CallBase& call, const llvm::Function& callee,
                                Cursor& cur) {
  const std::string name = callee.getName().str();
  if (&callee == entry_fn_) throw NotModelled{"call of the entry function " + name};
  require_callable(call, callee);
  for (unsigned i = 0; i < call.arg_size(); ++i)
    if (call.isByValArgument(i)) throw NotModelled{"struct passed by value to " + name + " (modular analysis)"};
  const SourceLocation loc = loc_of(call);
  std::vector<Term> args;
  for (unsigned i = 0; i < call.arg_size(); ++i) args.push_back(value_term(caller, call.getArgOperand(i), cur));
  const std::uint32_t id = procedure_for(callee);
  std::vector<ir::VarId> outs;
  if (!call.getType()->isVoidTy()) outs.push_back(var_for(caller, &call));
  const ir::LocId before = program_.add_loc(caller.prefix + ".call." + name, loc);
  const ir::LocId after = program_.add_loc(caller.prefix + ".after." + name, loc);
  flush(cur, before);
  program_.add_edge(before, after, {Stmt::call(id, std::move(args), std::move(outs), loc)});
  cur.loc = after;
}

void Translator::flush(Cursor& cur, ir::LocId to) {
  program_.add_edge(cur.loc, to, std::move(cur.stmts));
  cur.stmts.clear();
}

ir::LocId Translator::stop_loc() {
  if (!stop_) stop_ = program_.add_loc("stop");
  return *stop_;
}

void Translator::stop_path(Cursor& cur, ir::PropertyKind kind, const std::string& what,
                           const SourceLocation& loc) {
  cur.stmts.push_back(Stmt::check(add_prop(kind, what, loc), ir::mk_false(), loc));
  flush(cur, stop_loc());
  cur.live = false;
}

void Translator::end_execution(Cursor& cur) {
  flush(cur, program_.exit);
  cur.live = false;
}

void Translator::contract_empty_edges() {
  const std::size_t n = program_.locs.size();
  std::vector<std::optional<ir::LocId>> forward(n);
  std::vector<unsigned> out_count(n, 0);
  for (const ir::Edge& e : program_.edges) ++out_count[e.from];
  std::vector<bool> keep(n, false);  // locations the program refers to by id
  keep[program_.init] = keep[program_.exit] = true;
  for (const ir::Procedure& proc : program_.procedures) keep[proc.entry] = keep[proc.exit] = true;
  for (const ir::Edge& e : program_.edges)
    if (out_count[e.from] == 1 && e.body.empty() && e.from != e.to && !keep[e.from]) forward[e.from] = e.to;
  // Resolve chains; a cycle of empty edges (an empty infinite loop) is kept as it is.
  std::vector<std::optional<ir::LocId>> target(n);
  for (ir::LocId l = 0; l < n; ++l) {
    std::vector<ir::LocId> path;
    ir::LocId cur = l;
    std::set<ir::LocId> seen;
    while (forward[cur] && !target[cur] && seen.insert(cur).second) {
      path.push_back(cur);
      cur = *forward[cur];
    }
    const bool cycle = forward[cur] && !target[cur];
    const ir::LocId end = cycle ? cur : target[cur].value_or(cur);
    for (ir::LocId p : path) {
      if (cycle) forward[p].reset();
      target[p] = cycle ? p : end;
    }
    if (!target[l]) target[l] = l;
  }
  std::vector<ir::Edge> kept;
  for (ir::Edge& e : program_.edges) {
    if (forward[e.from] && target[e.from] != e.from) continue;
    e.to = *target[e.to];
    kept.push_back(std::move(e));
  }
  program_.edges = std::move(kept);
}

void Translator::merge_straight_edges() {
  const std::size_t n = program_.locs.size();
  std::vector<std::vector<std::size_t>> in(n), out(n);
  for (std::size_t e = 0; e < program_.edges.size(); ++e) {
    in[program_.edges[e].to].push_back(e);
    out[program_.edges[e].from].push_back(e);
  }
  std::vector<bool> dead(program_.edges.size(), false);
  for (ir::LocId l = 0; l < n; ++l) {
    if (l == program_.init || l == program_.exit || in[l].size() != 1 || out[l].size() != 1) continue;
    const std::size_t first = in[l][0], second = out[l][0];
    if (first == second) continue;
    if (ir::is_call_edge(program_.edges[first]) || ir::is_call_edge(program_.edges[second])) continue;
    ir::Edge& a = program_.edges[first];
    ir::Edge& b = program_.edges[second];
    a.body.insert(a.body.end(), std::make_move_iterator(b.body.begin()), std::make_move_iterator(b.body.end()));
    a.to = b.to;
    dead[second] = true;
    for (std::size_t& e : in[b.to])
      if (e == second) e = first;
    in[l].clear();
    out[l].clear();
  }
  std::vector<ir::Edge> kept;
  for (std::size_t e = 0; e < program_.edges.size(); ++e)
    if (!dead[e]) kept.push_back(std::move(program_.edges[e]));
  program_.edges = std::move(kept);
}

void Translator::mark_loop_heads() {
  for (ir::LocId l : ir::back_edge_targets(program_)) program_.locs[l].loop_head = true;
}

SourceLocation Translator::loc_of(const llvm::Instruction& i) const {
  if (const llvm::DILocation* l = i.getDebugLoc().get()) {
    SourceLocation s = names_.location(l);
    if (s.known()) return s;
  }
  return last_loc_;
}

ir::PropId Translator::add_prop(ir::PropertyKind kind, const std::string& what, const SourceLocation& loc) {
  return program_.add_prop(kind, what, loc);
}

void Translator::assume_once(const std::string& text) {
  if (assumed_.insert(text).second) program_.assumptions.push_back(text);
}

}  // namespace verdict::frontend::c
