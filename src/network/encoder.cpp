#include "network/encoder.h"

#include <algorithm>

namespace verdict::network {

using namespace smt;

namespace {

constexpr int kMaxHops = 8;

NetRef addr_eq(const Addr& a, std::uint32_t ip) {
  if (a.fixed()) return a.value == ip ? net_true() : net_false();
  return net_in_range(a.var, 32, ip, ip);
}

NetRef proto_is(int proto) { return net_in_range(kProtoVar, 8, std::uint64_t(proto), std::uint64_t(proto)); }

NetRef traffic_formula(const Traffic& t, const SymPacket& p) {
  if (t.proto == kAnyProtocol) return net_true();
  std::vector<NetRef> parts = {proto_is(t.proto)};
  if ((t.proto == kTcp || t.proto == kUdp) && t.from >= 0) parts.push_back(net_in_range(p.dport, 16, t.from, t.to));
  if (t.proto == kIcmp && t.from >= 0) parts.push_back(net_in_range(kTypeVar, 8, t.from, t.from));
  if (t.proto == kIcmp && t.to >= 0) parts.push_back(net_in_range(kCodeVar, 8, t.to, t.to));
  return net_and(std::move(parts));
}

// A path through the network: the packet space so far and the NAT state of the request.
struct Path {
  NetRef cond;
  const NatGateway* nat = nullptr;
  std::uint32_t nat_inside = 0;
};

// A delivered request: where, as which packet, under which condition.
struct Arrival {
  Path path;
  SymPacket packet;
  const Interface* to = nullptr;
};

struct Explorer {
  Explorer(const Snapshot& snapshot, Bound b, bool is_reply, NetRef dst_ext)
      : s(snapshot), bound(b), reply(is_reply), dst_external(std::move(dst_ext)) {}
  const Snapshot& s;
  Bound bound;
  bool reply;
  NetRef dst_external;  // external(s, the dst variable)
  const NatGateway* reply_nat = nullptr;
  std::uint32_t reply_nat_inside = 0;
  std::vector<Branch> ends;       // dropped / unknown
  std::vector<Arrival> arrivals;  // delivered

  void end(const NetRef& cond, Fate f, const std::string& component, const std::string& reason = "") {
    if (!net_is_false(cond)) ends.push_back({cond, f, component, reason, reply});
  }
  // Splits the path: packets that fail `pass` stop at `component`; returns the rest.
  bool filter(Path& path, const NetRef& pass, const std::string& component) {
    end(net_and({path.cond, net_not(pass)}), Fate::Dropped, component);
    path.cond = net_and({path.cond, pass});
    return !net_is_false(path.cond);
  }

  NetRef nacl(const std::string& subnet, bool egress, const SymPacket& p) const {
    const NetworkAcl* a = s.nacl_of(subnet);
    NetRef allowed = net_false();  // first match wins: fold from the last rule to the first
    for (auto it = a->entries.rbegin(); it != a->entries.rend(); ++it) {
      if (it->egress != egress) continue;
      const NetRef m = net_and({traffic_formula(it->traffic, p), addr_in(egress ? p.dst : p.src, it->cidr)});
      allowed = it->allow ? net_or({m, allowed}) : net_and({net_not(m), allowed});
    }
    return allowed;
  }
  bool cross(Path& path, const std::string& from, const std::string& to, const SymPacket& p) {
    if (from == to) return true;
    return filter(path, nacl(from, true, p), nacl_component(*s.nacl_of(from), from, true)) &&
           filter(path, nacl(to, false, p), nacl_component(*s.nacl_of(to), to, false));
  }
  NetRef sg(const Interface& i, bool inbound, const SymPacket& p) const {
    const Addr& peer = inbound ? p.src : p.dst;
    std::vector<NetRef> any;
    for (const auto& gid : i.groups)
      for (const auto& r : inbound ? s.groups.at(gid).ingress : s.groups.at(gid).egress) {
        NetRef where = net_false();
        if (!r.unresolved.empty()) where = bound == Bound::Upper ? net_true() : net_false();
        else if (r.cidr) where = addr_in(peer, *r.cidr);
        else {
          std::vector<NetRef> members;
          for (auto ip : s.members_of(r.group)) members.push_back(addr_eq(peer, ip));
          where = net_or(std::move(members));
        }
        any.push_back(net_and({traffic_formula(r.traffic, p), where}));
      }
    return net_or(std::move(any));
  }
  void arrive(Path path, const Interface& to, const SymPacket& p) {
    if (!reply && !filter(path, sg(to, true, p), sg_component(to, true))) return;
    arrivals.push_back({path, p, &to});
  }

