#include "network/search.h"

#include <algorithm>

#include "verdict/errors.h"

namespace verdict::network {

using namespace smt;

namespace {

bool is_usable(const Interface& i) { return i.type == "interface"; }

void add_interface(std::vector<Endpoint>& out, const Snapshot& s, const std::string& id, const std::string& flag) {
  auto it = s.interfaces.find(id);
  if (it == s.interfaces.end()) throw InputError(flag + ": unknown network interface \"" + id + "\" in " + s.name);
  out.push_back({&it->second, std::nullopt});
}

NetRef proto_is(int proto) { return net_in_range(kProtoVar, 8, std::uint64_t(proto), std::uint64_t(proto)); }

int parse_port(const std::string& text, const std::string& whole) {
  if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos || std::stoi(text) > 65535)
    throw InputError("--port: expected N or N-M with ports 0-65535, got \"" + whole + "\"");
  return std::stoi(text);
}

}  // namespace

std::vector<Endpoint> resolve_endpoint(const Snapshot& s, const std::string& spec, const std::string& flag) {
  std::vector<Endpoint> out;
  if (spec == "internet") return {Endpoint{}};
  if (spec.rfind("eni-", 0) == 0) {
    add_interface(out, s, spec, flag);
  } else if (spec.rfind("i-", 0) == 0) {
    auto it = s.instances.find(spec);
    if (it == s.instances.end()) throw InputError(flag + ": unknown instance \"" + spec + "\" in " + s.name);
    for (const auto& id : it->second) add_interface(out, s, id, flag);
  } else if (spec.rfind("subnet-", 0) == 0) {
    if (!s.subnets.count(spec)) throw InputError(flag + ": unknown subnet \"" + spec + "\" in " + s.name);
    for (const auto& [id, i] : s.interfaces)
      if (i.subnet == spec && is_usable(i)) out.push_back({&i, std::nullopt});
  } else if (const auto c = parse_cidr(spec)) {
    for (const auto& [id, i] : s.interfaces)
      if (is_usable(i) && std::any_of(i.private_ips.begin(), i.private_ips.end(), [&](auto a) { return c->contains(a); }))
        out.push_back({&i, c});
    out.push_back({nullptr, c});
  } else {
    throw InputError(flag + ": expected an interface (eni-), instance (i-), subnet (subnet-), `internet` or a CIDR, got \"" + spec + "\"");
  }
  return out;
}

TrafficSpec parse_traffic(const std::string& protocol, const std::string& ports) {
  TrafficSpec t;
  if (protocol == "tcp") t.proto = kTcp;
  else if (protocol == "udp") t.proto = kUdp;
  else if (protocol == "icmp") t.proto = kIcmp;
  else if (protocol == "all" || protocol == "-1") t.proto = kAnyProtocol;
  else if (!protocol.empty() && protocol.size() <= 3 && protocol.find_first_not_of("0123456789") == std::string::npos && std::stoi(protocol) <= 255)
    t.proto = std::stoi(protocol);
  else throw InputError("--protocol: expected tcp, udp, icmp, all or a number 0-255, got \"" + protocol + "\"");
  if (!ports.empty()) {
    const auto dash = ports.find('-');
    t.port_lo = parse_port(ports.substr(0, dash), ports);
    t.port_hi = dash == std::string::npos ? t.port_lo : parse_port(ports.substr(dash + 1), ports);
    if (t.port_hi < t.port_lo) throw InputError("--port: empty range \"" + ports + "\"");
    if (t.proto != kAnyProtocol && t.proto != kTcp && t.proto != kUdp)
      throw InputError("--port: ports apply to tcp and udp only");
  }
  return t;
}

NetRef traffic_space(const TrafficSpec& t) {
  const NetRef tcp_udp = net_or({proto_is(kTcp), proto_is(kUdp)});
  std::vector<NetRef> parts;
  if (t.proto != kAnyProtocol) parts.push_back(proto_is(t.proto));
  if (t.port_lo >= 0) parts.push_back(tcp_udp);
  // TCP/UDP: an ephemeral source port and the asked destination ports; others: ports 0.
  const NetRef dports = t.port_lo >= 0 ? net_in_range(kDportVar, 16, t.port_lo, t.port_hi) : net_true();
  parts.push_back(net_or({net_not(tcp_udp), net_and({net_in_range(kSportVar, 16, 1024, 65535), dports})}));
  parts.push_back(net_or({tcp_udp, net_and({net_in_range(kSportVar, 16, 0, 0), net_in_range(kDportVar, 16, 0, 0)})}));
  parts.push_back(net_or({proto_is(kIcmp), net_and({net_in_range(kTypeVar, 8, 0, 0), net_in_range(kCodeVar, 8, 0, 0)})}));
  return net_and(std::move(parts));
}

