// What the internet can reach on one interface: the TCP and UDP destination ports split into
// intervals on which every rule on the inbound path behaves alike, plus ICMP and the other
// protocols, each with its outcome and (when reachable) a re-checked packet. Used by
// `exposed` and `compare`. Not responsible for phrasing answers.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "network/search.h"

namespace verdict::network {

/// One kind of traffic to one interface: a protocol (TCP/UDP with a port interval, ICMP, or
/// kAnyProtocol standing for "every other protocol") and what happens to it.
struct Segment {
  int proto = kTcp;
  int lo = 0, hi = 65535;
  Outcome outcome = Outcome::Unreachable;
  std::optional<NetworkFlow> witness;
  std::string reason;
  [[nodiscard]] std::string str() const;  ///< "tcp 22", "udp 1000-2000", "icmp", "other protocols"
};

/// The port boundaries that matter for traffic to `i` (its groups' and its subnet ACL's rules).
std::set<int> port_cuts(const Snapshot& s, const Interface& i);

/// The internet's reach on `i`, with the TCP/UDP port space cut at `cuts` (and restricted to
/// [lo, hi] when `ports` is given).
std::vector<Segment> exposure(const Snapshot& s, Searcher& searcher, const Interface& i, const std::set<int>& cuts,
                              const TrafficSpec& ports);

/// Adjacent segments of one protocol with the same outcome, merged (first witness kept).
std::vector<Segment> merge_segments(const std::vector<Segment>& segs);

}  // namespace verdict::network
