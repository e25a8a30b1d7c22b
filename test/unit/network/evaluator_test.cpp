// The concrete evaluator on hand-written snapshots: which packets are delivered, and where and by
// which rule the others stop (one test per component and rule-ordering subtlety).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "network/evaluator.h"
#include "network/parser.h"

namespace {

using namespace verdict::network;

Snapshot load(const std::string& name) {
  std::ifstream in(std::string(VERDICT_SOURCE_DIR "/test/network/") + name);
  std::ostringstream s;
  s << in.rdbuf();
  return parse_snapshot(s.str(), name);
}

Packet tcp(const char* src, int sport, const char* dst, int dport) {
  Packet p;
  p.src = *parse_ipv4(src), p.dst = *parse_ipv4(dst), p.proto = kTcp, p.src_port = sport, p.dst_port = dport;
  return p;
}

Flow from_if(const Snapshot& s, const char* eni, const Packet& p, Bound b = Bound::Lower) {
  return flow_from_interface(s, s.interfaces.at(eni), p, b);
}

const Trip& stopped(const Flow& f) { return f.forward.fate != Fate::Delivered ? f.forward : f.back; }

TEST(NetworkEvaluator, InternetToPublicInterfaceAndBack) {
  const Snapshot s = load("basic.json");
  const Flow f = flow_from_internet(s, tcp("203.0.113.10", 50000, "54.10.0.10", 22), Bound::Lower);
  ASSERT_EQ(f.fate, Fate::Delivered);
  EXPECT_EQ(f.forward.to_interface->id, "eni-web");
  EXPECT_EQ(format_ipv4(f.forward.delivered.dst), "10.0.1.10");  // the IGW translated the address
  EXPECT_TRUE(f.back.to_internet);
  EXPECT_EQ(format_ipv4(f.back.delivered.src), "54.10.0.10");  // and back
  const Flow g = flow_from_internet(s, tcp("203.0.113.10", 50000, "54.10.0.10", 80), Bound::Lower);
  EXPECT_EQ(g.fate, Fate::Dropped);
  EXPECT_EQ(g.forward.stop_component, "security groups of eni-web inbound");
}

TEST(NetworkEvaluator, SecurityGroupReferences) {
  const Snapshot s = load("basic.json");
  EXPECT_EQ(from_if(s, "eni-web", tcp("10.0.1.10", 40000, "10.0.2.20", 8080)).fate, Fate::Delivered);
  const Flow f = from_if(s, "eni-db", tcp("10.0.2.30", 40000, "10.0.2.20", 8080));
  EXPECT_EQ(f.fate, Fate::Dropped);
  EXPECT_EQ(f.forward.stop_component, "security groups of eni-app inbound");
}

TEST(NetworkEvaluator, NaclFirstMatchWins) {
  const Snapshot s = load("nacl_order.json");
  const Flow deny_first = flow_from_internet(s, tcp("198.51.100.7", 50000, "54.20.0.10", 22), Bound::Lower);
  EXPECT_EQ(deny_first.fate, Fate::Dropped);
  EXPECT_EQ(deny_first.forward.stop_component, "acl-deny-first inbound (subnet-a)");
  EXPECT_NE(deny_first.forward.stop_reason.find("rule 90 denies"), std::string::npos);
  const Flow allow_first = flow_from_internet(s, tcp("198.51.100.7", 50000, "54.20.0.11", 22), Bound::Lower);
  EXPECT_EQ(allow_first.fate, Fate::Delivered);
  EXPECT_EQ(allow_first.forward.steps[1].detail.rfind("rule 100 allows", 0), 0u);
}

TEST(NetworkEvaluator, StatelessAclNeedsTheReplysEphemeralPort) {
  const Snapshot s = load("nacl_ephemeral.json");
  const Flow no = flow_from_internet(s, tcp("203.0.113.10", 50000, "54.30.0.1", 22), Bound::Lower);
  EXPECT_EQ(no.forward.fate, Fate::Delivered);
  EXPECT_EQ(no.fate, Fate::Dropped);
  EXPECT_EQ(no.back.stop_component, "acl-noreply outbound (subnet-noreply)");
  EXPECT_EQ(flow_from_internet(s, tcp("203.0.113.10", 50000, "54.30.0.3", 22), Bound::Lower).fate, Fate::Delivered);
  // Linux's ephemeral range only: a source port outside it gets no reply.
  EXPECT_EQ(flow_from_internet(s, tcp("203.0.113.10", 2000, "54.30.0.3", 22), Bound::Lower).fate, Fate::Dropped);
}

TEST(NetworkEvaluator, PeeringNeedsBothSidesRoutes) {
  const Snapshot s = load("peering.json");
  EXPECT_EQ(from_if(s, "eni-a", tcp("10.0.1.10", 50000, "10.1.1.10", 443)).fate, Fate::Delivered);
  const Flow c = from_if(s, "eni-a", tcp("10.0.1.10", 50000, "10.2.1.10", 443));
  EXPECT_EQ(c.forward.fate, Fate::Delivered);
  EXPECT_EQ(c.fate, Fate::Dropped);
  EXPECT_EQ(c.back.stop_component, "rtb-c");
  EXPECT_EQ(stopped(from_if(s, "eni-a", tcp("10.0.1.10", 50000, "10.3.1.10", 443))).stop_component, "pcx-ad");
  EXPECT_EQ(stopped(from_if(s, "eni-b", tcp("10.1.1.10", 50000, "10.2.1.10", 443))).stop_component, "pcx-ab");
}

TEST(NetworkEvaluator, InternetGatewayNeedsAPublicIp) {
  const Snapshot s = load("igw_public.json");
  const Flow f = from_if(s, "eni-private", tcp("10.0.1.10", 50000, "198.51.100.7", 443));
  EXPECT_EQ(f.forward.stop_component, "igw-a");
  EXPECT_NE(f.forward.stop_reason.find("has no public IP"), std::string::npos);
  EXPECT_EQ(from_if(s, "eni-public", tcp("10.0.1.11", 50000, "198.51.100.7", 443)).fate, Fate::Delivered);
  EXPECT_NE(from_if(s, "eni-b", tcp("10.9.1.10", 50000, "198.51.100.7", 443)).forward.stop_reason.find("not attached"),
            std::string::npos);
}

TEST(NetworkEvaluator, NatIsOutboundOnly) {
  const Snapshot s = load("nat_outbound.json");
  const Flow out = from_if(s, "eni-priv", tcp("10.0.2.10", 50000, "198.51.100.7", 443));
  ASSERT_EQ(out.fate, Fate::Delivered);
  EXPECT_EQ(format_ipv4(out.forward.delivered.src), "52.60.0.5");
  EXPECT_EQ(format_ipv4(out.back.delivered.dst), "10.0.2.10");
  const Flow in = flow_from_internet(s, tcp("198.51.100.7", 50000, "52.60.0.5", 443), Bound::Lower);
  EXPECT_EQ(in.fate, Fate::Dropped);
  EXPECT_EQ(in.forward.stop_component, "nat-ok");
  EXPECT_EQ(from_if(s, "eni-priv2", tcp("10.0.3.10", 50000, "198.51.100.7", 443)).forward.stop_component, "nat-failed");
}

TEST(NetworkEvaluator, LongestPrefixBlackholeAndUnmodelledTargets) {
  const Snapshot s = load("blackhole_unmodelled.json");
  const Flow hole = from_if(s, "eni-a", tcp("10.0.1.10", 50000, "198.51.100.5", 443));
  EXPECT_EQ(hole.forward.stop_component, "rtb-main");
  EXPECT_NE(hole.forward.stop_reason.find("blackhole"), std::string::npos);
  EXPECT_EQ(from_if(s, "eni-a", tcp("10.0.1.10", 50000, "198.51.100.200", 443)).fate, Fate::Delivered);
  const Flow tgw = from_if(s, "eni-a", tcp("10.0.1.10", 50000, "10.50.0.1", 443));
  EXPECT_EQ(tgw.fate, Fate::Unknown);
  EXPECT_EQ(tgw.forward.stop_component, "tgw-0abc");
}

TEST(NetworkEvaluator, UnresolvedRulesGiveTwoBounds) {
  const Snapshot s = load("sg_reference.json");
  const Packet p = tcp("203.0.113.10", 50000, "54.40.0.40", 443);
  EXPECT_EQ(flow_from_internet(s, p, Bound::Lower).fate, Fate::Dropped);
  EXPECT_EQ(flow_from_internet(s, p, Bound::Upper).fate, Fate::Delivered);
}

TEST(NetworkEvaluator, IcmpTypeAndCode) {
  const Snapshot s = load("icmp_rules.json");
  Packet echo;
  echo.src = *parse_ipv4("203.0.113.10"), echo.dst = *parse_ipv4("54.80.0.10"), echo.proto = kIcmp;
  echo.icmp_type = 8;
  const Flow f = flow_from_internet(s, echo, Bound::Lower);
  EXPECT_EQ(f.fate, Fate::Dropped);
  EXPECT_NE(f.forward.stop_reason.find("rule 100 denies"), std::string::npos);
  echo.icmp_type = 3;
  EXPECT_EQ(flow_from_internet(s, echo, Bound::Lower).fate, Fate::Delivered);
  EXPECT_FALSE(flow_from_internet(s, echo, Bound::Lower).needs_reply);
}

}  // namespace
