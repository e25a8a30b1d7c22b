// The search behind every network question: resolves endpoints into lanes (one source address,
// one destination address or the internet), encodes each lane, asks the solver for a delivered
// packet or for the components that stop every packet, and re-checks each packet it reports
// with the concrete evaluator. Not responsible for phrasing whole answers (questions.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "network/encoder.h"
#include "smt/network_formula.h"
#include "verdict/network.h"

namespace verdict::network {

/// One side of a question: an interface (possibly restricted to a block) or the internet.
struct Endpoint {
  const Interface* iface = nullptr;  ///< null: external addresses
  std::optional<Cidr> within;
};

/// eni-, i-, subnet-, `internet` or a CIDR. Throws InputError naming `flag` for anything else.
std::vector<Endpoint> resolve_endpoint(const Snapshot& s, const std::string& spec, const std::string& flag);

/// The packets a question is about: protocol (kAnyProtocol = all) and destination ports.
struct TrafficSpec {
  int proto = kAnyProtocol;
  int port_lo = -1, port_hi = -1;  ///< -1: any
};
TrafficSpec parse_traffic(const std::string& protocol, const std::string& ports);
NetRef traffic_space(const TrafficSpec& t);

/// One source address (fixed, or an external variable) to one destination.
struct Lane {
  const Interface* from = nullptr;  ///< null: the internet
  const Interface* to = nullptr;    ///< null: the internet
  SymPacket packet;
  NetRef space;
};
/// The external-address constraints on the `src` and `dst` variables, split so that the large
/// part is asserted once as the solver's background: `background` (src external; dst outside
/// every VPC and owned by nothing), then what lanes add: `src` (nothing more) and `dst` (not in
/// a special block).
struct ExternalSpace {
  NetRef background, src, dst;
};
ExternalSpace external_space(const Snapshot& s);
std::vector<Lane> make_lanes(const Snapshot& s, const ExternalSpace& ext, const Endpoint& src, const Endpoint& dst,
                             const NetRef& traffic);

enum class Outcome { Reachable, Unreachable, DontKnow };

struct LaneResult {
  Outcome outcome = Outcome::Unreachable;
  std::optional<NetworkFlow> witness;  ///< Reachable: a re-checked packet and its path
  std::optional<Packet> packet;        ///< Reachable: the witness packet itself
  std::vector<NetworkFlow> blocked;    ///< Unreachable: where the packets stop, re-checked
  std::string reason;                  ///< DontKnow: what is not modelled, or the disagreement
};

/// Searches lanes with one solver; `explain` collects the blocking components of a no.
class Searcher {
 public:
  Searcher(const Snapshot& s, unsigned timeout_ms);
  /// make_lanes with this snapshot's external spaces.
  [[nodiscard]] std::vector<Lane> lanes(const Endpoint& src, const Endpoint& dst, const NetRef& traffic) const {
    return make_lanes(s_, ext_, src, dst, traffic);
  }
  LaneResult search(const Lane& lane, bool explain);
  /// The first reachable result over `lanes`; else unreachable with every lane's blockers, or
  /// don't know with the first reason.
  LaneResult search_all(const std::vector<Lane>& lanes, bool explain);

 private:
  std::optional<LaneResult> find_delivered(const Lane& lane, const std::vector<Branch>& branches);
  std::optional<LaneResult> find_unknown(const Lane& lane, const std::vector<Branch>& branches);
  void explain_blocked(const Lane& lane, const std::vector<Branch>& branches, LaneResult& out);
  std::vector<Branch> encode(const Lane& lane, Bound bound) const;
  Packet packet_of(const Lane& lane, const smt::NetSolveResult& r) const;

  const Snapshot& s_;
  smt::NetSolver& solver_for(const Lane& lane);

  smt::NetSolver solver_;    // lanes between fixed addresses
  smt::NetSolver external_;  // lanes with an external address: the background is asserted
  bool two_bounds_;
  ExternalSpace ext_;
};

/// The evaluator's account of a packet as a flow of the public API.
NetworkFlow describe_flow(const Flow& f, const Packet& p, const std::string& role);
NetworkPacket packet_to_api(const Packet& p);
std::string endpoint_name(const Interface* i);

}  // namespace verdict::network
