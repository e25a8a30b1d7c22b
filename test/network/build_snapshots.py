#!/usr/bin/env python3
"""Writes the hand-written network snapshots (one per component and subtlety) into
test/network/*.json and the demo's into examples/. Run it after changing this file; the JSON files
are committed. The labelled questions over these snapshots are in test/network/questions.jsonl.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from awsshape import *  # noqa: E402,F403

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "examples")


def one_vpc(s, vid="vpc-a", cidr="10.0.0.0/16", acl=True):
    vpc(s, vid, cidr)
    if acl:
        nacl(s, "acl-" + vid, vid, OPEN_ACL, default=True)


def basic():
    """A public web tier, a private app tier behind a NAT gateway, a database."""
    s = snapshot()
    one_vpc(s)
    subnet(s, "subnet-pub", "vpc-a", "10.0.1.0/24")
    subnet(s, "subnet-priv", "vpc-a", "10.0.2.0/24")
    igw(s, "igw-a", "vpc-a")
    nat(s, "nat-a", "subnet-pub", "vpc-a", "10.0.1.100", "52.0.0.5")
    route_table(s, "rtb-pub", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", GatewayId="igw-a")], ["subnet-pub"])
    route_table(s, "rtb-main", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", NatGatewayId="nat-a")], main=True)
    security_group(s, "sg-web", "vpc-a", [perm("tcp", (22, 22), ["0.0.0.0/0"]), perm("tcp", (443, 443), ["0.0.0.0/0"])])
    security_group(s, "sg-app", "vpc-a", [perm("tcp", (8080, 8080), groups=["sg-web"])])
    security_group(s, "sg-db", "vpc-a", [perm("tcp", (5432, 5432), ["10.0.2.0/24"])])
    interface(s, "eni-web", "subnet-pub", "10.0.1.10", ["sg-web"], public="54.10.0.10", instance="i-web")
    interface(s, "eni-app", "subnet-priv", "10.0.2.20", ["sg-app"], instance="i-app")
    interface(s, "eni-db", "subnet-priv", "10.0.2.30", ["sg-db"], instance="i-db")
    return s


def demo(fixed):
    """The demo: SSH open to the world (exposed), then open only inside the VPC (fixed)."""
    s = basic()
    if fixed:
        web = s["SecurityGroups"][0]
        web["IpPermissions"][0]["IpRanges"] = [{"CidrIp": "10.0.0.0/16", "Description": "inside the VPC only"}]
    return s


def basic_app_open():
    """basic, with the app tier opened to the whole VPC (a change between interfaces)."""
    s = basic()
    s["SecurityGroups"][1]["IpPermissions"].append(perm("tcp", (8080, 8080), ["10.0.0.0/16"]))
    return s


def nacl_order():
    """Deny before allow in one subnet's ACL, allow before deny in the other's."""
    s = snapshot()
    vpc(s, "vpc-a", "10.0.0.0/16")
    subnet(s, "subnet-a", "vpc-a", "10.0.1.0/24")
    subnet(s, "subnet-b", "vpc-a", "10.0.2.0/24")
    igw(s, "igw-a", "vpc-a")
    route_table(s, "rtb-main", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", GatewayId="igw-a")], main=True)
    nacl(s, "acl-deny-first", "vpc-a", [entry(90, "deny", False, "198.51.100.0/24", "6", (22, 22)),
                                        entry(100, "allow", False), entry(100, "allow", True)], ["subnet-a"])
    nacl(s, "acl-allow-first", "vpc-a", [entry(100, "allow", False), entry(200, "deny", False, "198.51.100.0/24", "6", (22, 22)),
                                         entry(100, "allow", True)], ["subnet-b"], default=True)
    security_group(s, "sg-ssh", "vpc-a", [perm("tcp", (22, 22), ["0.0.0.0/0"])])
    interface(s, "eni-a", "subnet-a", "10.0.1.10", ["sg-ssh"], public="54.20.0.10")
    interface(s, "eni-b", "subnet-b", "10.0.2.10", ["sg-ssh"], public="54.20.0.11")
    return s


def nacl_ephemeral():
    """Stateless ACLs: replies need their own rule (ephemeral ports)."""
    s = snapshot()
    vpc(s, "vpc-a", "10.0.0.0/16")
    igw(s, "igw-a", "vpc-a")
    route_table(s, "rtb-main", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", GatewayId="igw-a")], main=True)
    inbound = [entry(100, "allow", False, proto="6", ports=(22, 22))]
    variants = {"noreply": [entry(100, "allow", True, proto="6", ports=(80, 80))],
                "ephemeral": [entry(100, "allow", True, proto="6", ports=(1024, 65535))],
                "linux": [entry(100, "allow", True, proto="6", ports=(32768, 60999))]}
    for n, (name, outbound) in enumerate(variants.items()):
        sn = "subnet-" + name
        subnet(s, sn, "vpc-a", "10.0.%d.0/24" % (n + 1))
        nacl(s, "acl-" + name, "vpc-a", inbound + outbound, [sn], default=(n == 0))
        security_group(s, "sg-" + name, "vpc-a", [perm("tcp", (22, 22), ["0.0.0.0/0"])])
        interface(s, "eni-" + name, sn, "10.0.%d.10" % (n + 1), ["sg-" + name], public="54.30.0.%d" % (n + 1))
    return s


def sg_reference():
    """Groups that reference groups; restricted egress; an unresolved prefix list."""
    s = snapshot()
    one_vpc(s)
    subnet(s, "subnet-a", "vpc-a", "10.0.1.0/24")
    igw(s, "igw-a", "vpc-a")
    route_table(s, "rtb-main", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", GatewayId="igw-a")], main=True)
    security_group(s, "sg-app", "vpc-a", [], egress=[perm("tcp", (5432, 5432), groups=["sg-db"])])
    security_group(s, "sg-db", "vpc-a", [perm("tcp", (5432, 5432), groups=["sg-app"])])
    security_group(s, "sg-other", "vpc-a", [perm("tcp", (80, 80), ["10.0.0.0/16"])])
    security_group(s, "sg-pl", "vpc-a", [perm("tcp", (443, 443), prefix_lists=["pl-12345"])])
    interface(s, "eni-app", "subnet-a", "10.0.1.10", ["sg-app"])
    interface(s, "eni-db", "subnet-a", "10.0.1.20", ["sg-db"])
    interface(s, "eni-other", "subnet-a", "10.0.1.30", ["sg-other"])
    interface(s, "eni-pl", "subnet-a", "10.0.1.40", ["sg-pl"], public="54.40.0.40")
    security_group(s, "sg-admin", "vpc-a", [perm("tcp", (22, 22), ["198.51.100.7/32"])])
    interface(s, "eni-admin", "subnet-a", "10.0.1.50", ["sg-admin"], public="54.40.0.50")
    return s


def peering_snapshot():
    """A-B peered with routes both ways; A-C without C's return route; A-D not accepted."""
    s = snapshot()
    for v, c in (("vpc-a", "10.0.0.0/16"), ("vpc-b", "10.1.0.0/16"), ("vpc-c", "10.2.0.0/16"), ("vpc-d", "10.3.0.0/16")):
        one_vpc(s, v, c)
        subnet(s, "subnet-" + v[4], v, c.replace(".0.0/16", ".1.0/24"))
        security_group(s, "sg-" + v[4], v, [perm("-1", cidrs=["10.0.0.0/8"])])
        interface(s, "eni-" + v[4], "subnet-" + v[4], c.replace(".0.0/16", ".1.10"), ["sg-" + v[4]])
    peering(s, "pcx-ab", "vpc-a", "10.0.0.0/16", "vpc-b", "10.1.0.0/16")
    peering(s, "pcx-ac", "vpc-a", "10.0.0.0/16", "vpc-c", "10.2.0.0/16")
    peering(s, "pcx-ad", "vpc-a", "10.0.0.0/16", "vpc-d", "10.3.0.0/16", status="pending-acceptance")
    route_table(s, "rtb-a", "vpc-a", ["10.0.0.0/16"], [route("10.1.0.0/16", VpcPeeringConnectionId="pcx-ab"),
                                                      route("10.2.0.0/16", VpcPeeringConnectionId="pcx-ac"),
                                                      route("10.3.0.0/16", VpcPeeringConnectionId="pcx-ad")], main=True)
    route_table(s, "rtb-b", "vpc-b", ["10.1.0.0/16"], [route("10.0.0.0/16", VpcPeeringConnectionId="pcx-ab"),
                                                      route("10.2.0.0/16", VpcPeeringConnectionId="pcx-ab")], main=True)
    route_table(s, "rtb-c", "vpc-c", ["10.2.0.0/16"], [], main=True)
    route_table(s, "rtb-d", "vpc-d", ["10.3.0.0/16"], [route("10.0.0.0/16", VpcPeeringConnectionId="pcx-ad")], main=True)
    return s


