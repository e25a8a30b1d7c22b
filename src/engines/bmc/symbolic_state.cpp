#include "engines/bmc/symbolic_state.h"

#include <unordered_map>

#include "support/invariant.h"

namespace verdict::engines::bmc {

using ir::Op;
using ir::Term;

SymbolicState::SymbolicState(std::vector<Term> terms) : size_(terms.size()) {
  for (std::size_t i = 0; i < terms.size(); i += kChunk) {
    auto chunk = std::make_shared<Chunk>();
    for (std::size_t j = i; j < terms.size() && j < i + kChunk; ++j) chunk->push_back(terms[j]);
    chunk->resize(kChunk);
    chunks_.push_back(std::move(chunk));
  }
}

void SymbolicState::set(ir::VarId v, Term t) {
  auto& chunk = chunks_.at(v / kChunk);
  if (chunk.use_count() > 1) chunk = std::make_shared<Chunk>(*chunk);
  (*chunk)[v % kChunk] = std::move(t);
}

namespace {

Term substitute_rec(const Term& t, const SymbolicState& state, std::unordered_map<ir::TermId, Term>& memo) {
  if (t.op() == Op::Var) {
    VERDICT_INVARIANT(t.var() < state.size(), "variable out of range in BMC state");
    return state.get(t.var());
  }
  if (t.args().empty()) return t;
  if (auto it = memo.find(t.id()); it != memo.end()) return it->second;
  std::vector<Term> args;
  args.reserve(t.args().size());
  bool changed = false;
  for (const Term& a : t.args()) {
    args.push_back(substitute_rec(a, state, memo));
    changed = changed || !args.back().same(a);
  }
  Term r = changed ? ir::rebuild(t, args) : t;
  memo.emplace(t.id(), r);
  return r;
}


}  // namespace

Term substitute(const Term& t, const SymbolicState& state) {
  std::unordered_map<ir::TermId, Term> memo;
  return substitute_rec(t, state, memo);
}

}  // namespace verdict::engines::bmc
