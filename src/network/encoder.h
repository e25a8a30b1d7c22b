// The network semantics as formulas: forwards a symbolic packet (addresses fixed or variables,
// protocol, ports and ICMP fields variables) through a snapshot and splits the packet space
// into branches, each a formula with its fate: delivered, dropped at a named component, or
// don't know at a named component. Not responsible for solving or for choosing endpoints.
#pragma once

#include <string>
#include <vector>

#include "network/evaluator.h"
#include "network/model.h"
#include "smt/network_formula.h"

namespace verdict::network {

using smt::NetRef;

/// Packet field variables (bit-vectors): addresses 32 bits, protocol 8, ports 16, ICMP 8.
inline constexpr const char* kSrcVar = "src";
inline constexpr const char* kDstVar = "dst";
inline constexpr const char* kProtoVar = "proto";
inline constexpr const char* kSportVar = "sport";
inline constexpr const char* kDportVar = "dport";
inline constexpr const char* kTypeVar = "icmp_type";
inline constexpr const char* kCodeVar = "icmp_code";

/// An address: a fixed value, or the variable `var`.
struct Addr {
  std::string var;  ///< empty: fixed
  std::uint32_t value = 0;
  [[nodiscard]] bool fixed() const { return var.empty(); }
  [[nodiscard]] bool same(const Addr& o) const { return fixed() ? o.fixed() && value == o.value : var == o.var; }
};

struct SymPacket {
  Addr src, dst;
  std::string sport = kSportVar, dport = kDportVar;  ///< the port variables (swapped in replies)
  [[nodiscard]] SymPacket reply() const { return {dst, src, dport, sport}; }
};

/// One part of the packet space and what happens to its packets.
struct Branch {
  NetRef cond;
  Fate fate = Fate::Dropped;
  std::string component;  ///< Dropped/Unknown: where (the evaluator names the same component)
  std::string reason;     ///< Unknown: what is not modelled
  bool in_reply = false;  ///< stopped on the reply's way back
};

/// `a` lies in the block.
NetRef addr_in(const Addr& a, const Cidr& c);
/// The address is external: public, outside every VPC, owned by nothing in the snapshot.
NetRef external(const Snapshot& s, const Addr& a);

/// All branches of a flow from interface `from` (p.src one of its addresses) to `target` (an
/// interface, or the internet when null), request and (TCP/UDP) reply, within `space`
/// (constraints on the packet). A packet delivered elsewhere is dropped at "elsewhere".
/// `dst_external` is external(s, the `dst` variable), built once by the caller.
std::vector<Branch> encode_flow_from_interface(const Snapshot& s, const Interface& from, const SymPacket& p,
                                               const Interface* target, const NetRef& space, Bound bound,
                                               const NetRef& dst_external);
/// The same for a flow from an external address p.src (p.dst fixed).
std::vector<Branch> encode_flow_from_internet(const Snapshot& s, const SymPacket& p, const Interface* target,
                                              const NetRef& space, Bound bound, const NetRef& dst_external);

/// Whether an encoding under `bound` used a security-group rule that cannot be resolved.
bool uses_unresolved_rules(const Snapshot& s);

}  // namespace verdict::network
