#include "network/parser.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <nlohmann/json.hpp>

#include "verdict/errors.h"

namespace verdict::network {

namespace {

using nlohmann::json;

// A JSON node with the key path that leads to it, for messages.
struct Node {
  const json& v;
  std::string path;
  const std::string& file;

  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(file + ": " + (path.empty() ? "" : "at " + path + ": ") + message);
  }
  Node at(const std::string& key) const { return {v.at(key), path.empty() ? key : path + "." + key, file}; }
  Node at(std::size_t i) const { return {v[i], path + "[" + std::to_string(i) + "]", file}; }
  bool has(const std::string& key) const { return v.is_object() && v.contains(key) && !v.at(key).is_null(); }
  std::string str(const std::string& key) const {
    if (!has(key)) fail("missing key \"" + key + "\"");
    const Node n = at(key);
    if (!n.v.is_string()) n.fail("expected a string, got " + std::string(n.v.type_name()));
    return n.v.get<std::string>();
  }
  std::string str_or(const std::string& key, const std::string& fallback) const { return has(key) ? str(key) : fallback; }
  bool boolean_or(const std::string& key, bool fallback) const {
    if (!has(key)) return fallback;
    const Node n = at(key);
    if (!n.v.is_boolean()) n.fail("expected true or false");
    return n.v.get<bool>();
  }
  // A JSON integer or a decimal string; values outside int are bad input (not truncated: a
  // port 4294967318 was once read as 22, found by the network fuzz target).
  int integer(const std::string& key) const {
    if (!has(key)) fail("missing key \"" + key + "\"");
    const Node n = at(key);
    std::optional<long long> value;
    if (n.v.is_number_unsigned()) {
      if (n.v.get<unsigned long long>() <= static_cast<unsigned long long>(INT_MAX)) value = n.v.get<long long>();
    } else if (n.v.is_number_integer()) {
      value = n.v.get<long long>();
    } else if (n.v.is_string()) {
      try {
        value = std::stoll(n.v.get<std::string>());
      } catch (const std::exception&) {
      }
    }
    if (!value || *value < INT_MIN || *value > INT_MAX) n.fail("expected an integer that fits in 32 bits");
    return static_cast<int>(*value);
  }
  // The list under `key` (absent = empty); each element must be an object.
  std::vector<Node> list(const std::string& key) const {
    std::vector<Node> out;
    if (!has(key)) return out;
    const Node l = at(key);
    if (!l.v.is_array()) l.fail("expected a list");
    for (std::size_t i = 0; i < l.v.size(); ++i) {
      Node e = l.at(i);
      if (!e.v.is_object()) e.fail("expected an object");
      out.push_back(e);
    }
    return out;
  }
  Cidr cidr(const std::string& key) const {
    const auto c = parse_cidr(str(key));
    if (!c) at(key).fail("not an IPv4 CIDR block: \"" + str(key) + "\"");
    return *c;
  }
  std::uint32_t ip(const std::string& key) const {
    const auto a = parse_ipv4(str(key));
    if (!a) at(key).fail("not an IPv4 address: \"" + str(key) + "\"");
    return *a;
  }
};

int protocol_of(const Node& n, const std::string& key) {
  const std::string p = n.has(key) && n.at(key).v.is_number_integer() ? std::to_string(n.integer(key)) : n.str(key);
  if (p == "-1" || p == "all") return kAnyProtocol;
  if (p == "tcp") return kTcp;
  if (p == "udp") return kUdp;
  if (p == "icmp") return kIcmp;
  if (p == "icmpv6") return 58;
  if (!p.empty() && p.size() <= 3 && p.find_first_not_of("0123456789") == std::string::npos && std::stoi(p) <= 255)
    return std::stoi(p);
  n.at(key).fail("unknown protocol \"" + p + "\"");
}

void parse_vpcs(const Node& root, Snapshot& s) {
  for (const Node& n : root.list("Vpcs")) {
    Vpc v{n.str("VpcId"), {}};
    if (n.has("CidrBlock")) v.cidrs.push_back(n.cidr("CidrBlock"));
    for (const Node& a : n.list("CidrBlockAssociationSet")) {
      if (a.has("CidrBlockState") && a.at("CidrBlockState").str_or("State", "associated") != "associated") continue;
      const Cidr c = a.cidr("CidrBlock");
      if (std::none_of(v.cidrs.begin(), v.cidrs.end(), [&](const Cidr& x) { return x.base == c.base && x.len == c.len; }))
        v.cidrs.push_back(c);
    }
    s.vpcs[v.id] = v;
  }
}

void need_vpc(const Snapshot& s, const Node& n, const std::string& key) {
  if (!s.vpcs.count(n.str(key))) n.at(key).fail("unknown VPC \"" + n.str(key) + "\"");
}

void parse_subnets(const Node& root, Snapshot& s) {
  for (const Node& n : root.list("Subnets")) {
    need_vpc(s, n, "VpcId");
    Subnet sub{n.str("SubnetId"), n.str("VpcId"), n.cidr("CidrBlock")};
    s.subnets[sub.id] = sub;
  }
}

void parse_gateways(const Node& root, Snapshot& s) {
  for (const Node& n : root.list("InternetGateways")) {
    const std::string id = n.str("InternetGatewayId");
    s.igw_vpc[id] = "";
    for (const Node& a : n.list("Attachments")) {
      const std::string state = a.str_or("State", "available");
      if (state != "available" && state != "attached") continue;
      need_vpc(s, a, "VpcId");
      s.igw_vpc[id] = a.str("VpcId");
      s.igw_of_vpc[a.str("VpcId")] = id;
    }
  }
  for (const Node& n : root.list("NatGateways")) {
    NatGateway g{n.str("NatGatewayId"), n.str("SubnetId"), n.str_or("VpcId", ""), true, true, 0, 0};
    if (!s.subnets.count(g.subnet)) n.at("SubnetId").fail("unknown subnet \"" + g.subnet + "\"");
    g.vpc = s.subnets.at(g.subnet).vpc;
    g.available = n.str_or("State", "available") == "available";
    g.is_public = n.str_or("ConnectivityType", "public") == "public";
    for (const Node& a : n.list("NatGatewayAddresses")) {
      if (a.has("PrivateIp") && !g.private_ip) g.private_ip = a.ip("PrivateIp");
      if (a.has("PublicIp") && !g.public_ip) g.public_ip = a.ip("PublicIp");
    }
    if (g.is_public && g.available && !g.public_ip) n.fail("public NAT gateway without NatGatewayAddresses[].PublicIp");
    s.nats[g.id] = g;
  }
  for (const Node& n : root.list("VpcPeeringConnections")) {
    Peering p{n.str("VpcPeeringConnectionId"), false, "", "", {}, {}};
    p.active = n.has("Status") && n.at("Status").str_or("Code", "") == "active";
    auto side = [&](const std::string& key, std::string& vpc, std::vector<Cidr>& cidrs) {
      const Node info = n.at(key);
      vpc = info.str("VpcId");
      if (info.has("CidrBlock")) cidrs.push_back(info.cidr("CidrBlock"));
      for (const Node& c : info.list("CidrBlockSet")) cidrs.push_back(c.cidr("CidrBlock"));
    };
    if (!n.has("RequesterVpcInfo") || !n.has("AccepterVpcInfo")) n.fail("missing RequesterVpcInfo or AccepterVpcInfo");
    side("RequesterVpcInfo", p.vpc_a, p.cidrs_a);
    side("AccepterVpcInfo", p.vpc_b, p.cidrs_b);
    s.peerings[p.id] = p;
  }
}

Route parse_route(const Node& r, const Snapshot& s, std::string& unmodelled) {
  Route route;
  if (r.has("DestinationPrefixListId")) {
    unmodelled = "route to prefix list " + r.str("DestinationPrefixListId") + " (" + r.path + ")";
    route.dest = Cidr{0, 33};  // never selected: the table is don't know anyway
    return route;
  }
  if (!r.has("DestinationCidrBlock")) {  // an IPv6 route never carries an IPv4 packet
    route.dest = Cidr{0, 33};
    return route;
  }
  route.dest = r.cidr("DestinationCidrBlock");
  route.blackhole = r.str_or("State", "active") == "blackhole";
  const std::string gw = r.str_or("GatewayId", "");
  auto known = [&](const std::string& key, bool ok) {
    if (!ok && !route.blackhole) r.at(key).fail("route to a missing gateway \"" + r.str(key) + "\"");
  };
  if (gw == "local") {
    route.kind = TargetKind::Local, route.target = "local";
  } else if (gw.rfind("igw-", 0) == 0) {
    known("GatewayId", s.igw_vpc.count(gw) > 0);
    route.kind = TargetKind::InternetGateway, route.target = gw;
  } else if (r.has("NatGatewayId")) {
    route.target = r.str("NatGatewayId");
    known("NatGatewayId", s.nats.count(route.target) > 0);
    route.kind = TargetKind::NatGateway;
  } else if (r.has("VpcPeeringConnectionId")) {
    route.target = r.str("VpcPeeringConnectionId");
    known("VpcPeeringConnectionId", s.peerings.count(route.target) > 0);
    route.kind = TargetKind::Peering;
  } else {
    for (const char* key : {"TransitGatewayId", "NetworkInterfaceId", "InstanceId", "EgressOnlyInternetGatewayId",
                            "LocalGatewayId", "CarrierGatewayId", "CoreNetworkArn", "GatewayId"})
      if (r.has(key) && route.target.empty()) route.target = r.str(key);
    if (route.target.empty()) route.target = "an unnamed target";
    route.kind = TargetKind::Other;
  }
  return route;
}

void parse_route_tables(const Node& root, Snapshot& s) {
  for (const Node& n : root.list("RouteTables")) {
    need_vpc(s, n, "VpcId");
    RouteTable t{n.str("RouteTableId"), n.str("VpcId"), false, {}, {}, "", ""};
    for (const Node& a : n.list("Associations")) {
      if (a.has("AssociationState") && a.at("AssociationState").str_or("State", "associated") != "associated") continue;
      if (a.boolean_or("Main", false)) t.main = true;
      if (a.has("SubnetId")) {
        if (!s.subnets.count(a.str("SubnetId"))) a.at("SubnetId").fail("unknown subnet \"" + a.str("SubnetId") + "\"");
        t.subnets.push_back(a.str("SubnetId"));
        s.table_of_subnet_[a.str("SubnetId")] = t.id;
      }
      if (a.has("GatewayId")) t.edge_gateway = a.str("GatewayId");
    }
    for (const Node& r : n.list("Routes")) {
      Route route = parse_route(r, s, t.unmodelled);
      if (route.dest.len <= 32) t.routes.push_back(route);
    }
    if (t.main) s.main_table_[t.vpc] = t.id;
    s.route_tables[t.id] = t;
  }
}

Traffic traffic_of(const Node& n, const std::string& proto_key) {
  Traffic t{protocol_of(n, proto_key), -1, -1};
  if (t.proto == kTcp || t.proto == kUdp || t.proto == kIcmp) {
    if (n.has("FromPort")) t.from = n.integer("FromPort");
    if (n.has("ToPort")) t.to = n.integer("ToPort");
    if (n.has("PortRange")) t.from = n.at("PortRange").integer("From"), t.to = n.at("PortRange").integer("To");
    if (n.has("IcmpTypeCode")) t.from = n.at("IcmpTypeCode").integer("Type"), t.to = n.at("IcmpTypeCode").integer("Code");
    if (t.proto != kIcmp && t.from >= 0 && (t.to < t.from || t.to > 65535)) n.fail("bad port range");
    if (t.proto != kIcmp && t.from >= 0 && t.to < 0) n.fail("port range without an end");
  }
  return t;
}

std::vector<SgRule> parse_permissions(const Node& n, const std::string& key, const std::string& where) {
  std::vector<SgRule> out;
  int index = 0;
  for (const Node& p : n.list(key)) {
    ++index;
    const Traffic t = traffic_of(p, "IpProtocol");
    const std::string w = where + " rule " + std::to_string(index) + " (" + t.str();
    for (const Node& r : p.list("IpRanges")) out.push_back({t, r.cidr("CidrIp"), "", "", w + " " + r.str("CidrIp") + ")"});
    for (const Node& r : p.list("UserIdGroupPairs"))
      out.push_back({t, std::nullopt, r.str("GroupId"), "", w + " group " + r.str("GroupId") + ")"});
    for (const Node& r : p.list("PrefixListIds")) {
      const std::string pl = r.str("PrefixListId");
      out.push_back({t, std::nullopt, "", "prefix list " + pl, w + " prefix list " + pl + ")"});
    }
  }
  return out;
}

void parse_groups(const Node& root, Snapshot& s) {
  for (const Node& n : root.list("SecurityGroups")) {
    SecurityGroup g{n.str("GroupId"), n.str_or("VpcId", ""), {}, {}};
    g.ingress = parse_permissions(n, "IpPermissions", g.id + " inbound");
    g.egress = parse_permissions(n, "IpPermissionsEgress", g.id + " outbound");
    s.groups[g.id] = g;
  }
  for (auto& [id, g] : s.groups)
    for (auto* rules : {&g.ingress, &g.egress})
      for (auto& r : *rules)
        if (!r.group.empty() && !s.groups.count(r.group)) r.unresolved = "group " + r.group + " (not in the snapshot)";
}

void parse_nacls(const Node& root, Snapshot& s) {
  for (const Node& n : root.list("NetworkAcls")) {
    need_vpc(s, n, "VpcId");
    NetworkAcl a{n.str("NetworkAclId"), n.str("VpcId"), n.boolean_or("IsDefault", false), {}};
    for (const Node& e : n.list("Entries")) {
      if (!e.has("CidrBlock")) continue;  // IPv6 entries never match IPv4 packets
      const std::string action = e.str("RuleAction");
      if (action != "allow" && action != "deny") e.at("RuleAction").fail("expected \"allow\" or \"deny\"");
      a.entries.push_back({e.integer("RuleNumber"), e.boolean_or("Egress", false), action == "allow",
                           traffic_of(e, "Protocol"), e.cidr("CidrBlock")});
    }
    std::stable_sort(a.entries.begin(), a.entries.end(), [](const NaclEntry& x, const NaclEntry& y) { return x.number < y.number; });
    for (const Node& as : n.list("Associations")) {
      if (!s.subnets.count(as.str("SubnetId"))) as.at("SubnetId").fail("unknown subnet \"" + as.str("SubnetId") + "\"");
      s.nacl_of_subnet_[as.str("SubnetId")] = a.id;
    }
    if (a.is_default) s.default_nacl_[a.vpc] = a.id;
    s.nacls[a.id] = a;
  }
}

void parse_interfaces(const Node& root, Snapshot& s) {
  for (const Node& n : root.list("NetworkInterfaces")) {
    Interface i{n.str("NetworkInterfaceId"), n.str("SubnetId"), "", "", n.str_or("InterfaceType", "interface"), {}, {}, {}};
    if (!s.subnets.count(i.subnet)) n.at("SubnetId").fail("unknown subnet \"" + i.subnet + "\"");
    i.vpc = s.subnets.at(i.subnet).vpc;
    if (n.has("Attachment")) i.instance = n.at("Attachment").str_or("InstanceId", "");
    for (const Node& p : n.list("PrivateIpAddresses")) {
      const std::uint32_t ip = p.ip("PrivateIpAddress");
      i.private_ips.push_back(ip);
      if (p.has("Association") && p.at("Association").has("PublicIp")) i.public_ips[ip] = p.at("Association").ip("PublicIp");
    }
    if (i.private_ips.empty()) i.private_ips.push_back(n.ip("PrivateIpAddress"));
    if (n.has("Association") && n.at("Association").has("PublicIp") && !i.public_ips.count(i.private_ips[0]))
      i.public_ips[i.private_ips[0]] = n.at("Association").ip("PublicIp");
    for (const Node& g : n.list("Groups")) {
      if (!s.groups.count(g.str("GroupId"))) g.at("GroupId").fail("unknown security group \"" + g.str("GroupId") + "\"");
      i.groups.push_back(g.str("GroupId"));
    }
    if (!i.instance.empty()) s.instances[i.instance].push_back(i.id);
    s.interfaces[i.id] = i;
  }
  for (const Node& r : root.list("Reservations"))
    for (const Node& inst : r.list("Instances"))
      for (const Node& ni : inst.list("NetworkInterfaces")) {
        const std::string id = ni.str("NetworkInterfaceId");
        if (!s.interfaces.count(id)) ni.at("NetworkInterfaceId").fail("unknown network interface \"" + id + "\"");
        auto& list = s.instances[inst.str("InstanceId")];
        if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
      }
}

void check_vpcs_complete(const Node& root, const Snapshot& s) {
  for (const auto& [id, sub] : s.subnets) {
    if (!s.route_table_of(id)) root.fail("subnet " + id + " has no route table (no association and no main table in " + sub.vpc + ")");
    if (!s.nacl_of(id)) root.fail("subnet " + id + " has no network ACL (no association and no default ACL in " + sub.vpc + ")");
  }
}

}  // namespace

Snapshot parse_snapshot(const std::string& text, const std::string& name) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw InputError(name + ": malformed JSON: " + e.what());
  }
  const Node root{j, "", name};
  if (!j.is_object()) root.fail("expected one JSON object with keys Vpcs, Subnets, RouteTables, ...");
  Snapshot s;
  s.name = name;
  try {
    parse_vpcs(root, s);
    parse_subnets(root, s);
    parse_gateways(root, s);
    parse_route_tables(root, s);
    parse_groups(root, s);
    parse_nacls(root, s);
    parse_interfaces(root, s);
  } catch (const json::exception& e) {  // a shape the readers above do not name precisely
    throw InputError(name + ": unexpected JSON shape: " + e.what());
  }
  check_vpcs_complete(root, s);
  if (const std::string bad = s.index(); !bad.empty()) root.fail("NetworkInterfaces: " + bad);
  return s;
}

}  // namespace verdict::network
