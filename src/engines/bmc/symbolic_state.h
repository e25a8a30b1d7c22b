// The symbolic state of BMC: one term per program variable, stored copy-on-write in
// chunks so that the thousands of states of an unrolling share what they do not change;
// and substitution of a state into a program term. Not responsible for merging states
// or talking to a solver (see unroller.h).
#pragma once

#include <memory>
#include <vector>

#include "ir/term.h"

namespace verdict::engines::bmc {

class SymbolicState {
 public:
  SymbolicState() = default;
  explicit SymbolicState(std::vector<ir::Term> terms);

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] const ir::Term& get(ir::VarId v) const { return (*chunks_[v / kChunk])[v % kChunk]; }
  void set(ir::VarId v, ir::Term t);
  /// True if variables [first chunk of v] are shared with `other` (a cheap "same" test).
  [[nodiscard]] bool same_chunk(const SymbolicState& other, ir::VarId v) const {
    return chunks_[v / kChunk] == other.chunks_[v / kChunk];
  }
  static constexpr std::size_t kChunk = 32;

 private:
  using Chunk = std::vector<ir::Term>;
  std::vector<std::shared_ptr<Chunk>> chunks_;
  std::size_t size_ = 0;
};

/// `t` with every variable replaced by its term in `state`, constants folded.
ir::Term substitute(const ir::Term& t, const SymbolicState& state);

}  // namespace verdict::engines::bmc
