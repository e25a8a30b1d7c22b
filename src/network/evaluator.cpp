#include "network/evaluator.h"

#include <algorithm>

namespace verdict::network {

namespace {

constexpr int kMaxHops = 8;

struct Forwarder {
  Forwarder(const Snapshot& snapshot, Bound b, bool is_reply) : s(snapshot), bound(b), reply(is_reply) {}
  const Snapshot& s;
  Bound bound;
  bool reply;
  Trip trip;
  // A reply that arrives at a NAT gateway's public address goes back to this inside address.
  const NatGateway* reply_nat = nullptr;
  std::uint32_t reply_nat_inside = 0;

  void stop(Fate f, const std::string& component, const std::string& reason) {
    trip.fate = f;
    trip.stop_component = component;
    trip.stop_reason = reason;
  }
  void step(const std::string& component, const std::string& detail) { trip.steps.push_back({component, detail}); }

  void deliver(const Packet& p, const Interface* to) {
    trip.fate = Fate::Delivered;
    trip.delivered = p;
    trip.to_interface = to;
    trip.to_internet = to == nullptr;
  }

  bool nacl(const std::string& subnet, bool egress, const Packet& p) {
    const NetworkAcl* a = s.nacl_of(subnet);
    const std::string comp = nacl_component(*a, subnet, egress);
    for (const auto& e : a->entries) {
      if (e.egress != egress || !traffic_matches(e.traffic, p) || !e.cidr.contains(egress ? p.dst : p.src)) continue;
      const std::string rule = "rule " + std::to_string(e.number) + " " + (e.allow ? "allows " : "denies ") +
                               e.traffic.str() + " " + e.cidr.str();
      if (!e.allow) {
        stop(Fate::Dropped, comp, rule);
        return false;
      }
      step(comp, rule);
      return true;
    }
    stop(Fate::Dropped, comp, "no rule matches (the final * rule denies)");
    return false;
  }

  bool cross(const std::string& from_subnet, const std::string& to_subnet, const Packet& p) {
    if (from_subnet == to_subnet) return true;
    return nacl(from_subnet, true, p) && nacl(to_subnet, false, p);
  }

  bool sg(const Interface& i, bool inbound, const Packet& p) {
    if (reply) return true;  // stateful: the reply of an allowed flow passes
    std::string rule;
    const std::string comp = sg_component(i, inbound);
    if (!security_groups_allow(s, i, inbound, p, bound, rule)) {
      stop(Fate::Dropped, comp, "no rule of " + (i.groups.empty() ? std::string("(no groups)") : i.groups[0] +
                                 (i.groups.size() > 1 ? " and the others" : "")) + " allows " + p.str());
      return false;
    }
    step(comp, rule);
    return true;
  }

  void arrive(const Interface& to, const Packet& p) {
    if (sg(to, true, p)) deliver(p, &to);
  }

