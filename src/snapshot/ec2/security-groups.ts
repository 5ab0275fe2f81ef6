// Security groups ⇄ aws/describe-security-groups.json. The file groups rules into IpPermissions (one per
// protocol and port range, each with its CIDRs, referenced groups and prefix lists); the world keeps one
// rule per grant, as DescribeSecurityGroupRules does. Rule ids come from security-group-rules.ts.
import { normalizeProtocol, permissionPorts, type SecurityGroup, type SecurityGroupRule, type World } from '../../world';
import { files } from '../layout';
import { securityGroupsSchema, type IpPermissionJson, type SecurityGroupsJson } from '../schemas/security-groups';
import type { SnapshotSource } from '../snapshot-source';
import { awsTagsJson } from '../json-shapes';
import { assignRuleIds, protocolNumberOf, type ExpandedRule } from './security-group-rules';

type GroupJson = SecurityGroupsJson['SecurityGroups'][number];

export function readSecurityGroups(src: SnapshotSource, world: World): void {
  const json = src.read(files.securityGroups, securityGroupsSchema);
  json.SecurityGroups.forEach((g, i) => {
    if (world.ec2.securityGroups.has(g.GroupId)) src.duplicate(files.securityGroups, `SecurityGroups[${i}].GroupId`, g.GroupId);
    if (!world.ec2.vpcs.has(g.VpcId)) src.dangling(files.securityGroups, `SecurityGroups[${i}].VpcId`, g.VpcId, files.vpcs);
    const sg: SecurityGroup = {
      groupId: g.GroupId,
      groupName: g.GroupName,
      description: g.Description,
      vpcId: g.VpcId,
      ownerId: g.OwnerId ?? world.accountId,
      tags: g.Tags.map((t) => ({ key: t.Key, value: t.Value })),
      rules: [],
    };
    world.ec2.securityGroups.set(sg.groupId, sg);
  });
  // Second pass: rules may reference any group of the file.
  const expanded: ExpandedRule[] = [];
  json.SecurityGroups.forEach((g, i) => {
    g.IpPermissions.forEach((p, j) => expanded.push(...expandPermission(src, world, g, `SecurityGroups[${i}].IpPermissions[${j}]`, false, p)));
    g.IpPermissionsEgress.forEach((p, j) => expanded.push(...expandPermission(src, world, g, `SecurityGroups[${i}].IpPermissionsEgress[${j}]`, true, p)));
  });
  assignRuleIds(src, world, expanded);
}

/** One IpPermission → one rule per CIDR, referenced group and prefix list (IPv6 ranges are not modelled). */
function expandPermission(src: SnapshotSource, world: World, g: GroupJson, at: string, isEgress: boolean, p: IpPermissionJson): ExpandedRule[] {
  const file = files.securityGroups;
  // A permission with only Ipv6Ranges grants nothing the model holds.
  if (p.IpRanges.length === 0 && p.UserIdGroupPairs.length === 0 && p.PrefixListIds.length === 0) return [];
  let ipProtocol: string;
  try {
    ipProtocol = normalizeProtocol(protocolNumberOf(p.IpProtocol));
  } catch {
    src.invalid(file, `${at}.IpProtocol`, p.IpProtocol, 'is not a protocol (-1, tcp, udp, icmp or a number up to 255)');
  }
  let ports: { fromPort: number; toPort: number };
  try {
    ports = permissionPorts(ipProtocol, p.FromPort, p.ToPort);
  } catch {
    src.invalid(file, `${at}.FromPort`, p.FromPort, `and ToPort ${p.ToPort} are not a valid port range (or ICMP type and code) for protocol ${ipProtocol}`);
  }
  const owner = g.OwnerId ?? world.accountId;
  const base = { groupId: g.GroupId, groupOwnerId: owner, isEgress, ipProtocol, ...ports, tags: [] };
  const out: ExpandedRule[] = [];
  p.IpRanges.forEach((r, k) => {
    out.push({ field: `${at}.IpRanges[${k}]`, rule: { ...base, cidrIpv4: r.CidrIp, ...(r.Description !== undefined ? { description: r.Description } : {}) } });
  });
  p.UserIdGroupPairs.forEach((pair, k) => {
    // A group of another account (peering) may legitimately be absent; one of this account may not.
    const foreign = pair.UserId !== undefined && pair.UserId !== owner;
    if (!foreign && !world.ec2.securityGroups.has(pair.GroupId)) {
      src.dangling(file, `${at}.UserIdGroupPairs[${k}].GroupId`, pair.GroupId, files.securityGroups);
    }
    out.push({ field: `${at}.UserIdGroupPairs[${k}]`, rule: { ...base, referencedGroupId: pair.GroupId, ...(pair.Description !== undefined ? { description: pair.Description } : {}) } });
  });
  p.PrefixListIds.forEach((pl, k) => {
    if (src.has(files.prefixLists) && !world.ec2.prefixLists.has(pl.PrefixListId)) {
      src.dangling(file, `${at}.PrefixListIds[${k}].PrefixListId`, pl.PrefixListId, files.prefixLists);
    }
    out.push({ field: `${at}.PrefixListIds[${k}]`, rule: { ...base, prefixListId: pl.PrefixListId, ...(pl.Description !== undefined ? { description: pl.Description } : {}) } });
  });
  return out;
}

