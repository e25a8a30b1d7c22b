#!/usr/bin/env python3
"""Generates a large synthetic network snapshot in the AWS CLI's shapes, for bench/network_bench.sh.

  bench/gen_network_snapshot.py --vpcs 100 --interfaces 5000 --groups 2000 --seed 1 > big.json

Each VPC (10.V.0.0/16, then 172.16-31) has two public subnets (default route to its internet
gateway) and two private ones (default route to a NAT gateway), a default open ACL plus a custom
ACL with deny rules on one private subnet; consecutive VPCs are peered (every third one without
the return route). Security groups get 1-6 random rules: CIDR (world, VPC, office), port ranges,
ICMP, all traffic, references to other groups of the VPC. A third of the public interfaces have
public IPs.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "network"))
from awsshape import (entry, igw, interface, nacl, nat, peering, perm, route, route_table,  # noqa: E402
                      security_group, snapshot, subnet, vpc, OPEN_ACL)


def vpc_block(v):
    return (10, v) if v < 256 else (172, 16 + (v - 256))


def random_rule(rng, vid_groups, vpc_cidr):
    kind = rng.random()
    proto, ports = rng.choice([("tcp", (22, 22)), ("tcp", (80, 80)), ("tcp", (443, 443)), ("tcp", (8000, 8999)),
                               ("udp", (53, 53)), ("tcp", (1024, 65535)), ("icmp", (-1, -1)), ("-1", None)])
    if kind < 0.3:
        return perm(proto, ports, cidrs=["0.0.0.0/0"])
    if kind < 0.6:
        return perm(proto, ports, cidrs=[vpc_cidr])
    if kind < 0.75:
        return perm(proto, ports, cidrs=["198.51.100.0/24"])
    return perm(proto, ports, groups=[rng.choice(vid_groups)])


def build(args):
    rng = random.Random(args.seed)
    s = snapshot()
    groups_per_vpc = max(1, args.groups // args.vpcs)
    ifs_per_vpc = max(1, args.interfaces // args.vpcs)
    public_ip = [54 << 24]
    for v in range(args.vpcs):
        a, b = vpc_block(v)
        vid, cidr = "vpc-%05d" % v, "%d.%d.0.0/16" % (a, b)
        vpc(s, vid, cidr)
        nacl(s, "acl-%05d" % v, vid, OPEN_ACL, default=True)
        subnets = ["subnet-%05d-%d" % (v, k) for k in range(4)]
        for k, sn in enumerate(subnets):
            subnet(s, sn, vid, "%d.%d.%d.0/24" % (a, b, k))
        igw(s, "igw-%05d" % v, vid)
        nat(s, "nat-%05d" % v, subnets[0], vid, "%d.%d.0.250" % (a, b), "52.%d.%d.1" % (v // 256, v % 256))
        peer_routes = []
        for w in (v - 1, v + 1):
            if 0 <= w < args.vpcs and not (w == v - 1 and v % 3 == 0):
                pa, pb = vpc_block(w)
                pid = "pcx-%05d" % min(v, w)
                peer_routes.append(route("%d.%d.0.0/16" % (pa, pb), VpcPeeringConnectionId=pid))
        if v + 1 < args.vpcs:
            na, nb = vpc_block(v + 1)
            peering(s, "pcx-%05d" % v, vid, cidr, "vpc-%05d" % (v + 1), "%d.%d.0.0/16" % (na, nb))
        route_table(s, "rtb-pub-%05d" % v, vid, [cidr], [route("0.0.0.0/0", GatewayId="igw-%05d" % v)] + peer_routes,
                    subnets[:2])
        route_table(s, "rtb-priv-%05d" % v, vid, [cidr], [route("0.0.0.0/0", NatGatewayId="nat-%05d" % v)] + peer_routes,
                    main=True)
        nacl(s, "acl-c-%05d" % v, vid, [entry(50, "deny", False, "198.51.100.0/24"), entry(60, "deny", False, proto="6", ports=(23, 23)),
                                        entry(100, "allow", False), entry(100, "allow", True)], [subnets[3]])
        gids = ["sg-%05d-%d" % (v, g) for g in range(groups_per_vpc)]
        for g in gids:
            security_group(s, g, vid, [random_rule(rng, gids, cidr) for _ in range(rng.randint(1, 6))])
        used = [0, 0, 0, 0]
        for i in range(ifs_per_vpc):
            k = rng.randrange(4)
            used[k] += 1
            pub = None
            if k < 2 and rng.random() < 0.33:
                public_ip[0] += 1
                pub = "%d.%d.%d.%d" % (public_ip[0] >> 24, (public_ip[0] >> 16) & 255, (public_ip[0] >> 8) & 255, public_ip[0] & 255)
            ip = "%d.%d.%d.%d" % (a, b, k, 9 + used[k])
            interface(s, "eni-%05d-%04d" % (v, i), subnets[k], ip, rng.sample(gids, min(len(gids), rng.randint(1, 2))),
                      public=pub, instance="i-%05d-%04d" % (v, i))
    return s


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--vpcs", type=int, default=100)
    p.add_argument("--interfaces", type=int, default=5000)
    p.add_argument("--groups", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    if args.interfaces // max(1, args.vpcs) > 200:
        sys.exit("too many interfaces per VPC (at most 200)")
    json.dump(build(args), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
