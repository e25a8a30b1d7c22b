// The encoder against the concrete evaluator: for random concrete packets over every hand-written
// snapshot, exactly one branch of the encoding holds, and its fate (delivered, or dropped / don't
// know at the same component) is the evaluator's. Both bounds of unresolved rules are checked.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "network/encoder.h"
#include "network/parser.h"

namespace {

using namespace verdict::network;
using namespace verdict::smt;

Snapshot load(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return parse_snapshot(s.str(), p.filename().string());
}

NetRef fixed(const char* var, unsigned width, std::uint64_t v) { return net_in_range(var, width, v, v); }

// The packet as a formula over the field variables (the source address too when external).
NetRef packet_formula(const Packet& p, bool external_source) {
  std::vector<NetRef> parts = {fixed(kProtoVar, 8, unsigned(p.proto)), fixed(kSportVar, 16, unsigned(p.src_port)),
                               fixed(kDportVar, 16, unsigned(p.dst_port)), fixed(kTypeVar, 8, unsigned(p.icmp_type)),
                               fixed(kCodeVar, 8, unsigned(p.icmp_code))};
  if (external_source) parts.push_back(fixed(kSrcVar, 32, p.src));
  return net_and(std::move(parts));
}

const Interface* owner(const Snapshot& s, std::uint32_t dst) {
  if (const Interface* i = s.interface_with_public(dst)) return i;
  for (const auto& [id, i] : s.interfaces)
    for (auto a : i.private_ips)
      if (a == dst) return &i;
  return nullptr;
}

std::string expected_component(const Flow& f) {
  if (f.fate == Fate::Delivered) return "";
  const Trip& t = f.forward.fate != Fate::Delivered ? f.forward : f.back;
  return (&t == &f.back ? "reply: " : "") + t.stop_component;
}

struct Tally {
  int delivered = 0, dropped = 0, unknown = 0, elsewhere = 0;
};

void check_packet(const Snapshot& s, NetSolver& solver, const Interface* from, const Packet& p, Bound bound, Tally& t) {
  const Interface* target = owner(s, p.dst);
  const Flow f = from ? flow_from_interface(s, *from, p, bound) : flow_from_internet(s, p, bound);
  SymPacket sp{from ? Addr{"", p.src} : Addr{kSrcVar, 0}, Addr{"", p.dst}};
  const NetRef space = packet_formula(p, from == nullptr);
  const NetRef ext = external(s, Addr{kDstVar, 0});
  const auto branches = from ? encode_flow_from_interface(s, *from, sp, target, space, bound, ext)
                             : encode_flow_from_internet(s, sp, target, space, bound, ext);
  std::vector<const Branch*> holding;
  for (const auto& b : branches)
    if (solver.check(b.cond).status == NetSat::Sat) holding.push_back(&b);
  ASSERT_EQ(holding.size(), 1u) << s.name << ": " << p.str() << " holds in " << holding.size() << " branches";
  const Branch& b = *holding[0];
  const bool elsewhere = f.fate == Fate::Delivered && f.forward.to_interface != target;
  if (elsewhere) {
    ++t.elsewhere;
    EXPECT_EQ(b.component, "elsewhere") << s.name << ": " << p.str();
    return;
  }
  EXPECT_EQ(b.fate, f.fate) << s.name << ": " << p.str() << " evaluator stops at " << expected_component(f)
                            << ", encoder at " << b.component;
  if (b.fate != Fate::Delivered) {
    EXPECT_EQ((b.in_reply ? "reply: " : "") + b.component, expected_component(f)) << s.name << ": " << p.str();
  }
  ++(f.fate == Fate::Delivered ? t.delivered : f.fate == Fate::Dropped ? t.dropped : t.unknown);
}

Packet random_packet(std::mt19937& rng, std::uint32_t src, std::uint32_t dst) {
  Packet p;
  p.src = src, p.dst = dst;
  const int protos[] = {kTcp, kTcp, kUdp, kIcmp, 50};
  p.proto = protos[rng() % 5];
  const int ports[] = {22, 23, 80, 443, 5432, 8080, 53, 1000, 2000, 40000, 50000, 61000};
  if (p.proto == kTcp || p.proto == kUdp) p.src_port = ports[rng() % 12], p.dst_port = ports[rng() % 12];
  if (p.proto == kIcmp) p.icmp_type = int(rng() % 2 ? 8 : 3), p.icmp_code = int(rng() % 2);
  return p;
}

TEST(NetworkEncoding, AgreesWithTheEvaluatorOnRandomPackets) {
  std::mt19937 rng(7);
  NetSolver solver(5000);
  Tally t;
  for (const auto& e : std::filesystem::directory_iterator(VERDICT_SOURCE_DIR "/test/network")) {
    if (e.path().extension() != ".json") continue;
    const Snapshot s = load(e.path());
    std::vector<std::uint32_t> addrs = {*parse_ipv4("203.0.113.10"), *parse_ipv4("198.51.100.5"),
                                        *parse_ipv4("198.51.100.200"), *parse_ipv4("10.50.0.1")};
    for (const auto& [id, i] : s.interfaces) {
      addrs.insert(addrs.end(), i.private_ips.begin(), i.private_ips.end());
      for (const auto& [priv, pub] : i.public_ips) addrs.push_back(pub);
    }
    for (const auto& [id, n] : s.nats) addrs.push_back(n.public_ip);
    for (int k = 0; k < 150; ++k) {
      const std::uint32_t dst = addrs[rng() % addrs.size()];
      const bool from_internet = rng() % 3 == 0;
      const Bound bound = rng() % 2 ? Bound::Lower : Bound::Upper;
      if (from_internet) {
        const std::uint32_t src = addrs[rng() % 3];
        check_packet(s, solver, nullptr, random_packet(rng, src, dst), bound, t);
      } else {
        auto it = std::next(s.interfaces.begin(), long(rng() % s.interfaces.size()));
        check_packet(s, solver, &it->second, random_packet(rng, it->second.private_ips[0], dst), bound, t);
      }
    }
  }
  std::printf("agreement: %d delivered, %d dropped, %d don't know, %d delivered elsewhere\n", t.delivered, t.dropped,
              t.unknown, t.elsewhere);
  EXPECT_GT(t.delivered, 50);
  EXPECT_GT(t.dropped, 50);
  EXPECT_GT(t.unknown, 0);
}

}  // namespace