interface PermissionJson {
  FromPort?: number;
  IpProtocol: string;
  IpRanges: { CidrIp: string; Description?: string }[];
  Ipv6Ranges: never[];
  PrefixListIds: { Description?: string; PrefixListId: string }[];
  ToPort?: number;
  UserIdGroupPairs: { Description?: string; GroupId: string; UserId: string }[];
}

/** Rules of one direction grouped into IpPermissions, in the order each protocol/port range first appears. */
function permissionsJson(world: World, rules: readonly SecurityGroupRule[]): PermissionJson[] {
  const perms = new Map<string, PermissionJson>();
  for (const r of rules) {
    const key = `${r.ipProtocol}|${r.fromPort}|${r.toPort}`;
    let p = perms.get(key);
    if (!p) {
      // The CLI prints no ports for "all protocols".
      const ports = r.ipProtocol === '-1' ? {} : { FromPort: r.fromPort };
      p = { ...ports, IpProtocol: r.ipProtocol, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], ...(r.ipProtocol === '-1' ? {} : { ToPort: r.toPort }), UserIdGroupPairs: [] };
      perms.set(key, p);
    }
    if (r.cidrIpv4 !== undefined) p.IpRanges.push({ CidrIp: r.cidrIpv4, Description: r.description });
    if (r.prefixListId !== undefined) p.PrefixListIds.push({ Description: r.description, PrefixListId: r.prefixListId });
    if (r.referencedGroupId !== undefined) {
      const userId = world.ec2.securityGroups.get(r.referencedGroupId)?.ownerId ?? r.groupOwnerId;
      p.UserIdGroupPairs.push({ Description: r.description, GroupId: r.referencedGroupId, UserId: userId });
    }
  }
  return [...perms.values()];
}

export function renderSecurityGroups(world: World): unknown {
  return {
    SecurityGroups: [...world.ec2.securityGroups.values()].map((sg) => ({
      Description: sg.description,
      GroupName: sg.groupName,
      IpPermissions: permissionsJson(world, sg.rules.filter((r) => !r.isEgress)),
      OwnerId: sg.ownerId,
      GroupId: sg.groupId,
      IpPermissionsEgress: permissionsJson(world, sg.rules.filter((r) => r.isEgress)),
      Tags: awsTagsJson(sg.tags),
      VpcId: sg.vpcId,
      SecurityGroupArn: `arn:aws:ec2:${world.region}:${sg.ownerId}:security-group/${sg.groupId}`,
    })),
  };
}
