// The parsed form of an AWS network snapshot (the EC2 describe responses): VPCs, subnets, route
// tables, security groups, network ACLs, interfaces, gateways and peerings, with IPv4 blocks and
// packets as plain numbers. Not responsible for meaning: the evaluator and the encoder each give
// these their semantics.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace verdict::network {

/// An IPv4 CIDR block.
struct Cidr {
  std::uint32_t base = 0;
  unsigned len = 0;
  [[nodiscard]] std::uint32_t first() const { return base; }
  [[nodiscard]] std::uint32_t last() const {
    return len == 0 ? 0xffffffffu : len >= 32 ? base : base | (0xffffffffu >> len);
  }
  [[nodiscard]] bool contains(std::uint32_t a) const { return a >= first() && a <= last(); }
  [[nodiscard]] std::string str() const;
};

/// The blocks that are never internet addresses: this network, RFC 1918, shared (100.64/10),
/// loopback, link-local, multicast and reserved.
const std::vector<Cidr>& special_blocks();

std::optional<std::uint32_t> parse_ipv4(const std::string& text);
std::optional<Cidr> parse_cidr(const std::string& text);
std::string format_ipv4(std::uint32_t a);

/// Protocol numbers; kAnyProtocol is AWS's "-1".
constexpr int kAnyProtocol = -1;
constexpr int kIcmp = 1, kTcp = 6, kUdp = 17;
std::string protocol_name(int proto);

/// A concrete IPv4 packet. Ports are meaningful for TCP/UDP, ICMP type/code for ICMP; the
/// other fields are 0.
struct Packet {
  std::uint32_t src = 0, dst = 0;
  int proto = kTcp;
  int src_port = 0, dst_port = 0;
  int icmp_type = 0, icmp_code = 0;
  [[nodiscard]] Packet reply() const;  ///< addresses and ports swapped
  [[nodiscard]] std::string str() const;
};

/// What a filter rule matches besides addresses: protocol and port range (TCP/UDP) or ICMP type
/// and code (-1 = any). `proto` kAnyProtocol matches every packet.
struct Traffic {
  int proto = kAnyProtocol;
  int from = -1, to = -1;  ///< TCP/UDP port range, or ICMP type (from) and code (to); -1 = all
  [[nodiscard]] std::string str() const;
};

/// One security-group rule (one address source of one IpPermissions entry).
struct SgRule {
  Traffic traffic;
  std::optional<Cidr> cidr;       ///< IpRanges
  std::string group;              ///< UserIdGroupPairs: members of this group
  std::string unresolved;         ///< a prefix list or a group not in the snapshot
  std::string where;              ///< "sg-1 ingress rule 2"
};

struct SecurityGroup {
  std::string id, vpc;
  std::vector<SgRule> ingress, egress;
};

struct NaclEntry {
  int number = 0;
  bool egress = false, allow = false;
  Traffic traffic;
  Cidr cidr;
};

struct NetworkAcl {
  std::string id, vpc;
  bool is_default = false;
  std::vector<NaclEntry> entries;  ///< sorted by rule number
};

enum class TargetKind { Local, InternetGateway, NatGateway, Peering, Other };

struct Route {
  Cidr dest;
  TargetKind kind = TargetKind::Other;
  std::string target;  ///< "local", igw-..., nat-..., pcx-..., or the unmodelled target's id
  bool blackhole = false;
  [[nodiscard]] std::string str() const;
};

struct RouteTable {
  std::string id, vpc;
  bool main = false;
  std::vector<std::string> subnets;  ///< explicit associations
  std::vector<Route> routes;
  std::string unmodelled;    ///< e.g. a prefix-list route: using this table is don't know
  std::string edge_gateway;  ///< a gateway this table is edge-associated with (not modelled)
};

struct Subnet {
  std::string id, vpc;
  Cidr cidr;
};

struct Vpc {
  std::string id;
  std::vector<Cidr> cidrs;
};