ExternalSpace external_space(const Snapshot& s) {
  const Addr dst{kDstVar, 0};
  std::vector<NetRef> background = {external(s, Addr{kSrcVar, 0})};
  for (const auto& [id, v] : s.vpcs)
    for (const auto& c : v.cidrs) background.push_back(net_not(addr_in(dst, c)));
  for (auto ip : s.owned_public_ips()) background.push_back(net_not(net_in_range(kDstVar, 32, ip, ip)));
  std::vector<NetRef> special;
  for (const auto& c : special_blocks()) special.push_back(net_not(addr_in(dst, c)));
  return {net_and(std::move(background)), net_true(), net_and(std::move(special))};
}

std::vector<Lane> make_lanes(const Snapshot& s, const ExternalSpace& ext, const Endpoint& src, const Endpoint& dst,
                             const NetRef& traffic) {
  std::vector<Lane> out;
  auto inside = [](const Endpoint& e, std::uint32_t a) { return !e.within || e.within->contains(a); };
  // Outside the snapshot's interfaces: external addresses; a destination block also covers
  // addresses beyond unmodelled gateways (private, outside every VPC).
  auto outside_space = [&](const Endpoint& e, const char* var, bool is_dst) {
    Addr a{var, 0};
    const NetRef& outside = is_dst ? ext.dst : ext.src;
    if (!e.within) return outside;
    return addr_in(a, *e.within);  // the background keeps it outside the VPCs, unowned
  };
  if (!src.iface && !dst.iface) return out;
  if (src.iface && src.iface == dst.iface) return out;
  std::vector<std::pair<Addr, NetRef>> sources, targets;
  if (src.iface) {
    for (auto a : src.iface->private_ips)
      if (inside(src, a)) sources.push_back({Addr{"", a}, net_true()});
  } else {
    sources.push_back({Addr{kSrcVar, 0}, outside_space(src, kSrcVar, false)});
  }
  if (dst.iface) {
    for (auto a : dst.iface->private_ips)
      if (inside(dst, a) && src.iface) targets.push_back({Addr{"", a}, net_true()});
    for (const auto& [priv, pub] : dst.iface->public_ips)
      if (inside(dst, priv) || inside(dst, pub)) targets.push_back({Addr{"", pub}, net_true()});
  } else {
    targets.push_back({Addr{kDstVar, 0}, outside_space(dst, kDstVar, true)});
  }
  for (const auto& [sa, sc] : sources)
    for (const auto& [da, dc] : targets) {
      Lane l{src.iface, dst.iface, SymPacket{sa, da}, net_and({traffic, sc, dc})};
      if (!net_is_false(l.space)) out.push_back(l);
    }
  return out;
}

NetworkPacket packet_to_api(const Packet& p) {
  return {format_ipv4(p.src), format_ipv4(p.dst), protocol_name(p.proto), p.src_port, p.dst_port,
          p.icmp_type, p.icmp_code, p.str()};
}

std::string endpoint_name(const Interface* i) {
  if (!i) return "internet";
  return i->id + (i->instance.empty() ? "" : " (" + i->instance + ")");
}

NetworkFlow describe_flow(const Flow& f, const Packet& p, const std::string& role) {
  NetworkFlow out;
  out.role = role;
  out.packet = packet_to_api(p);
  for (const auto& st : f.forward.steps) out.path.push_back({st.component, st.detail});
  for (const auto& st : f.back.steps) out.reply_path.push_back({st.component, st.detail});
  const Trip& stop = f.forward.fate != Fate::Delivered ? f.forward : f.back;
  if (f.fate != Fate::Delivered) {
    out.stopped_at = (&stop == &f.back ? "reply: " : "") + stop.stop_component;
    out.stopped_by = stop.stop_reason;
  }
  return out;
}

}  // namespace verdict::network
