// The raw evidence an engine hands to the driver, as plain data about a program: a path
// through its control-flow automaton with the values of its inputs (RawCounterexample),
// and invariants at its locations (Certificate). It lives with the IR, below the engines
// and the checkers, so that both can speak of it without depending on each other.
// Not responsible for finding evidence (engines/), checking it (evidence/) or showing it.
#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "ir/program.h"
#include "ir/value.h"

namespace verdict::ir {

/// A path through the program that violates a property, as an engine found it:
/// the edges taken from `init` and the values of the Havoc statements met on the way,
/// in execution order. The driver replays it concretely before believing it.
struct RawCounterexample {
  std::vector<std::size_t> edges;
  std::vector<Value> havoc_values;
  PropId violated = 0;
};

/// What a Safe result can be re-checked with, independently of the engine and of Z3:
/// inductive invariants at cut points (locations that cut every cycle of the CFA, e.g. the
/// loop heads). Each invariant is a boolean IR term over the program's own variables.
/// An empty map is a valid certificate for a program without cycles (every invariant is
/// `true`); locations without an entry have the invariant `true`.
/// The checker (evidence/) derives the proof obligations (initiation, consecution,
/// safety of every Check) from the program itself and discharges them with cvc5.
struct Certificate {
  std::map<LocId, Term> invariants;
  /// For k-induction: the k used (obligations are then k-inductive, not 1-inductive).
  unsigned k = 1;
  /// A bounded certificate (exhaustive bounded model checking) when > 0: every execution
  /// from init ends within `bound` edges, and no Check fails on the way. Then
  /// `invariants` is empty and k is 1.
  unsigned bound = 0;
};

}  // namespace verdict::ir
