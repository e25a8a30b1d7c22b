// The snapshot parser: the typed model it builds, and bad input named by its JSON key path.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <nlohmann/json.hpp>
#include <sstream>

#include "network/parser.h"
#include "verdict/errors.h"
#include "verdict/network.h"

namespace {

using namespace verdict::network;

std::string read(const std::string& name) {
  std::ifstream in(std::string(VERDICT_SOURCE_DIR "/test/network/") + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string error_of(const std::string& text) {
  try {
    parse_snapshot(text, "snap.json");
  } catch (const verdict::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(NetworkParser, BuildsTheModel) {
  const Snapshot s = parse_snapshot(read("basic.json"), "basic.json");
  EXPECT_EQ(s.vpcs.size(), 1u);
  EXPECT_EQ(s.subnets.size(), 2u);
  EXPECT_EQ(s.route_table_of("subnet-pub")->id, "rtb-pub");
  EXPECT_EQ(s.route_table_of("subnet-priv")->id, "rtb-main");  // main table by default
  EXPECT_EQ(s.nacl_of("subnet-priv")->id, "acl-vpc-a");          // default ACL
  const Interface& web = s.interfaces.at("eni-web");
  EXPECT_EQ(format_ipv4(web.private_ips.at(0)), "10.0.1.10");
  EXPECT_EQ(format_ipv4(web.public_ips.at(web.private_ips.at(0))), "54.10.0.10");
  EXPECT_EQ(s.instances.at("i-web").at(0), "eni-web");
  EXPECT_EQ(s.members_of("sg-web").size(), 1u);
  EXPECT_EQ(s.nats.at("nat-a").public_ip, *parse_ipv4("52.0.0.5"));
  const auto& rt = s.route_tables.at("rtb-main").routes;
  ASSERT_EQ(rt.size(), 2u);
  EXPECT_EQ(rt[1].kind, TargetKind::NatGateway);
}

TEST(NetworkParser, NaclEntriesAreSortedByRuleNumber) {
  const Snapshot s = parse_snapshot(read("nacl_order.json"), "nacl_order.json");
  const auto& e = s.nacls.at("acl-allow-first").entries;
  for (std::size_t i = 1; i < e.size(); ++i) EXPECT_LE(e[i - 1].number, e[i].number);
}

TEST(NetworkParser, MalformedJsonIsBadInput) {
  EXPECT_NE(error_of("{\"Vpcs\": [").find("malformed JSON"), std::string::npos);
  EXPECT_NE(error_of("[]").find("expected one JSON object"), std::string::npos);
}

// Integers outside 32 bits are bad input, not truncated: FromPort 4294967318 (2^32 + 22) was
// read as port 22 and answered as an exposure of port 22.
TEST(NetworkParser, IntegersBeyond32BitsAreBadInput) {
  const nlohmann::json t = nlohmann::json::parse(read("basic.json"));
  for (const nlohmann::json& value : {nlohmann::json(4294967318LL), nlohmann::json(18446744073709551615ULL),
                                      nlohmann::json("-9223372036854775808"), nlohmann::json(-4294967274LL)}) {
    nlohmann::json bad = t;
    bad["SecurityGroups"][0]["IpPermissions"][0]["FromPort"] = value;
    bad["SecurityGroups"][0]["IpPermissions"][0]["ToPort"] = value;
    EXPECT_NE(error_of(bad.dump()).find("SecurityGroups[0].IpPermissions[0].FromPort: expected an integer that fits in 32 bits"),
              std::string::npos)
        << value << ": " << error_of(bad.dump());
  }
  nlohmann::json bad = t;
  bad["NetworkAcls"][0]["Entries"][0]["RuleNumber"] = 4294967396LL;
  EXPECT_NE(error_of(bad.dump()).find("expected an integer that fits in 32 bits"), std::string::npos);
  bad["NetworkAcls"][0]["Entries"][0]["RuleNumber"] = 100;
  EXPECT_EQ(error_of(bad.dump()), "");
}

TEST(NetworkParser, ErrorsNameTheKeyPath) {
  const nlohmann::json t = nlohmann::json::parse(read("basic.json"));
  nlohmann::json bad = t;
  bad["RouteTables"][0]["Routes"][1]["GatewayId"] = "igw-zz";
  EXPECT_NE(error_of(bad.dump()).find("at RouteTables[0].Routes[1].GatewayId: route to a missing gateway \"igw-zz\""),
            std::string::npos)
      << error_of(bad.dump());
  bad = t;
  bad["NetworkInterfaces"][1]["SubnetId"] = "subnet-nope";
  EXPECT_NE(error_of(bad.dump()).find("at NetworkInterfaces[1].SubnetId: unknown subnet \"subnet-nope\""), std::string::npos)
      << error_of(bad.dump());
  bad = t;
  bad["Subnets"][0]["CidrBlock"] = "10.0.1.0/33";
  EXPECT_NE(error_of(bad.dump()).find("at Subnets[0].CidrBlock: not an IPv4 CIDR block"), std::string::npos);
  bad = t;
  bad["SecurityGroups"][0]["IpPermissions"][0]["IpProtocol"] = "tcpx";
  EXPECT_NE(error_of(bad.dump()).find("at SecurityGroups[0].IpPermissions[0].IpProtocol: unknown protocol"), std::string::npos);
  bad = t;
  bad["NetworkAcls"][0]["Entries"][0]["RuleNumber"] = "one hundred";
  EXPECT_NE(error_of(bad.dump()).find("at NetworkAcls[0].Entries[0].RuleNumber: expected an integer"), std::string::npos);
  bad = t;
  bad["Vpcs"] = 3;
  EXPECT_NE(error_of(bad.dump()).find("at Vpcs: expected a list"), std::string::npos);
}

TEST(NetworkParser, DuplicateAddressesAreBadInput) {
  nlohmann::json bad = nlohmann::json::parse(read("basic.json"));
  bad["NetworkInterfaces"][2]["PrivateIpAddress"] = "10.0.2.20";
  bad["NetworkInterfaces"][2]["PrivateIpAddresses"][0]["PrivateIpAddress"] = "10.0.2.20";
  EXPECT_NE(error_of(bad.dump()).find("two interfaces in vpc-a have the address 10.0.2.20"), std::string::npos)
      << error_of(bad.dump());
}

TEST(NetworkParser, UnresolvedReferencesAreKeptAsSuch) {
  const Snapshot s = parse_snapshot(read("sg_reference.json"), "sg_reference.json");
  const auto& rule = s.groups.at("sg-pl").ingress.at(0);
  EXPECT_EQ(rule.unresolved, "prefix list pl-12345");
}

TEST(NetworkParser, Addresses) {
  EXPECT_EQ(parse_ipv4("255.255.255.255"), 0xffffffffu);
  EXPECT_FALSE(parse_ipv4("1.2.3"));
  EXPECT_FALSE(parse_ipv4("1.2.3.256"));
  EXPECT_FALSE(parse_ipv4("1.2.3.4 "));
  const auto c = parse_cidr("10.1.2.3/8");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->str(), "10.0.0.0/8");
  EXPECT_TRUE(c->contains(*parse_ipv4("10.255.0.1")));
  EXPECT_FALSE(c->contains(*parse_ipv4("11.0.0.0")));
  EXPECT_EQ(parse_cidr("0.0.0.0/0")->last(), 0xffffffffu);
  EXPECT_EQ(parse_cidr("10.1.2.3/32")->last(), *parse_ipv4("10.1.2.3"));  // a /32 is one address
}

}  // namespace

namespace {

// Replaces one randomly chosen value (at any depth) by a value of another type.
void mutate(nlohmann::json& j, std::mt19937& rng) {
  nlohmann::json* at = &j;
  while ((at->is_object() || at->is_array()) && !at->empty() && rng() % 4 != 0) {
    auto it = at->begin();
    std::advance(it, long(rng() % at->size()));
    at = &*it;
  }
  const nlohmann::json replacements[] = {42, "x", nullptr, nlohmann::json::array(), nlohmann::json::object(), true,
                                         "10.0.0.0/33", -1, nlohmann::json::array({1, "a"})};
  *at = replacements[rng() % 9];
}

TEST(NetworkParser, MutatedSnapshotsAreBadInputOrAnsweredNeverACrash) {
  const nlohmann::json base = nlohmann::json::parse(read("basic.json"));
  std::mt19937 rng(11);
  int bad = 0, parsed = 0;
  for (int k = 0; k < 800; ++k) {
    nlohmann::json j = base;
    for (int m = 0; m < 1 + int(rng() % 3); ++m) mutate(j, rng);
    try {
      parse_snapshot(j.dump(), "mutated.json");
      ++parsed;
      const verdict::NetworkSnapshot snap{"mutated.json", j.dump()};
      for (const char* to : {"eni-web", "eni-app"}) verdict::network_reachable(snap, {"internet", to, "tcp", ""});
      verdict::network_reachable(snap, {"eni-app", "internet", "all", ""});
    } catch (const verdict::InputError&) {
      ++bad;
    }
  }
  EXPECT_GT(bad, 50);
  EXPECT_GT(parsed, 10);
}

}  // namespace
