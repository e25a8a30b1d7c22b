// The public network API, continued: compare (internet exposure before and after a change)
// and bench (timings of random `reachable` questions on one snapshot).
#include <algorithm>
#include <chrono>
#include <random>

#include "network/exposure.h"
#include "network/parser.h"
#include "verdict/network.h"

namespace verdict {

using namespace network;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// A segment reachable on one side and unreachable on the other, with the packet re-checked on
// the other side by the concrete evaluator (it must not get there).
std::optional<NetworkFlow> change_flow(const network::Snapshot& other, const Interface* other_i, const Segment& seg,
                                       const std::string& role) {
  if (!seg.witness || !other_i) return std::nullopt;
  const auto& wp = seg.witness->packet;
  Packet p;
  p.src = *parse_ipv4(wp.src);
  p.dst = *parse_ipv4(wp.dst);
  p.proto = seg.proto == kAnyProtocol ? (wp.protocol == "tcp" ? kTcp : wp.protocol == "udp" ? kUdp : wp.protocol == "icmp" ? kIcmp : -2) : seg.proto;
  if (p.proto == -2) return std::nullopt;  // "protocol N": not re-checkable from text; keep it a note
  p.src_port = wp.src_port, p.dst_port = wp.dst_port, p.icmp_type = wp.icmp_type, p.icmp_code = wp.icmp_code;
  const Flow f = flow_from_internet(other, p, Bound::Upper);
  if (f.fate == Fate::Delivered && f.forward.to_interface && f.forward.to_interface->id == other_i->id) return std::nullopt;
  if (f.fate == Fate::Unknown) return std::nullopt;
  NetworkFlow out = *seg.witness;
  out.role = role;
  out.from = "internet";
  out.to = endpoint_name(other_i);
  out.stopped_at = (f.forward.fate != Fate::Delivered ? f.forward : f.back).stop_component;
  out.stopped_by = (f.forward.fate != Fate::Delivered ? f.forward : f.back).stop_reason;
  out.explanation = endpoint_name(other_i) + ": " + seg.str() + (role == "opened" ? " from the internet is opened by the change" : " from the internet is closed by the change") +
                    "; in the other snapshot this packet stops at " + out.stopped_at;
  out.rechecked = true;
  return out;
}

struct Tally {
  int opened = 0, closed = 0;
  bool unknown = false;
};

void compare_interface(NetworkAnswer& a, Tally& t, const network::Snapshot& b, const network::Snapshot& c,
                       const Interface& ib, const Interface& ic, Searcher& sb, Searcher& sc) {
  std::set<int> cuts = port_cuts(b, ib);
  const auto more = port_cuts(c, ic);
  cuts.insert(more.begin(), more.end());
  const auto before = exposure(b, sb, ib, cuts, TrafficSpec{});
  const auto after = exposure(c, sc, ic, cuts, TrafficSpec{});
  if (before.size() != after.size()) {  // public IP added or removed: one side is all unreachable
    const auto& seg = before.empty() ? after : before;
    for (const auto& g : seg) {
      if (g.outcome == Outcome::DontKnow) t.unknown = true;
      if (g.outcome != Outcome::Reachable) continue;
      auto f = change_flow(before.empty() ? b : c, before.empty() ? &ib : &ic, g, before.empty() ? "opened" : "closed");
      if (f) a.flows.push_back(*f), ++(before.empty() ? t.opened : t.closed);
      else t.unknown = true;
    }
    return;
  }
  for (std::size_t k = 0; k < before.size(); ++k) {
    const Segment &x = before[k], &y = after[k];
    if (x.outcome == y.outcome) continue;
    if (x.outcome == Outcome::DontKnow || y.outcome == Outcome::DontKnow) {
      t.unknown = true;
      a.notes.push_back(endpoint_name(&ib) + ": don't know for " + x.str() + ": " + (x.reason.empty() ? y.reason : x.reason));
      continue;
    }
    const bool opened = y.outcome == Outcome::Reachable;
    auto f = change_flow(opened ? b : c, opened ? &ib : &ic, opened ? y : x, opened ? "opened" : "closed");
    if (!f) {
      t.unknown = true;
      continue;
    }
    a.flows.push_back(*f);
    ++(opened ? t.opened : t.closed);
  }
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
  for (const auto& [id, ib] : b.interfaces) {
    auto it = c.interfaces.find(id);
    if (ib.type != "interface") continue;
    if (it == c.interfaces.end()) {
      a.notes.push_back(id + " is only in " + before.name);
      continue;
    }
    compare_interface(a, t, b, c, ib, it->second, sb, sc);
  }
  for (const auto& [id, ic] : c.interfaces)
    if (!b.interfaces.count(id) && ic.type == "interface") a.notes.push_back(id + " is only in " + after.name);
  if (t.opened || t.closed) {
    a.verdict = Verdict::No;
    a.reason = "the change opens " + std::to_string(t.opened) + " and closes " + std::to_string(t.closed) +
               " kinds of internet traffic to interfaces (each with a packet below)";
  } else if (t.unknown) {
    a.reason = "no change found, but some exposures could not be decided (see notes)";
  } else {
    a.verdict = Verdict::Yes;
    a.reason = "equivalent: the change opens and closes no traffic from the internet to any interface";
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
    const auto lanes = make_lanes(s, src, Endpoint{to == nullptr && q % 4 == 2 ? from : to, std::nullopt}, traffic_space(tcp22));
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