  void from_subnet(const std::string& subnet, Packet p, int depth);
  void via_internet_gateway(const std::string& subnet, const Route& r, Packet p);
  void via_nat(const std::string& subnet, const Route& r, Packet p, int depth);
  void via_peering(const std::string& subnet, const Route& r, const Packet& p);
  void via_local(const std::string& subnet, const Packet& p);
  void from_internet(Packet p, int depth);
};

const Route* longest_prefix(const RouteTable& t, std::uint32_t dst) {
  const Route* best = nullptr;
  for (const auto& r : t.routes)
    if (r.dest.contains(dst) && (!best || r.dest.len > best->dest.len)) best = &r;
  return best;
}

void Forwarder::from_subnet(const std::string& subnet, Packet p, int depth) {
  const RouteTable* t = s.route_table_of(subnet);
  if (depth > kMaxHops) return stop(Fate::Unknown, t->id, "forwarding loop (more than 8 hops)");
  if (!t->unmodelled.empty()) return stop(Fate::Unknown, t->id, t->unmodelled + " is not modelled");
  const Route* r = longest_prefix(*t, p.dst);
  if (!r) return stop(Fate::Dropped, t->id, "no route to " + format_ipv4(p.dst));
  if (r->blackhole) return stop(Fate::Dropped, t->id, "route " + r->str() + " is a blackhole");
  step(t->id + " (" + subnet + ")", "route " + r->str());
  switch (r->kind) {
    case TargetKind::Local: return via_local(subnet, p);
    case TargetKind::InternetGateway: return via_internet_gateway(subnet, *r, p);
    case TargetKind::NatGateway: return via_nat(subnet, *r, p, depth);
    case TargetKind::Peering: return via_peering(subnet, *r, p);
    case TargetKind::Other: return stop(Fate::Unknown, r->target, "route target " + r->target + " is not modelled");
  }
}

void Forwarder::via_local(const std::string& subnet, const Packet& p) {
  const std::string vpc = s.subnets.at(subnet).vpc;
  const Interface* to = s.interface_at(vpc, p.dst);
  if (!to) {
    for (const auto& [id, n] : s.nats)
      if (n.vpc == vpc && n.private_ip == p.dst) return stop(Fate::Unknown, id, "a packet addressed to NAT gateway " + id);
    return stop(Fate::Dropped, vpc, "no network interface in the snapshot has address " + format_ipv4(p.dst));
  }
  if (to->type != "interface") return stop(Fate::Unknown, to->id, "destination interface type " + to->type + " is not modelled");
  if (cross(subnet, to->subnet, p)) arrive(*to, p);
}

void Forwarder::via_internet_gateway(const std::string& subnet, const Route& r, Packet p) {
  const std::string vpc = s.subnets.at(subnet).vpc;
  auto attached = s.igw_vpc.find(r.target);
  if (attached == s.igw_vpc.end() || attached->second != vpc)
    return stop(Fate::Dropped, r.target, r.target + " is not attached to " + vpc);
  std::uint32_t outside = 0;
  if (const Interface* i = s.interface_at(vpc, p.src); i && i->public_ips.count(p.src)) outside = i->public_ips.at(p.src);
  for (const auto& [id, n] : s.nats)
    if (n.vpc == vpc && n.is_public && n.private_ip == p.src) outside = n.public_ip;
  if (!outside)
    return stop(Fate::Dropped, r.target, "source " + format_ipv4(p.src) + " has no public IP, so " + r.target + " does not forward it");
  if (!nacl(subnet, true, p)) return;
  step(r.target, "translates source " + format_ipv4(p.src) + " to " + format_ipv4(outside));
  p.src = outside;
  from_internet(p, 0);
}

void Forwarder::via_nat(const std::string& subnet, const Route& r, Packet p, int depth) {
  const NatGateway& n = s.nats.at(r.target);
  if (!n.available) return stop(Fate::Dropped, n.id, n.id + " is not available");
  if (!n.is_public) return stop(Fate::Unknown, n.id, "private NAT gateway " + n.id + " is not modelled");
  if (reply) return stop(Fate::Unknown, n.id, "a reply routed through NAT gateway " + n.id + " (asymmetric route)");
  if (!cross(subnet, n.subnet, p)) return;
  step(n.id, "translates source " + format_ipv4(p.src) + " to " + format_ipv4(n.private_ip));
  trip.nat = &n;
  trip.nat_inside = p.src;
  p.src = n.private_ip;
  from_subnet(n.subnet, p, depth + 1);
}

void Forwarder::via_peering(const std::string& subnet, const Route& r, const Packet& p) {
  const Peering& pc = s.peerings.at(r.target);
  const std::string vpc = s.subnets.at(subnet).vpc;
  if (!pc.active) return stop(Fate::Dropped, pc.id, pc.id + " is not active");
  if (vpc != pc.vpc_a && vpc != pc.vpc_b) return stop(Fate::Dropped, pc.id, pc.id + " does not connect " + vpc);
  const std::string& peer = vpc == pc.vpc_a ? pc.vpc_b : pc.vpc_a;
  const auto& cidrs = vpc == pc.vpc_a ? pc.cidrs_b : pc.cidrs_a;
  if (std::none_of(cidrs.begin(), cidrs.end(), [&](const Cidr& c) { return c.contains(p.dst); }))
    return stop(Fate::Dropped, pc.id, format_ipv4(p.dst) + " is outside the peered VPC's blocks");
  if (!s.vpcs.count(peer)) return stop(Fate::Unknown, peer, "peer VPC " + peer + " is not in the snapshot");
  const Interface* to = s.interface_at(peer, p.dst);
  if (!to) return stop(Fate::Dropped, peer, "no network interface in the snapshot has address " + format_ipv4(p.dst));
  if (to->type != "interface") return stop(Fate::Unknown, to->id, "destination interface type " + to->type + " is not modelled");
  step(pc.id, "to " + peer);
  if (cross(subnet, to->subnet, p)) arrive(*to, p);
}

void Forwarder::from_internet(Packet p, int depth) {
  if (const NatGateway* n = s.nat_with_public(p.dst)) {
    if (!reply || reply_nat != n) return stop(Fate::Dropped, n->id, n->id + " accepts no inbound connections (NAT is outbound only)");
    if (!nacl(n->subnet, false, p)) return;
    step(n->id, "translates destination back to " + format_ipv4(reply_nat_inside));
    p.dst = reply_nat_inside;
    return from_subnet(n->subnet, p, depth + 1);
  }
  const Interface* to = s.interface_with_public(p.dst);
  if (!to) {
    if (!s.is_external(p.dst)) return stop(Fate::Dropped, "internet", format_ipv4(p.dst) + " is not a public address");
    return deliver(p, nullptr);
  }
  auto igw = s.igw_of_vpc.find(to->vpc);
  if (igw == s.igw_of_vpc.end()) return stop(Fate::Dropped, to->vpc, to->vpc + " has no internet gateway");
  for (const auto& [id, t] : s.route_tables)
    if (t.vpc == to->vpc && !t.edge_gateway.empty())
      return stop(Fate::Unknown, id, "edge association of " + id + " with " + t.edge_gateway + " is not modelled");
  std::uint32_t inside = 0;
  for (const auto& [priv, pub] : to->public_ips)
    if (pub == p.dst) inside = priv;
  step(igw->second, "translates destination " + format_ipv4(p.dst) + " to " + format_ipv4(inside));
  p.dst = inside;
  if (to->type != "interface") return stop(Fate::Unknown, to->id, "destination interface type " + to->type + " is not modelled");
  if (nacl(to->subnet, false, p)) arrive(*to, p);
}

bool rule_matches(const Snapshot& s, const SgRule& r, std::uint32_t peer, const Packet& p, Bound bound) {
  if (!traffic_matches(r.traffic, p)) return false;
  if (!r.unresolved.empty()) return bound == Bound::Upper;
  if (r.cidr) return r.cidr->contains(peer);
  const auto& members = s.members_of(r.group);
  return std::find(members.begin(), members.end(), peer) != members.end();
}

Trip send_reply(const Snapshot& s, const Trip& fwd, Bound bound) {
  Forwarder f(s, bound, true);
  const Packet r = fwd.delivered.reply();
  f.reply_nat = fwd.nat;
  f.reply_nat_inside = fwd.nat_inside;
  if (fwd.to_interface) f.from_subnet(fwd.to_interface->subnet, r, 0);
  else f.from_internet(r, 0);
  return f.trip;
}

Flow finish(const Snapshot& s, Trip fwd, const Packet& p, bool from_internet, Bound bound) {
  Flow flow;
  flow.forward = std::move(fwd);
  flow.needs_reply = p.proto == kTcp || p.proto == kUdp;
  flow.fate = flow.forward.fate;
  if (flow.fate != Fate::Delivered || !flow.needs_reply) return flow;
  flow.back = send_reply(s, flow.forward, bound);
  flow.fate = flow.back.fate;
  // The reply must reach the request's sender, at the address it sent from.
  if (flow.fate == Fate::Delivered && (flow.back.delivered.dst != p.src || from_internet != flow.back.to_internet)) {
    flow.fate = Fate::Dropped;
    flow.back.stop_component = "reply";
    flow.back.stop_reason = "the reply arrives at " + format_ipv4(flow.back.delivered.dst) + ", not at the sender";
  }
  return flow;
}

}  // namespace

bool security_groups_allow(const Snapshot& s, const Interface& i, bool inbound, const Packet& p, Bound bound,
                           std::string& rule) {
  const std::uint32_t peer = inbound ? p.src : p.dst;
  for (const auto& gid : i.groups) {
    const SecurityGroup& g = s.groups.at(gid);
    for (const auto& r : inbound ? g.ingress : g.egress)
      if (rule_matches(s, r, peer, p, bound)) {
        rule = r.where + " allows";
        return true;
      }
  }
  return false;
}

Flow flow_from_interface(const Snapshot& s, const Interface& from, const Packet& p, Bound bound) {
  Forwarder f(s, bound, false);
  if (f.sg(from, false, p)) f.from_subnet(from.subnet, p, 0);
  return finish(s, std::move(f.trip), p, false, bound);
}

Flow flow_from_internet(const Snapshot& s, const Packet& p, Bound bound) {
  Forwarder f(s, bound, false);
  f.from_internet(p, 0);
  return finish(s, std::move(f.trip), p, true, bound);
}

}  // namespace verdict::network
