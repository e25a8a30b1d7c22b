// The public network API, continued: compare (internet exposure before and after a change)
// and bench (timings of random `reachable` questions on one snapshot).
#include <algorithm>
#include <chrono>
#include <random>
#include <set>

#include "network/exposure.h"
#include "network/parser.h"
#include "verdict/network.h"

namespace verdict {

using namespace network;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

constexpr std::size_t kMaxPairInterfaces = 12;  // interface-to-interface flows: n*(n-1) pairs

// One flow compared: its endpoints in each snapshot (the same ids).
struct Sides {
  Endpoint from_b, to_b, from_c, to_c;
};

const Interface* same_id(const network::Snapshot& s, const Interface* i) {
  if (!i) return nullptr;
  auto it = s.interfaces.find(i->id);
  return it == s.interfaces.end() ? nullptr : &it->second;
}

// A segment reachable in one snapshot and not in the other: its packet, re-checked there by the
// concrete evaluator (it must not get to the same destination), or nothing when the check fails.
std::optional<NetworkFlow> change_flow(const network::Snapshot& other, const Endpoint& from, const Endpoint& to,
                                       const Segment& seg, const std::string& role) {
  if (!seg.packet) return std::nullopt;
  const Packet& p = *seg.packet;
  if (from.iface && std::find(from.iface->private_ips.begin(), from.iface->private_ips.end(), p.src) == from.iface->private_ips.end())
    return std::nullopt;  // the interface has other addresses there: this packet says nothing
  const Flow f = from.iface ? flow_from_interface(other, *from.iface, p, Bound::Upper) : flow_from_internet(other, p, Bound::Upper);
  if (f.fate == Fate::Unknown) return std::nullopt;
  if (f.fate == Fate::Delivered && f.forward.to_interface == to.iface) return std::nullopt;
  const Trip& stop = f.forward.fate != Fate::Delivered ? f.forward : f.back;
  NetworkFlow out = *seg.witness;
  out.role = role;
  out.from = endpoint_name(from.iface);
  out.to = endpoint_name(to.iface);
  out.stopped_at = f.fate == Fate::Delivered ? "elsewhere" : stop.stop_component;
  out.stopped_by = f.fate == Fate::Delivered ? "delivered to another destination" : stop.stop_reason;
  out.explanation = out.to + ": " + seg.str() + " from " + out.from + (role == "opened" ? " is opened" : " is closed") +
                    " by the change; in the other snapshot this packet stops at " + out.stopped_at;
  out.rechecked = true;
  return out;
}

struct Tally {
  int opened = 0, closed = 0;
  bool unknown = false;
};

void compare_pair(NetworkAnswer& a, Tally& t, const network::Snapshot& b, const network::Snapshot& c,
                  Searcher& sb, Searcher& sc, const Sides& p) {
  std::set<int> cuts;
  for (const auto* i : {p.from_b.iface, p.to_b.iface})
    if (i) cuts.merge(port_cuts(b, *i));
  for (const auto* i : {p.from_c.iface, p.to_c.iface})
    if (i) cuts.merge(port_cuts(c, *i));
  const auto before = reach_segments(b, sb, p.from_b, p.to_b, cuts, TrafficSpec{});
  const auto after = reach_segments(c, sc, p.from_c, p.to_c, cuts, TrafficSpec{});
  for (std::size_t k = 0; k < before.size() && k < after.size(); ++k) {
    const Segment &x = before[k], &y = after[k];
    if (x.outcome == y.outcome) continue;
    if (x.outcome == Outcome::DontKnow || y.outcome == Outcome::DontKnow) {
      t.unknown = true;
      a.notes.push_back(endpoint_name(p.from_b.iface) + " -> " + endpoint_name(p.to_b.iface) + ": don't know for " +
                        x.str() + ": " + (x.reason.empty() ? y.reason : x.reason));
      continue;
    }
    const bool opened = y.outcome == Outcome::Reachable;
    auto f = opened ? change_flow(b, p.from_b, p.to_b, y, "opened") : change_flow(c, p.from_c, p.to_c, x, "closed");
    if (!f) {
      t.unknown = true;
      continue;
    }
    a.flows.push_back(*f);
    ++(opened ? t.opened : t.closed);
  }
}

// The flows compared: the internet to every common interface, and between common interfaces
// when there are few.
std::vector<Sides> flows_to_compare(const network::Snapshot& b, const network::Snapshot& c, NetworkAnswer& a) {
  std::vector<const Interface*> common;
  for (const auto& [id, i] : b.interfaces)
    if (i.type == "interface" && same_id(c, &i) && same_id(c, &i)->type == "interface") common.push_back(&i);
  std::vector<Sides> out;
  for (const Interface* i : common) out.push_back({Endpoint{}, {i, std::nullopt}, Endpoint{}, {same_id(c, i), std::nullopt}});
  if (common.size() > kMaxPairInterfaces) {
    a.notes.push_back("flows between interfaces are compared only for at most " + std::to_string(kMaxPairInterfaces) +
                      " common interfaces (here " + std::to_string(common.size()) + "): internet flows only");
    return out;
  }
  a.assumptions.push_back("flows between every two interfaces present in both snapshots are compared too");
  for (const Interface* x : common)
    for (const Interface* y : common)
      if (x != y)
        out.push_back({{x, std::nullopt}, {y, std::nullopt}, {same_id(c, x), std::nullopt}, {same_id(c, y), std::nullopt}});
  return out;
}

}  // namespace

