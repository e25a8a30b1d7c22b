// Searcher: solver queries per branch of a lane, each reported packet re-checked concretely.
#include <set>

#include "network/search.h"

namespace verdict::network {

using namespace smt;

namespace {

// Readable packets: TCP, a common ephemeral port, documentation addresses for the internet.
std::vector<NetRef> preferences() {
  return {net_in_range(kProtoVar, 8, kTcp, kTcp), net_in_range(kSportVar, 16, 50000, 50000),
          net_in_range(kSrcVar, 32, 0xCB00710A, 0xCB00710A) /* 203.0.113.10 */,
          net_in_range(kDstVar, 32, 0xC6336407, 0xC6336407) /* 198.51.100.7 */};
}

Flow evaluate(const Snapshot& s, const Lane& lane, const Packet& p, Bound bound) {
  return lane.from ? flow_from_interface(s, *lane.from, p, bound) : flow_from_internet(s, p, bound);
}

bool delivered_to_target(const Flow& f, const Lane& lane) {
  return f.fate == Fate::Delivered && f.forward.to_interface == lane.to && f.forward.to_internet == (lane.to == nullptr);
}

}  // namespace

Searcher::Searcher(const Snapshot& s, unsigned timeout_ms)
    : s_(s), solver_(timeout_ms), external_(timeout_ms), two_bounds_(uses_unresolved_rules(s)), ext_(external_space(s)) {
  external_.add_background(ext_.background);
}

NetSolver& Searcher::solver_for(const Lane& lane) {
  return lane.packet.src.fixed() && lane.packet.dst.fixed() ? solver_ : external_;
}

std::vector<Branch> Searcher::encode(const Lane& lane, Bound bound) const {
  return lane.from ? encode_flow_from_interface(s_, *lane.from, lane.packet, lane.to, lane.space, bound, ext_.dst)
                   : encode_flow_from_internet(s_, lane.packet, lane.to, lane.space, bound, ext_.dst);
}

Packet Searcher::packet_of(const Lane& lane, const NetSolveResult& r) const {
  auto value = [&](const std::string& var) {
    auto it = r.model.find(var);
    return it == r.model.end() ? 0 : it->second;
  };
  Packet p;
  p.src = lane.packet.src.fixed() ? lane.packet.src.value : std::uint32_t(value(kSrcVar));
  p.dst = lane.packet.dst.fixed() ? lane.packet.dst.value : std::uint32_t(value(kDstVar));
  p.proto = int(value(kProtoVar));
  p.src_port = int(value(kSportVar));
  p.dst_port = int(value(kDportVar));
  p.icmp_type = int(value(kTypeVar));
  p.icmp_code = int(value(kCodeVar));
  return p;
}

std::optional<LaneResult> Searcher::find_delivered(const Lane& lane, const std::vector<Branch>& branches) {
  for (const auto& b : branches) {
    if (b.fate != Fate::Delivered) continue;
    const NetSolveResult r = solver_for(lane).check(b.cond, preferences());
    if (r.status == NetSat::Unknown) return LaneResult{Outcome::DontKnow, std::nullopt, std::nullopt, {}, r.reason};
    if (r.status != NetSat::Sat) continue;
    const Packet p = packet_of(lane, r);
    const Flow f = evaluate(s_, lane, p, Bound::Lower);
    if (!delivered_to_target(f, lane))
      return LaneResult{Outcome::DontKnow, std::nullopt, std::nullopt, {},
                        "the solver's packet " + p.str() + " is not delivered by the concrete evaluator (internal disagreement)"};
    NetworkFlow w = describe_flow(f, p, "reachable");
    w.rechecked = true;
    return LaneResult{Outcome::Reachable, w, p, {}, ""};
  }
  return std::nullopt;
}

std::optional<LaneResult> Searcher::find_unknown(const Lane& lane, const std::vector<Branch>& branches) {
  for (const auto& b : branches) {
    if (b.fate == Fate::Dropped || (b.fate == Fate::Delivered && !two_bounds_)) continue;
    const NetSolveResult r = solver_for(lane).check(b.cond, preferences());
    if (r.status == NetSat::Unknown) return LaneResult{Outcome::DontKnow, std::nullopt, std::nullopt, {}, r.reason};
    if (r.status != NetSat::Sat) continue;
    const Packet p = packet_of(lane, r);
    std::string why = b.fate == Fate::Unknown
                          ? b.reason + " (at " + b.component + ", e.g. for " + p.str() + ")"
                          : "packet " + p.str() + " passes only if an unresolved security-group reference "
                            "(prefix list or group outside the snapshot) admits it";
    LaneResult out{Outcome::DontKnow, std::nullopt, std::nullopt, {}, why};
    NetworkFlow f = describe_flow(evaluate(s_, lane, p, Bound::Upper), p, "dont_know");
    out.blocked.push_back(f);
    return out;
  }
  return std::nullopt;
}

void Searcher::explain_blocked(const Lane& lane, const std::vector<Branch>& branches, LaneResult& out) {
  std::set<std::string> seen;
  for (const auto& b : branches) {
    if (b.fate != Fate::Dropped) continue;
    const std::string where = (b.in_reply ? "reply: " : "") + b.component;
    if (seen.count(where)) continue;
    const NetSolveResult r = solver_for(lane).check(b.cond, preferences());
    if (r.status != NetSat::Sat) continue;
    seen.insert(where);
    const Packet p = packet_of(lane, r);
    const Flow f = evaluate(s_, lane, p, Bound::Upper);
    NetworkFlow nf = describe_flow(f, p, "blocked");
    nf.rechecked = f.fate == Fate::Dropped && nf.stopped_at == where;
    if (where == "elsewhere" && f.fate == Fate::Delivered && !delivered_to_target(f, lane)) {
      nf.stopped_at = where;
      nf.stopped_by = "delivered to " + endpoint_name(f.forward.to_interface) + ", not to the destination asked about";
      nf.rechecked = true;
    }
    if (!nf.rechecked) {
      out = LaneResult{Outcome::DontKnow, std::nullopt, std::nullopt, {},
                       "the concrete evaluator does not confirm that " + p.str() + " stops at " + where};
      return;
    }
    out.blocked.push_back(nf);
  }
}

LaneResult Searcher::search(const Lane& lane, bool explain) {
  const std::vector<Branch> lower = encode(lane, Bound::Lower);
  if (auto yes = find_delivered(lane, lower)) return *yes;
  const std::vector<Branch> upper = two_bounds_ ? encode(lane, Bound::Upper) : lower;
  if (auto unknown = find_unknown(lane, upper)) return *unknown;
  LaneResult no;
  if (explain) explain_blocked(lane, upper, no);
  return no;
}

LaneResult Searcher::search_all(const std::vector<Lane>& lanes, bool explain) {
  LaneResult no;
  std::optional<LaneResult> unknown;
  for (const auto& lane : lanes) {
    LaneResult r = search(lane, explain);
    for (auto& f : r.blocked) {
      f.from = endpoint_name(lane.from);
      f.to = endpoint_name(lane.to);
    }
    if (r.witness) r.witness->from = endpoint_name(lane.from), r.witness->to = endpoint_name(lane.to);
    if (r.outcome == Outcome::Reachable) return r;
    if (r.outcome == Outcome::DontKnow && !unknown) unknown = r;
    if (r.outcome == Outcome::Unreachable) no.blocked.insert(no.blocked.end(), r.blocked.begin(), r.blocked.end());
  }
  return unknown ? *unknown : no;
}

}  // namespace verdict::network