def igw_public():
    """An internet gateway forwards only interfaces with a public IP; a route to a gateway of another VPC."""
    s = snapshot()
    one_vpc(s)
    one_vpc(s, "vpc-b", "10.9.0.0/16")
    subnet(s, "subnet-a", "vpc-a", "10.0.1.0/24")
    subnet(s, "subnet-b", "vpc-b", "10.9.1.0/24")
    igw(s, "igw-a", "vpc-a")
    route_table(s, "rtb-a", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", GatewayId="igw-a")], main=True)
    route_table(s, "rtb-b", "vpc-b", ["10.9.0.0/16"], [route("0.0.0.0/0", GatewayId="igw-a")], main=True)
    security_group(s, "sg-open", "vpc-a", [perm("-1", cidrs=["0.0.0.0/0"])])
    security_group(s, "sg-open-b", "vpc-b", [perm("-1", cidrs=["0.0.0.0/0"])])
    interface(s, "eni-private", "subnet-a", "10.0.1.10", ["sg-open"])
    interface(s, "eni-public", "subnet-a", "10.0.1.11", ["sg-open"], public="54.50.0.11")
    interface(s, "eni-b", "subnet-b", "10.9.1.10", ["sg-open-b"], public="54.50.0.12")
    return s


def nat_outbound():
    """A NAT gateway carries outbound connections only; a failed one carries nothing."""
    s = snapshot()
    one_vpc(s)
    for n, name in enumerate(("pub", "priv", "priv2")):
        subnet(s, "subnet-" + name, "vpc-a", "10.0.%d.0/24" % (n + 1))
    igw(s, "igw-a", "vpc-a")
    nat(s, "nat-ok", "subnet-pub", "vpc-a", "10.0.1.100", "52.60.0.5")
    nat(s, "nat-failed", "subnet-pub", "vpc-a", "10.0.1.101", "52.60.0.6", state="failed")
    route_table(s, "rtb-pub", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", GatewayId="igw-a")], ["subnet-pub"])
    route_table(s, "rtb-priv", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", NatGatewayId="nat-ok")], ["subnet-priv"])
    route_table(s, "rtb-main", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", NatGatewayId="nat-failed")], main=True)
    security_group(s, "sg-open", "vpc-a", [perm("-1", cidrs=["0.0.0.0/0"])])
    interface(s, "eni-priv", "subnet-priv", "10.0.2.10", ["sg-open"])
    interface(s, "eni-priv2", "subnet-priv2", "10.0.3.10", ["sg-open"])
    interface(s, "eni-nat-ok", "subnet-pub", "10.0.1.100", [], public="52.60.0.5", kind="nat_gateway")
    return s


def blackhole_unmodelled():
    """A blackhole route, longest-prefix match over it, and a transit gateway (don't know)."""
    s = snapshot()
    one_vpc(s)
    subnet(s, "subnet-a", "vpc-a", "10.0.1.0/24")
    igw(s, "igw-a", "vpc-a")
    route_table(s, "rtb-main", "vpc-a", ["10.0.0.0/16"],
                [route("0.0.0.0/0", GatewayId="igw-a"), route("198.51.100.0/24", GatewayId="igw-a", State="blackhole"),
                 route("198.51.100.128/25", GatewayId="igw-a"), route("10.50.0.0/16", TransitGatewayId="tgw-0abc")],
                main=True)
    security_group(s, "sg-open", "vpc-a", [perm("-1", cidrs=["0.0.0.0/0"])])
    interface(s, "eni-a", "subnet-a", "10.0.1.10", ["sg-open"], public="54.70.0.10")
    return s


def icmp_rules():
    """ICMP type and code in security-group and ACL rules; protocol numbers."""
    s = snapshot()
    vpc(s, "vpc-a", "10.0.0.0/16")
    subnet(s, "subnet-a", "vpc-a", "10.0.1.0/24")
    igw(s, "igw-a", "vpc-a")
    route_table(s, "rtb-main", "vpc-a", ["10.0.0.0/16"], [route("0.0.0.0/0", GatewayId="igw-a")], main=True)
    nacl(s, "acl-a", "vpc-a", [entry(100, "deny", False, proto="1", icmp=(8, 0)), entry(110, "allow", False),
                               entry(100, "allow", True)], ["subnet-a"], default=True)
    security_group(s, "sg-icmp", "vpc-a", [perm("icmp", (-1, -1), ["0.0.0.0/0"]), perm("50", None, ["0.0.0.0/0"])])
    interface(s, "eni-a", "subnet-a", "10.0.1.10", ["sg-icmp"], public="54.80.0.10")
    return s


SNAPSHOTS = {"basic": basic, "basic_app_open": basic_app_open, "nacl_order": nacl_order, "nacl_ephemeral": nacl_ephemeral, "sg_reference": sg_reference,
             "peering": peering_snapshot, "igw_public": igw_public, "nat_outbound": nat_outbound,
             "blackhole_unmodelled": blackhole_unmodelled, "icmp_rules": icmp_rules}


def write(path, s):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(s, f, indent=1)
        f.write("\n")


def main():
    for name, make in SNAPSHOTS.items():
        write(os.path.join(HERE, name + ".json"), make())
    write(os.path.join(EXAMPLES, "network-exposed.json"), demo(False))
    write(os.path.join(EXAMPLES, "network-fixed.json"), demo(True))


if __name__ == "__main__":
    main()
