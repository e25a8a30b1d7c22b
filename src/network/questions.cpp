// The public network API (include/verdict/network.h): reachable, exposed, compare, bench. Each
// question is a symbolic search per lane plus a concrete re-check of every packet it reports.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "network/exposure.h"
#include "network/parser.h"
#include "network/search.h"
#include "verdict/errors.h"
#include "verdict/network.h"

namespace verdict {

using namespace network;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

unsigned timeout_ms(const NetworkOptions& o) { return unsigned(std::max(1.0, o.timeout_s * 1000)); }

std::vector<std::string> assumptions() {
  return {"IPv4 packets only; IPv6 routes and rules are ignored",
          "a flow is reachable when its request is delivered and, for TCP and UDP, its reply (addresses and "
          "ports swapped) comes back: security groups are stateful (replies pass), network ACLs and routes are "
          "checked again for the reply",
          "TCP/UDP source ports are ephemeral (1024-65535); other protocols carry no ports",
          "security groups allow only; network ACL rules apply in rule-number order, first match wins, "
          "traffic inside one subnet passes no ACL",
          "routes: longest prefix match in the subnet's associated table, else the VPC's main table",
          "the internet reaches only public or Elastic IPs through the VPC's internet gateway; NAT gateways "
          "translate outbound connections only; peering carries traffic between the two VPCs' blocks only",
          "the snapshot lists every interface; an address no interface owns receives nothing",
          "internet addresses are public addresses outside every VPC and not owned by the snapshot",
          "not modelled (don't know when on the path): transit gateways, virtual private gateways, gateway "
          "and interface endpoints, network firewalls, load balancers, routes to instances or interfaces, "
          "prefix lists, edge associations, private NAT gateways"};
}

network::Snapshot parse(const NetworkSnapshot& s) { return parse_snapshot(s.text, s.name); }

// A source block with private addresses outside every VPC may send through gateways that are
// not modelled (VPN, transit gateway, a peer VPC outside the snapshot): the reason, or "".
std::string private_source_beyond(const network::Snapshot& s, const std::string& from) {
  const auto c = parse_cidr(from);
  if (!c) return "";
  for (const auto& [id, v] : s.vpcs)
    for (const auto& vc : v.cidrs)
      if (vc.len <= c->len && vc.contains(c->base)) return "";  // inside one VPC
  bool is_private = false;
  for (const char* p : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"})
    if (const auto b = parse_cidr(p); b->first() <= c->last() && c->first() <= b->last()) is_private = true;
  if (!is_private) return "";
  for (const auto& [id, t] : s.route_tables)
    for (const auto& r : t.routes)
      if (r.kind == TargetKind::Other) return "private addresses of " + from + " may send through " + r.target + " (not modelled)";
  for (const auto& [id, p] : s.peerings)
    if (!s.vpcs.count(p.vpc_a) || !s.vpcs.count(p.vpc_b)) return "private addresses of " + from + " may be in a VPC peered through " + id + " outside the snapshot";
  return "";
}

// An interface that is not a plain interface (NAT gateway, load balancer, endpoint) named as an
// endpoint: what it is, or "".
std::string unmodelled_endpoint(const std::vector<Endpoint>& a, const std::vector<Endpoint>& b) {
  for (const auto* side : {&a, &b})
    for (const auto& e : *side)
      if (e.iface && e.iface->type != "interface")
        return "interface " + e.iface->id + " of type " + e.iface->type + " is not modelled as an endpoint";
  return "";
}

void finish_reachable(NetworkAnswer& a, const LaneResult& r, const std::string& what, bool any_lane) {
  if (r.outcome == Outcome::Reachable) {
    a.verdict = Verdict::Yes;
    a.reason = what + ": yes, packet " + r.witness->packet.text + " gets there" +
               (r.witness->reply_path.empty() ? "" : " and its reply gets back");
    a.flows.push_back(*r.witness);
  } else if (r.outcome == Outcome::DontKnow) {
    a.reason = what + ": don't know: " + r.reason;
    a.flows = r.blocked;
  } else {
    a.verdict = Verdict::No;
    a.flows = r.blocked;
    if (!any_lane) a.reason = what + ": no: no packet of the kind asked about has such a source and destination";
    else a.reason = what + ": no: every packet of the kind asked about is stopped (see where below)";
  }
}

}  // namespace

NetworkSnapshot load_network_snapshot(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read the snapshot file");
  std::ostringstream text;
  text << in.rdbuf();
  return {path, text.str()};
}

NetworkAnswer network_reachable(const NetworkSnapshot& snapshot, const NetworkQuery& q, const NetworkOptions& o) {
  const auto start = Clock::now();
  const network::Snapshot s = parse(snapshot);
  const TrafficSpec t = parse_traffic(q.protocol, q.ports);
  const auto sources = resolve_endpoint(s, q.from, "--from");
  const auto targets = resolve_endpoint(s, q.to, "--to");
  if (q.from == "internet" && q.to == "internet") throw InputError("--from and --to cannot both be the internet");
  Searcher searcher(s, timeout_ms(o));
  std::vector<Lane> lanes;
  const NetRef space = traffic_space(t);
  for (const auto& a : sources)
    for (const auto& b : targets) {
      auto more = searcher.lanes(a, b, space);
      lanes.insert(lanes.end(), more.begin(), more.end());
    }
  NetworkAnswer a;
  a.question = "reachable";
  a.snapshots = {snapshot.name};
  a.assumptions = assumptions();
  const std::string what = "can " + protocol_name(t.proto) + (q.ports.empty() ? "" : " port " + q.ports) +
                           " traffic get from " + q.from + " to " + q.to;
  if (const std::string odd = unmodelled_endpoint(sources, targets); !odd.empty()) {
    a.reason = what + ": don't know: " + odd;
    a.time_ms = ms_since(start);
    return a;
  }
  finish_reachable(a, searcher.search_all(lanes, true), what, !lanes.empty());
  if (lanes.empty() && q.from == "internet")
    a.reason = what + ": no: no interface of " + q.to + " has a public IP, and the internet can address only public IPs";
  for (auto& f : a.flows) {  // lanes outside the snapshot's interfaces: name them as asked
    if (f.from == "internet") f.from = q.from;
    if (f.to == "internet") f.to = q.to;
  }
  const std::string beyond = private_source_beyond(s, q.from);
  if (a.verdict == Verdict::No && !beyond.empty()) {
    a.verdict = Verdict::DontKnow;
    a.reason = what + ": don't know: " + beyond;
  }
  a.time_ms = ms_since(start);
  return a;
}

namespace {

void report_exposure(NetworkAnswer& a, const Interface& i, const std::vector<Segment>& segs, bool& unknown) {
  std::vector<std::string> open;
  for (const auto& g : merge_segments(segs)) {
    if (g.outcome == Outcome::DontKnow) {
      unknown = true;
      a.notes.push_back(endpoint_name(&i) + ": don't know for " + g.str() + ": " + g.reason);
    }
    if (g.outcome != Outcome::Reachable) continue;
    open.push_back(g.str());
    NetworkFlow f = *g.witness;
    f.role = "exposed";
    f.from = "internet";
    f.to = endpoint_name(&i);
    f.explanation = endpoint_name(&i) + " is reachable from the internet on " + g.str();
    a.flows.push_back(f);
  }
  if (!open.empty()) {
    std::string list;
    for (const auto& p : open) list += (list.empty() ? "" : ", ") + p;
    a.notes.push_back(endpoint_name(&i) + " exposed on: " + list);
  }
}

}  // namespace

NetworkAnswer network_exposed(const NetworkSnapshot& snapshot, const std::string& ports, const NetworkOptions& o) {
  const auto start = Clock::now();
  const network::Snapshot s = parse(snapshot);
  const TrafficSpec t = parse_traffic("all", ports);
  Searcher searcher(s, timeout_ms(o));
  NetworkAnswer a;
  a.question = "exposed";
  a.snapshots = {snapshot.name};
  a.assumptions = assumptions();
  bool unknown = false;
  std::size_t exposed = 0, checked = 0;
  for (const auto& [id, i] : s.interfaces) {
    if (i.type != "interface") continue;
    ++checked;
    const std::size_t before = a.flows.size();
    report_exposure(a, i, exposure(s, searcher, i, t), unknown);
    if (a.flows.size() > before) ++exposed;
  }
  const std::string scope = ports.empty() ? "" : " on port " + ports;
  if (exposed) {
    a.verdict = Verdict::Yes;
    a.reason = std::to_string(exposed) + " of " + std::to_string(checked) + " interfaces are reachable from the internet" + scope;
  } else if (unknown) {
    a.reason = "no interface is shown reachable from the internet" + scope + ", but some could not be decided (see notes)";
  } else {
    a.verdict = Verdict::No;
    a.reason = "no interface is reachable from the internet" + scope + " (" + std::to_string(checked) + " checked)";
  }
  a.time_ms = ms_since(start);
  return a;
}

}  // namespace verdict
