"""Builds network snapshots in the AWS CLI's own JSON shapes (describe-vpcs, describe-subnets, ...).

Used by build_snapshots.py (the hand-written test and example snapshots) and by
bench/gen_network_snapshot.py (large synthetic ones). Each helper appends one resource.
"""


def snapshot():
    return {k: [] for k in ("Vpcs", "Subnets", "RouteTables", "SecurityGroups", "NetworkAcls",
                            "NetworkInterfaces", "InternetGateways", "NatGateways",
                            "VpcPeeringConnections", "Reservations")}


def vpc(s, vid, cidr):
    s["Vpcs"].append({"VpcId": vid, "CidrBlock": cidr, "State": "available",
                      "CidrBlockAssociationSet": [{"CidrBlock": cidr, "CidrBlockState": {"State": "associated"}}]})


def subnet(s, sid, vid, cidr):
    s["Subnets"].append({"SubnetId": sid, "VpcId": vid, "CidrBlock": cidr, "State": "available"})


def route(dest, **target):
    r = {"DestinationCidrBlock": dest, "State": target.pop("State", "active"), "Origin": "CreateRoute"}
    r.update(target)
    return r


def route_table(s, rid, vid, vpc_cidrs, routes, subnets=(), main=False):
    assoc = [{"Main": False, "RouteTableId": rid, "SubnetId": sn,
              "RouteTableAssociationId": "rtbassoc-" + sn, "AssociationState": {"State": "associated"}}
             for sn in subnets]
    if main:
        assoc.append({"Main": True, "RouteTableId": rid, "RouteTableAssociationId": "rtbassoc-main-" + rid,
                      "AssociationState": {"State": "associated"}})
    local = [{"DestinationCidrBlock": c, "GatewayId": "local", "State": "active", "Origin": "CreateRouteTable"}
             for c in vpc_cidrs]
    s["RouteTables"].append({"RouteTableId": rid, "VpcId": vid, "Associations": assoc, "Routes": local + list(routes)})


def perm(proto, ports=None, cidrs=(), groups=(), prefix_lists=()):
    p = {"IpProtocol": proto, "IpRanges": [{"CidrIp": c} for c in cidrs],
         "UserIdGroupPairs": [{"GroupId": g, "UserId": "111122223333"} for g in groups],
         "PrefixListIds": [{"PrefixListId": pl} for pl in prefix_lists], "Ipv6Ranges": []}
    if ports is not None:
        p["FromPort"], p["ToPort"] = ports
    return p


ALL_OUT = [perm("-1", cidrs=["0.0.0.0/0"])]


def security_group(s, gid, vid, ingress, egress=None):
    s["SecurityGroups"].append({"GroupId": gid, "GroupName": gid, "VpcId": vid, "OwnerId": "111122223333",
                                "IpPermissions": ingress,
                                "IpPermissionsEgress": ALL_OUT if egress is None else egress})


def entry(number, action, egress, cidr="0.0.0.0/0", proto="-1", ports=None, icmp=None):
    e = {"RuleNumber": number, "RuleAction": action, "Egress": egress, "CidrBlock": cidr, "Protocol": proto}
    if ports is not None:
        e["PortRange"] = {"From": ports[0], "To": ports[1]}
    if icmp is not None:
        e["IcmpTypeCode"] = {"Type": icmp[0], "Code": icmp[1]}
    return e


OPEN_ACL = [entry(100, "allow", False), entry(100, "allow", True),
            entry(32767, "deny", False), entry(32767, "deny", True)]


def nacl(s, aid, vid, entries, subnets=(), default=False):
    s["NetworkAcls"].append({"NetworkAclId": aid, "VpcId": vid, "IsDefault": default, "Entries": entries,
                             "Associations": [{"NetworkAclId": aid, "SubnetId": sn,
                                               "NetworkAclAssociationId": "aclassoc-" + sn} for sn in subnets]})


def interface(s, eid, sid, ip, groups, public=None, instance=None, kind="interface"):
    i = {"NetworkInterfaceId": eid, "SubnetId": sid, "PrivateIpAddress": ip, "InterfaceType": kind,
         "Groups": [{"GroupId": g, "GroupName": g} for g in groups], "Status": "in-use",
         "PrivateIpAddresses": [{"PrivateIpAddress": ip, "Primary": True}]}
    if public:
        i["Association"] = {"PublicIp": public, "IpOwnerId": "amazon"}
        i["PrivateIpAddresses"][0]["Association"] = {"PublicIp": public, "IpOwnerId": "amazon"}
    if instance:
        i["Attachment"] = {"InstanceId": instance, "DeviceIndex": 0, "Status": "attached"}
        s["Reservations"].append({"Instances": [{"InstanceId": instance,
                                                 "NetworkInterfaces": [{"NetworkInterfaceId": eid}]}]})
    s["NetworkInterfaces"].append(i)


def igw(s, gid, vid):
    s["InternetGateways"].append({"InternetGatewayId": gid, "Attachments": [{"VpcId": vid, "State": "available"}]})


def nat(s, nid, sid, vid, private_ip, public_ip, state="available"):
    s["NatGateways"].append({"NatGatewayId": nid, "SubnetId": sid, "VpcId": vid, "State": state,
                             "ConnectivityType": "public",
                             "NatGatewayAddresses": [{"PrivateIp": private_ip, "PublicIp": public_ip,
                                                      "NetworkInterfaceId": "eni-" + nid}]})


def peering(s, pid, vpc_a, cidr_a, vpc_b, cidr_b, status="active"):
    s["VpcPeeringConnections"].append({"VpcPeeringConnectionId": pid, "Status": {"Code": status},
                                       "RequesterVpcInfo": {"VpcId": vpc_a, "CidrBlock": cidr_a,
                                                            "CidrBlockSet": [{"CidrBlock": cidr_a}]},
                                       "AccepterVpcInfo": {"VpcId": vpc_b, "CidrBlock": cidr_b,
                                                           "CidrBlockSet": [{"CidrBlock": cidr_b}]}})
