// What one endpoint can reach on another (the internet on an interface, or one interface on
// another): the TCP and UDP destination ports split into intervals on which every rule behaves
// alike, plus ICMP and the other protocols, each with its outcome and (when reachable) a
// re-checked packet. Used by `exposed` and `compare`. Not responsible for phrasing answers.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "network/search.h"

namespace verdict::network {

/// One kind of traffic between two endpoints: a protocol (TCP/UDP with a port interval, ICMP,
/// or kAnyProtocol standing for "every other protocol") and what happens to it.
struct Segment {
  int proto = kTcp;
  int lo = 0, hi = 65535;
  Outcome outcome = Outcome::Unreachable;
  std::optional<NetworkFlow> witness;
  std::optional<Packet> packet;
  std::string reason;
  [[nodiscard]] std::string str() const;  ///< "tcp 22", "udp 1000-2000", "icmp", "other protocols"
};

/// The destination-port boundaries that matter for traffic from or to `i`: its groups' rules and
/// every ACL rule (only these rules test a request's destination port, so reachability is the
/// same for every port between two consecutive cuts).
std::set<int> port_cuts(const Snapshot& s, const Interface& i);

/// What `from` reaches on `to`, with the TCP/UDP port space cut at `cuts` (and restricted to the
/// ports of `ports` when given).
std::vector<Segment> reach_segments(const Snapshot& s, Searcher& searcher, const Endpoint& from, const Endpoint& to,
                                    const std::set<int>& cuts, const TrafficSpec& ports);

/// The internet's reach on `i` (nothing when `i` has no public IP).
std::vector<Segment> exposure(const Snapshot& s, Searcher& searcher, const Interface& i, const TrafficSpec& ports);

/// Adjacent segments of one protocol with the same outcome, merged (first witness kept).
std::vector<Segment> merge_segments(const std::vector<Segment>& segs);

}  // namespace verdict::network