  void from_subnet(const std::string& subnet, const SymPacket& p, Path path, int depth);
  void take_route(const std::string& subnet, const Route& r, const SymPacket& p, Path path, int depth);
  void via_local(const std::string& subnet, const SymPacket& p, Path path);
  void via_internet_gateway(const std::string& subnet, const Route& r, SymPacket p, Path path);
  void via_nat(const std::string& subnet, const Route& r, SymPacket p, Path path, int depth);
  void via_peering(const std::string& subnet, const Route& r, const SymPacket& p, Path path);
  void from_internet(SymPacket p, Path path, int depth);
};

void Explorer::from_subnet(const std::string& subnet, const SymPacket& p, Path path, int depth) {
  const RouteTable* t = s.route_table_of(subnet);
  if (depth > kMaxHops) return end(path.cond, Fate::Unknown, t->id, "forwarding loop");
  if (!t->unmodelled.empty()) return end(path.cond, Fate::Unknown, t->id, t->unmodelled + " is not modelled");
  std::vector<NetRef> no_route;
  for (const auto& r : t->routes) {
    std::vector<NetRef> chosen = {path.cond, addr_in(p.dst, r.dest)};
    for (const auto& o : t->routes)  // longest prefix: no longer route covers the address
      if (o.dest.len > r.dest.len && o.dest.first() <= r.dest.last() && r.dest.first() <= o.dest.last())
        chosen.push_back(net_not(addr_in(p.dst, o.dest)));
    no_route.push_back(net_not(addr_in(p.dst, r.dest)));
    Path sub = path;
    sub.cond = net_and(std::move(chosen));
    if (!net_is_false(sub.cond)) take_route(subnet, r, p, sub, depth);
  }
  no_route.push_back(path.cond);
  end(net_and(std::move(no_route)), Fate::Dropped, t->id);
}

void Explorer::take_route(const std::string& subnet, const Route& r, const SymPacket& p, Path path, int depth) {
  const RouteTable* t = s.route_table_of(subnet);
  if (r.blackhole) return end(path.cond, Fate::Dropped, t->id);
  switch (r.kind) {
    case TargetKind::Local: return via_local(subnet, p, path);
    case TargetKind::InternetGateway: return via_internet_gateway(subnet, r, p, path);
    case TargetKind::NatGateway: return via_nat(subnet, r, p, path, depth);
    case TargetKind::Peering: return via_peering(subnet, r, p, path);
    case TargetKind::Other: return end(path.cond, Fate::Unknown, r.target, "route target " + r.target + " is not modelled");
  }
}

void Explorer::via_local(const std::string& subnet, const SymPacket& p, Path path) {
  const std::string vpc = s.subnets.at(subnet).vpc;
  if (!p.dst.fixed()) return end(path.cond, Fate::Unknown, vpc, "an unknown address inside " + vpc);
  const Interface* to = s.interface_at(vpc, p.dst.value);
  if (!to) {
    for (const auto& [id, n] : s.nats)
      if (n.vpc == vpc && n.private_ip == p.dst.value) return end(path.cond, Fate::Unknown, id, "a packet addressed to NAT gateway " + id);
    return end(path.cond, Fate::Dropped, vpc);
  }
  if (to->type != "interface") return end(path.cond, Fate::Unknown, to->id, "destination interface type " + to->type + " is not modelled");
  if (cross(path, subnet, to->subnet, p)) arrive(path, *to, p);
}

void Explorer::via_internet_gateway(const std::string& subnet, const Route& r, SymPacket p, Path path) {
  const std::string vpc = s.subnets.at(subnet).vpc;
  auto attached = s.igw_vpc.find(r.target);
  if (attached == s.igw_vpc.end() || attached->second != vpc) return end(path.cond, Fate::Dropped, r.target);
  std::uint32_t outside = 0;
  if (p.src.fixed()) {
    if (const Interface* i = s.interface_at(vpc, p.src.value); i && i->public_ips.count(p.src.value))
      outside = i->public_ips.at(p.src.value);
    for (const auto& [id, n] : s.nats)
      if (n.vpc == vpc && n.is_public && n.private_ip == p.src.value) outside = n.public_ip;
  }
  if (!outside) return end(path.cond, Fate::Dropped, r.target);
  if (!filter(path, nacl(subnet, true, p), nacl_component(*s.nacl_of(subnet), subnet, true))) return;
  p.src = Addr{"", outside};
  from_internet(p, path, 0);
}

void Explorer::via_nat(const std::string& subnet, const Route& r, SymPacket p, Path path, int depth) {
  const NatGateway& n = s.nats.at(r.target);
  if (!n.available) return end(path.cond, Fate::Dropped, n.id);
  if (!n.is_public) return end(path.cond, Fate::Unknown, n.id, "private NAT gateway " + n.id + " is not modelled");
  if (reply) return end(path.cond, Fate::Unknown, n.id, "a reply routed through NAT gateway " + n.id + " (asymmetric route)");
  if (!p.src.fixed()) return end(path.cond, Fate::Unknown, n.id, "an unknown source through NAT gateway " + n.id);
  if (!cross(path, subnet, n.subnet, p)) return;
  path.nat = &n;
  path.nat_inside = p.src.value;
  p.src = Addr{"", n.private_ip};
  from_subnet(n.subnet, p, path, depth + 1);
}

void Explorer::via_peering(const std::string& subnet, const Route& r, const SymPacket& p, Path path) {
  const Peering& pc = s.peerings.at(r.target);
  const std::string vpc = s.subnets.at(subnet).vpc;
  if (!pc.active || (vpc != pc.vpc_a && vpc != pc.vpc_b)) return end(path.cond, Fate::Dropped, pc.id);
  const std::string& peer = vpc == pc.vpc_a ? pc.vpc_b : pc.vpc_a;
  std::vector<NetRef> inside;
  for (const auto& c : vpc == pc.vpc_a ? pc.cidrs_b : pc.cidrs_a) inside.push_back(addr_in(p.dst, c));
  if (!filter(path, net_or(std::move(inside)), pc.id)) return;
  if (!s.vpcs.count(peer)) return end(path.cond, Fate::Unknown, peer, "peer VPC " + peer + " is not in the snapshot");
  if (!p.dst.fixed()) return end(path.cond, Fate::Unknown, peer, "an unknown address inside " + peer);
  const Interface* to = s.interface_at(peer, p.dst.value);
  if (!to) return end(path.cond, Fate::Dropped, peer);
  if (to->type != "interface") return end(path.cond, Fate::Unknown, to->id, "destination interface type " + to->type + " is not modelled");
  if (cross(path, subnet, to->subnet, p)) arrive(path, *to, p);
}

void Explorer::from_internet(SymPacket p, Path path, int depth) {
  if (!p.dst.fixed()) {  // the internet delivers to external addresses only
    const NetRef ext = p.dst.var == kDstVar ? dst_external : external(s, p.dst);
    end(net_and({path.cond, net_not(ext)}), Fate::Dropped, "internet");
    path.cond = net_and({path.cond, ext});
    if (!net_is_false(path.cond)) arrivals.push_back({path, p, nullptr});
    return;
  }
  if (const NatGateway* n = s.nat_with_public(p.dst.value)) {
    if (!reply || reply_nat != n) return end(path.cond, Fate::Dropped, n->id);
    if (!filter(path, nacl(n->subnet, false, p), nacl_component(*s.nacl_of(n->subnet), n->subnet, false))) return;
    p.dst = Addr{"", reply_nat_inside};
    return from_subnet(n->subnet, p, path, depth + 1);
  }
  const Interface* to = s.interface_with_public(p.dst.value);
  if (!to) {
    if (!s.is_external(p.dst.value)) return end(path.cond, Fate::Dropped, "internet");
    arrivals.push_back({path, p, nullptr});
    return;
  }
  if (!s.igw_of_vpc.count(to->vpc)) return end(path.cond, Fate::Dropped, to->vpc);
  for (const auto& [id, t] : s.route_tables)
    if (t.vpc == to->vpc && !t.edge_gateway.empty())
      return end(path.cond, Fate::Unknown, id, "edge association of " + id + " with " + t.edge_gateway + " is not modelled");
  for (const auto& [priv, pub] : to->public_ips)
    if (pub == p.dst.value) p.dst = Addr{"", priv};
  if (to->type != "interface") return end(path.cond, Fate::Unknown, to->id, "destination interface type " + to->type + " is not modelled");
  if (filter(path, nacl(to->subnet, false, p), nacl_component(*s.nacl_of(to->subnet), to->subnet, false)))
    arrive(path, *to, p);
}

NetRef tcp_or_udp() { return net_or({proto_is(kTcp), proto_is(kUdp)}); }

// The request's arrivals, each followed (for TCP/UDP) by its reply back to the sender.
std::vector<Branch> with_replies(const Snapshot& s, Explorer& fwd, const SymPacket& sent, bool from_internet,
                                 const Interface* target) {
  std::vector<Branch> out = fwd.ends;
  for (const auto& a : fwd.arrivals) {
    if (a.to != target) {
      out.push_back({a.path.cond, Fate::Dropped, "elsewhere", "", false});
      continue;
    }
    out.push_back({net_and({a.path.cond, net_not(tcp_or_udp())}), Fate::Delivered, "", "", false});
    Explorer back(s, fwd.bound, true, fwd.dst_external);
    back.reply_nat = a.path.nat;
    back.reply_nat_inside = a.path.nat_inside;
    Path start{net_and({a.path.cond, tcp_or_udp()}), nullptr, 0};
    if (net_is_false(start.cond)) continue;
    const SymPacket r = a.packet.reply();
    if (a.to) back.from_subnet(a.to->subnet, r, start, 0);
    else back.from_internet(r, start, 0);
    out.insert(out.end(), back.ends.begin(), back.ends.end());
    for (const auto& b : back.arrivals) {
      const bool home = b.packet.dst.same(sent.src) && (b.to == nullptr) == from_internet;
      out.push_back({b.path.cond, home ? Fate::Delivered : Fate::Dropped, home ? "" : "reply", "", true});
    }
  }
  return out;
}

}  // namespace

NetRef addr_in(const Addr& a, const Cidr& c) {
  if (a.fixed()) return c.contains(a.value) ? net_true() : net_false();
  return net_in_range(a.var, 32, c.first(), c.last());
}

NetRef external(const Snapshot& s, const Addr& a) {
  std::vector<NetRef> parts;
  for (const auto& c : s.non_external_blocks()) parts.push_back(net_not(addr_in(a, c)));
  for (auto ip : s.owned_public_ips()) parts.push_back(net_not(addr_eq(a, ip)));
  return net_and(std::move(parts));
}

std::vector<Branch> encode_flow_from_interface(const Snapshot& s, const Interface& from, const SymPacket& p,
                                               const Interface* target, const NetRef& space, Bound bound,
                                               const NetRef& dst_external) {
  Explorer fwd(s, bound, false, dst_external);
  Path path{space, nullptr, 0};
  if (fwd.filter(path, fwd.sg(from, false, p), sg_component(from, false))) fwd.from_subnet(from.subnet, p, path, 0);
  return with_replies(s, fwd, p, false, target);
}

std::vector<Branch> encode_flow_from_internet(const Snapshot& s, const SymPacket& p, const Interface* target,
                                              const NetRef& space, Bound bound, const NetRef& dst_external) {
  Explorer fwd(s, bound, false, dst_external);
  fwd.from_internet(p, Path{space, nullptr, 0}, 0);
  return with_replies(s, fwd, p, true, target);
}

bool uses_unresolved_rules(const Snapshot& s) {
  for (const auto& [id, g] : s.groups)
    for (const auto* rules : {&g.ingress, &g.egress})
      for (const auto& r : *rules)
        if (!r.unresolved.empty()) return true;
  return false;
}

}  // namespace verdict::network
