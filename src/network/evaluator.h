// The solver-free network semantics: forwards one concrete packet hop by hop through a snapshot
// (security groups, network ACLs, route tables, internet and NAT gateways, peering) and says
// where it is delivered or stopped, and by which rule. It re-checks every packet the solver
// reports. Not responsible for searching packets (the encoder and questions do that).
#pragma once

#include <string>
#include <vector>

#include "network/model.h"

namespace verdict::network {

enum class Fate { Delivered, Dropped, Unknown };

/// One component the packet passed, and the rule that let it through.
struct Step {
  std::string component;  ///< "sg-1 outbound", "acl-1 inbound", "rtb-1", "igw-1", "nat-1"
  std::string detail;     ///< "rule 100 allows tcp port 22 0.0.0.0/0", "route 0.0.0.0/0 -> igw-1"
};

/// Where a packet (or its reply) went.
struct Trip {
  Fate fate = Fate::Dropped;
  std::vector<Step> steps;
  std::string stop_component;  ///< Dropped / Unknown: where
  std::string stop_reason;     ///< the rule, the missing route, or what is not modelled
  const Interface* to_interface = nullptr;  ///< Delivered to an interface
  bool to_internet = false;                 ///< Delivered to an external address
  Packet delivered;                         ///< the packet as it arrived (after translations)
  const NatGateway* nat = nullptr;          ///< the NAT gateway that translated the source
  std::uint32_t nat_inside = 0;             ///< the address the NAT translated from
};

/// How security-group rules that cannot be resolved (prefix lists, groups outside the
/// snapshot) are read: matching nothing (a lower bound on what passes) or everything (upper).
enum class Bound { Lower, Upper };

/// A request and, for TCP and UDP, its reply.
struct Flow {
  Fate fate = Fate::Dropped;
  Trip forward, back;
  bool needs_reply = false;
};

/// Sends `p` (whose source is one of `from`'s private addresses) and, for TCP/UDP, its reply.
Flow flow_from_interface(const Snapshot& s, const Interface& from, const Packet& p, Bound bound);
/// Sends `p` from an external address and, for TCP/UDP, its reply.
Flow flow_from_internet(const Snapshot& s, const Packet& p, Bound bound);

/// Does one of the interface's security groups allow `p` (inbound: by its source, outbound:
/// by its destination)? `rule` receives the allowing rule's description.
bool security_groups_allow(const Snapshot& s, const Interface& i, bool inbound, const Packet& p, Bound bound,
                           std::string& rule);

}  // namespace verdict::network