NetworkAnswer network_compare(const NetworkSnapshot& before, const NetworkSnapshot& after, const NetworkOptions& o) {
  const auto start = Clock::now();
  const network::Snapshot b = parse_snapshot(before.text, before.name), c = parse_snapshot(after.text, after.name);
  const unsigned tmo = unsigned(std::max(1.0, o.timeout_s * 1000));
  Searcher sb(b, tmo), sc(c, tmo);
  NetworkAnswer a;
  a.question = "compare";
  a.snapshots = {before.name, after.name};
  a.assumptions = {"compare covers flows from the internet to every interface present in both snapshots (by id)",
                   "reachability as for `reachable`: request delivered and, for TCP/UDP, reply back"};
  Tally t;
  for (const Sides& p : flows_to_compare(b, c, a)) compare_pair(a, t, b, c, sb, sc, p);
  for (const auto& [id, i] : b.interfaces)
    if (!c.interfaces.count(id)) a.notes.push_back(id + " is only in " + before.name);
  for (const auto& [id, i] : c.interfaces)
    if (!b.interfaces.count(id)) a.notes.push_back(id + " is only in " + after.name);
  if (t.opened || t.closed) {
    a.verdict = Verdict::No;
    a.reason = "the change opens " + std::to_string(t.opened) + " and closes " + std::to_string(t.closed) +
               " kinds of traffic (each with a packet below)";
  } else if (t.unknown) {
    a.reason = "no change found, but some flows could not be decided (see notes)";
  } else {
    a.verdict = Verdict::Yes;
    a.reason = "equivalent: the change opens and closes no flow";
  }
  a.time_ms = ms_since(start);
  return a;
}

NetworkBenchReport network_bench(const NetworkSnapshot& snapshot, unsigned questions, unsigned seed, const NetworkOptions& o) {
  NetworkBenchReport rep;
  const auto t0 = Clock::now();
  const network::Snapshot s = parse_snapshot(snapshot.text, snapshot.name);
  rep.parse_ms = ms_since(t0);
  std::vector<const Interface*> ifs;
  for (const auto& [id, i] : s.interfaces)
    if (i.type == "interface") ifs.push_back(&i);
  rep.interfaces = ifs.size();
  if (ifs.size() < 2) return rep;
  Searcher searcher(s, unsigned(std::max(1.0, o.timeout_s * 1000)));
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, ifs.size() - 1);
  std::vector<double> times;
  const TrafficSpec tcp22{kTcp, 22, 22};
  for (unsigned q = 0; q < questions; ++q) {
    const Interface* from = ifs[pick(rng)];
    const Interface* to = q % 4 == 3 ? nullptr : ifs[pick(rng)];
    const auto t = Clock::now();
    const Endpoint src = q % 4 == 2 ? Endpoint{} : Endpoint{from, std::nullopt};
    const auto lanes = searcher.lanes(src, Endpoint{to == nullptr && q % 4 == 2 ? from : to, std::nullopt}, traffic_space(tcp22));
    const LaneResult r = searcher.search_all(lanes, true);
    times.push_back(ms_since(t));
    ++(r.outcome == Outcome::Reachable ? rep.yes : r.outcome == Outcome::Unreachable ? rep.no : rep.dont_know);
    if (r.outcome == Outcome::DontKnow) rep.dont_know_reasons.push_back(r.reason);
  }
  std::sort(times.begin(), times.end());
  rep.questions = times.size();
  rep.median_ms = times[times.size() / 2];
  rep.p95_ms = times[std::min(times.size() - 1, times.size() * 95 / 100)];
  rep.max_ms = times.back();
  return rep;
}

}  // namespace verdict
