#include "network/exposure.h"

namespace verdict::network {

using namespace smt;

std::string Segment::str() const {
  if (proto == kAnyProtocol) return "other protocols";
  if (proto == kIcmp) return "icmp";
  const std::string p = protocol_name(proto);
  return lo == hi ? p + " " + std::to_string(lo) : p + " " + std::to_string(lo) + "-" + std::to_string(hi);
}

std::set<int> port_cuts(const Snapshot& s, const Interface& i) {
  std::set<int> cuts = {0, 65536};
  auto add = [&](const Traffic& t) {
    if ((t.proto == kTcp || t.proto == kUdp) && t.from >= 0) cuts.insert(t.from), cuts.insert(t.to + 1);
  };
  for (const auto& g : i.groups) {
    for (const auto& r : s.groups.at(g).ingress) add(r.traffic);
    for (const auto& r : s.groups.at(g).egress) add(r.traffic);
  }
  for (const auto& [id, a] : s.nacls)
    for (const auto& e : a.entries) add(e.traffic);
  return cuts;
}

namespace {

Segment probe(const Snapshot& s, Searcher& searcher, const Endpoint& from, const Endpoint& to, NetRef traffic,
              Segment seg) {
  const LaneResult r = searcher.search_all(searcher.lanes(from, to, traffic), false);
  seg.outcome = r.outcome;
  seg.witness = r.witness;
  seg.packet = r.packet;
  seg.reason = r.reason;
  return seg;
}

}  // namespace

std::vector<Segment> reach_segments(const Snapshot& s, Searcher& searcher, const Endpoint& from, const Endpoint& to,
                                    const std::set<int>& cuts, const TrafficSpec& ports) {
  std::vector<Segment> out;
  std::vector<int> points(cuts.begin(), cuts.end());
  for (int proto : {kTcp, kUdp}) {
    if (ports.proto != kAnyProtocol && ports.proto != proto) continue;
    for (std::size_t k = 0; k + 1 < points.size(); ++k) {
      int lo = points[k], hi = points[k + 1] - 1;
      if (ports.port_lo >= 0) lo = std::max(lo, ports.port_lo), hi = std::min(hi, ports.port_hi);
      if (lo > hi) continue;
      const TrafficSpec t{proto, lo, hi};
      out.push_back(probe(s, searcher, from, to, traffic_space(t), Segment{proto, lo, hi, Outcome::Unreachable, {}, {}, ""}));
    }
  }
  if (ports.port_lo >= 0) return out;
  if (ports.proto == kAnyProtocol || ports.proto == kIcmp)
    out.push_back(probe(s, searcher, from, to, traffic_space(TrafficSpec{kIcmp, -1, -1}),
                        Segment{kIcmp, 0, 0, Outcome::Unreachable, {}, {}, ""}));
  if (ports.proto == kAnyProtocol) {
    const NetRef known = net_or({net_in_range(kProtoVar, 8, kIcmp, kIcmp), net_in_range(kProtoVar, 8, kTcp, kTcp),
                                 net_in_range(kProtoVar, 8, kUdp, kUdp)});
    const NetRef other = net_and({traffic_space(TrafficSpec{}), net_not(known)});
    out.push_back(probe(s, searcher, from, to, other, Segment{kAnyProtocol, 0, 0, Outcome::Unreachable, {}, {}, ""}));
  }
  return out;
}

std::vector<Segment> exposure(const Snapshot& s, Searcher& searcher, const Interface& i, const TrafficSpec& ports) {
  if (i.public_ips.empty()) return {};  // the internet can address only public IPs
  return reach_segments(s, searcher, Endpoint{}, Endpoint{&i, std::nullopt}, port_cuts(s, i), ports);
}

std::vector<Segment> merge_segments(const std::vector<Segment>& segs) {
  std::vector<Segment> out;
  for (const auto& g : segs) {
    if (!out.empty() && out.back().proto == g.proto && out.back().outcome == g.outcome && out.back().hi + 1 == g.lo &&
        (g.proto == kTcp || g.proto == kUdp)) {
      out.back().hi = g.hi;
      continue;
    }
    out.push_back(g);
  }
  return out;
}

}  // namespace verdict::network
