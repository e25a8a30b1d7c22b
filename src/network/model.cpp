#include "network/model.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace verdict::network {

std::optional<std::uint32_t> parse_ipv4(const std::string& text) {
  std::uint32_t out = 0;
  int parts = 0;
  std::size_t i = 0;
  while (parts < 4) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return std::nullopt;
    unsigned v = 0, digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 4) v = v * 10 + unsigned(text[i++] - '0'), ++digits;
    if (v > 255 || digits > 3) return std::nullopt;
    out = (out << 8) | v;
    if (++parts < 4) {
      if (i >= text.size() || text[i] != '.') return std::nullopt;
      ++i;
    }
  }
  if (i != text.size()) return std::nullopt;
  return out;
}

std::optional<Cidr> parse_cidr(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto ip = parse_ipv4(text.substr(0, slash));
  const std::string len = text.substr(slash + 1);
  if (!ip || len.empty() || len.size() > 2 || len.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const unsigned n = unsigned(std::stoi(len));
  if (n > 32) return std::nullopt;
  const std::uint32_t mask = n == 0 ? 0 : 0xffffffffu << (32 - n);
  return Cidr{*ip & mask, n};
}

std::string format_ipv4(std::uint32_t a) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
  return buf;
}

std::string Cidr::str() const { return format_ipv4(base) + "/" + std::to_string(len); }

std::string protocol_name(int proto) {
  switch (proto) {
    case kAnyProtocol: return "all";
    case kIcmp: return "icmp";
    case kTcp: return "tcp";
    case kUdp: return "udp";
    default: return "protocol " + std::to_string(proto);
  }
}

Packet Packet::reply() const {
  Packet r = *this;
  std::swap(r.src, r.dst);
  std::swap(r.src_port, r.dst_port);
  return r;
}

std::string Packet::str() const {
  std::ostringstream o;
  o << protocol_name(proto) << " " << format_ipv4(src);
  if (proto == kTcp || proto == kUdp) o << ":" << src_port;
  o << " -> " << format_ipv4(dst);
  if (proto == kTcp || proto == kUdp) o << ":" << dst_port;
  if (proto == kIcmp) o << " (type " << icmp_type << ", code " << icmp_code << ")";
  return o.str();
}

std::string Traffic::str() const {
  std::string s = protocol_name(proto);
  if (proto == kTcp || proto == kUdp) {
    if (from < 0 || (from == 0 && to == 65535)) s += " all ports";
    else s += from == to ? " port " + std::to_string(from) : " ports " + std::to_string(from) + "-" + std::to_string(to);
  } else if (proto == kIcmp && from >= 0) {
    s += " type " + std::to_string(from) + (to >= 0 ? " code " + std::to_string(to) : "");
  }
  return s;
}

std::string Route::str() const {
  return dest.str() + " -> " + target + (blackhole ? " (blackhole)" : "");
}

std::string nacl_component(const NetworkAcl& a, const std::string& subnet, bool egress) {
  return a.id + (egress ? " outbound" : " inbound") + " (" + subnet + ")";
}

std::string sg_component(const Interface& i, bool inbound) {
  return "security groups of " + i.id + (inbound ? " inbound" : " outbound");
}

bool traffic_matches(const Traffic& t, const Packet& p) {
  if (t.proto == kAnyProtocol) return true;
  if (t.proto != p.proto) return false;
  if (p.proto == kTcp || p.proto == kUdp) return t.from < 0 || (p.dst_port >= t.from && p.dst_port <= t.to);
  if (p.proto == kIcmp) return (t.from < 0 || p.icmp_type == t.from) && (t.to < 0 || p.icmp_code == t.to);
  return true;
}

const RouteTable* Snapshot::route_table_of(const std::string& subnet) const {
  auto it = table_of_subnet_.find(subnet);
  if (it == table_of_subnet_.end()) {
    auto s = subnets.find(subnet);
    if (s == subnets.end()) return nullptr;
    it = main_table_.find(s->second.vpc);
    if (it == main_table_.end()) return nullptr;
  }
  return &route_tables.at(it->second);
}

const NetworkAcl* Snapshot::nacl_of(const std::string& subnet) const {
  auto it = nacl_of_subnet_.find(subnet);
  if (it == nacl_of_subnet_.end()) {
    auto s = subnets.find(subnet);
    if (s == subnets.end()) return nullptr;
    it = default_nacl_.find(s->second.vpc);
    if (it == default_nacl_.end()) return nullptr;
  }
  return &nacls.at(it->second);
}

std::string Snapshot::index() {
  for (const auto& [id, i] : interfaces) {
    for (auto a : i.private_ips)
      if (!by_private_.emplace(std::make_pair(i.vpc, a), &i).second)
        return "two interfaces in " + i.vpc + " have the address " + format_ipv4(a);
    for (const auto& [priv, pub] : i.public_ips) {
      if (!by_public_.emplace(pub, &i).second) return "two interfaces have the public address " + format_ipv4(pub);
      owned_public_.push_back(pub);
    }
    for (const auto& g : i.groups) members_[g].insert(members_[g].end(), i.private_ips.begin(), i.private_ips.end());
  }
  for (const auto& [id, n] : nats)
    if (n.is_public) owned_public_.push_back(n.public_ip);
  return "";
}

const Interface* Snapshot::interface_at(const std::string& vpc, std::uint32_t ip) const {
  auto it = by_private_.find({vpc, ip});
  return it == by_private_.end() ? nullptr : it->second;
}

const Interface* Snapshot::interface_with_public(std::uint32_t ip) const {
  auto it = by_public_.find(ip);
  return it == by_public_.end() ? nullptr : it->second;
}

const NatGateway* Snapshot::nat_with_public(std::uint32_t ip) const {
  for (const auto& [id, n] : nats)
    if (n.is_public && n.public_ip == ip) return &n;
  return nullptr;
}

const std::vector<std::uint32_t>& Snapshot::members_of(const std::string& sg) const {
  static const std::vector<std::uint32_t> none;
  auto it = members_.find(sg);
  return it == members_.end() ? none : it->second;
}

const std::vector<Cidr>& special_blocks() {
  static const std::vector<Cidr> blocks = [] {
    std::vector<Cidr> out;
    for (const char* s : {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
                          "192.168.0.0/16", "224.0.0.0/3"})
      out.push_back(*parse_cidr(s));
    return out;
  }();
  return blocks;
}

std::vector<Cidr> Snapshot::non_external_blocks() const {
  std::vector<Cidr> out = special_blocks();
  for (const auto& [id, v] : vpcs) out.insert(out.end(), v.cidrs.begin(), v.cidrs.end());
  return out;
}

const std::vector<std::uint32_t>& Snapshot::owned_public_ips() const { return owned_public_; }

bool Snapshot::is_external(std::uint32_t ip) const {
  for (const auto& c : non_external_blocks())
    if (c.contains(ip)) return false;
  return std::find(owned_public_.begin(), owned_public_.end(), ip) == owned_public_.end();
}

}  // namespace verdict::network
