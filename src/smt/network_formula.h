// Formulas over packet headers for the network questions: Boolean structure over range tests
// on bit-vector fields (addresses 32 bits, protocol 8, ports 16, ICMP type/code 8), and a Z3
// solver for them that reads a model back as numbers. src/network builds these; this file and
// network_solver.cpp alone know Z3. Not responsible for network semantics.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace verdict::smt {

struct NetFormula;
using NetRef = std::shared_ptr<const NetFormula>;

enum class NetKind { True, False, And, Or, Not, InRange };

/// InRange: lo <= var <= hi, var an unsigned bit-vector of `width` bits.
struct NetFormula {
  NetKind kind = NetKind::True;
  std::string var;
  unsigned width = 0;
  std::uint64_t lo = 0, hi = 0;
  std::vector<NetRef> kids;
};

NetRef net_true();
NetRef net_false();
NetRef net_and(std::vector<NetRef> kids);  ///< folds constants
NetRef net_or(std::vector<NetRef> kids);   ///< folds constants
NetRef net_not(const NetRef& f);
NetRef net_in_range(const std::string& var, unsigned width, std::uint64_t lo, std::uint64_t hi);
bool net_is_false(const NetRef& f);
bool net_is_true(const NetRef& f);

enum class NetSat { Sat, Unsat, Unknown };

struct NetSolveResult {
  NetSat status = NetSat::Unknown;
  std::map<std::string, std::uint64_t> model;  ///< every variable of the query (when Sat)
  std::string reason;                          ///< when Unknown
};

/// A Z3 context and solver reused across queries (the network questions ask many small ones).
class NetSolver {
 public:
  explicit NetSolver(unsigned timeout_ms);
  ~NetSolver();
  NetSolver(const NetSolver&) = delete;
  NetSolver& operator=(const NetSolver&) = delete;

  /// Asserts `f` for every later query (encoded once: large constraints shared by all queries).
  void add_background(const NetRef& f);

  /// Is `f` satisfiable (together with the background)? When it is, the model also satisfies as many `preferences` (tried in
  /// order, each kept only if still satisfiable) as it can, for readable packets.
  NetSolveResult check(const NetRef& f, const std::vector<NetRef>& preferences = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace verdict::smt