struct Interface {
  std::string id, subnet, vpc, instance, type;  ///< type: "interface", "nat_gateway", ...
  std::vector<std::uint32_t> private_ips;
  std::map<std::uint32_t, std::uint32_t> public_ips;  ///< private -> public (EIP / public IP)
  std::vector<std::string> groups;
};

struct NatGateway {
  std::string id, subnet, vpc;
  bool available = true, is_public = true;
  std::uint32_t private_ip = 0, public_ip = 0;
};

struct Peering {
  std::string id;
  bool active = false;
  std::string vpc_a, vpc_b;
  std::vector<Cidr> cidrs_a, cidrs_b;
};

/// The whole snapshot, with lookups by id.
struct Snapshot {
  Snapshot() = default;
  Snapshot(const Snapshot&) = delete;  // the indexes point into the maps: a copy would dangle
  Snapshot& operator=(const Snapshot&) = delete;
  Snapshot(Snapshot&&) = default;      // moving a map keeps its nodes where they are
  Snapshot& operator=(Snapshot&&) = default;

  std::string name;
  std::map<std::string, Vpc> vpcs;
  std::map<std::string, Subnet> subnets;
  std::map<std::string, RouteTable> route_tables;
  std::map<std::string, SecurityGroup> groups;
  std::map<std::string, NetworkAcl> nacls;
  std::map<std::string, Interface> interfaces;
  std::map<std::string, std::string> igw_of_vpc;  ///< VPC -> attached internet gateway
  std::map<std::string, std::string> igw_vpc;     ///< internet gateway -> VPC ("" if detached)
  std::map<std::string, NatGateway> nats;
  std::map<std::string, Peering> peerings;
  std::map<std::string, std::vector<std::string>> instances;  ///< instance -> interfaces

  /// The route table of a subnet: its explicit association, else its VPC's main table.
  [[nodiscard]] const RouteTable* route_table_of(const std::string& subnet) const;
  /// The network ACL of a subnet: its association, else its VPC's default ACL.
  [[nodiscard]] const NetworkAcl* nacl_of(const std::string& subnet) const;
  /// The interface in `vpc` with this private address, if any.
  [[nodiscard]] const Interface* interface_at(const std::string& vpc, std::uint32_t ip) const;
  /// The interface or NAT gateway owning this public address: (interface, nat), at most one set.
  [[nodiscard]] const Interface* interface_with_public(std::uint32_t ip) const;
  [[nodiscard]] const NatGateway* nat_with_public(std::uint32_t ip) const;
  /// Private addresses of the interfaces in group `sg`.
  [[nodiscard]] const std::vector<std::uint32_t>& members_of(const std::string& sg) const;
  /// Whether an address is external: public (not RFC 1918, shared, loopback, link-local,
  /// multicast or reserved), outside every VPC block and owned by nothing in the snapshot.
  [[nodiscard]] bool is_external(std::uint32_t ip) const;
  /// The blocks an external address is never in (special ranges and the VPCs' blocks).
  [[nodiscard]] std::vector<Cidr> non_external_blocks() const;
  /// Every public address owned by the snapshot (interfaces and NAT gateways).
  [[nodiscard]] const std::vector<std::uint32_t>& owned_public_ips() const;

  /// Fills the lookup indexes below (the parser calls it once the snapshot is complete);
  /// returns what is inconsistent (an address owned twice), or "".
  std::string index();

  std::map<std::string, std::string> table_of_subnet_, nacl_of_subnet_;
  std::map<std::string, std::string> main_table_, default_nacl_;
  std::map<std::pair<std::string, std::uint32_t>, const Interface*> by_private_;
  std::map<std::uint32_t, const Interface*> by_public_;
  std::map<std::string, std::vector<std::uint32_t>> members_;
  std::vector<std::uint32_t> owned_public_;
};

/// Component names shared by the evaluator and the encoder (a blocking claim names one).
std::string nacl_component(const NetworkAcl& a, const std::string& subnet, bool egress);
std::string sg_component(const Interface& i, bool inbound);

/// Does the rule's traffic part match the packet?
bool traffic_matches(const Traffic& t, const Packet& p);

}  // namespace verdict::network
