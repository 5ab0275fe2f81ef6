// Security groups ⇄ aws/describe-security-groups.json. The file groups rules into IpPermissions (one per
// protocol and port range, each with its IPv4/IPv6 ranges, referenced groups and prefix lists; shape and
// grouping in src/shapes/ec2); the world keeps one rule per grant, as DescribeSecurityGroupRules does.
// Rule ids come from security-group-rules.ts. A referenced group or prefix list the export lacks (a
// peered VPC's or another account's group) loads with a warning.
import { normalizeProtocol, permissionPorts, type SecurityGroup, type World } from '../../world';
import { grantsOfPermission, ipPermissionJson, ipPermissionsOf } from '../../shapes/ec2';
import { files, howToProduce, prefixListEntriesFile } from '../layout';
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
    g.IpPermissions.forEach((p, j) =>
      expanded.push(...expandPermission(src, world, g, `SecurityGroups[${i}].IpPermissions[${j}]`, false, p)),
    );
    g.IpPermissionsEgress.forEach((p, j) =>
      expanded.push(...expandPermission(src, world, g, `SecurityGroups[${i}].IpPermissionsEgress[${j}]`, true, p)),
    );
  });
  assignRuleIds(src, world, expanded);
}

/** One IpPermission → one rule per grant (IPv4 or IPv6 range, referenced group, prefix list). */
function expandPermission(
  src: SnapshotSource,
  world: World,
  g: GroupJson,
  at: string,
  isEgress: boolean,
  p: IpPermissionJson,
): ExpandedRule[] {
  const file = files.securityGroups;
  const owner = g.OwnerId ?? world.accountId;
  const grants = grantsOfPermission(p, owner);
  if (grants.length === 0) return [];
  let ipProtocol: string;
  try {
    ipProtocol = normalizeProtocol(protocolNumberOf(p.ipProtocol));
  } catch {
    src.invalid(file, `${at}.IpProtocol`, p.ipProtocol, 'is not a protocol (-1, tcp, udp, icmp, icmpv6 or a number up to 255)');
  }
  let ports: { fromPort: number; toPort: number };
  try {
    ports = permissionPorts(ipProtocol, p.fromPort, p.toPort);
  } catch {
    src.invalid(
      file,
      `${at}.FromPort`,
      p.fromPort,
      `and ToPort ${p.toPort} are not a valid port range (or ICMP type and code) for protocol ${ipProtocol}`,
    );
  }
  const base = { groupId: g.GroupId, groupOwnerId: owner, isEgress, ipProtocol, ...ports, tags: [] };
  return grants.map(({ field, ...grant }) => {
    const ref = grant.referencedGroupId;
    if (ref !== undefined && !world.ec2.securityGroups.has(ref)) {
      // A group of a peered VPC or of another account is never in this account's export; a deleted one neither.
      const where = grant.referencedGroupInfo?.vpcPeeringConnectionId ?? grant.referencedGroupInfo?.userId;
      src.missing(
        file,
        `${at}.${field}.GroupId`,
        ref,
        files.securityGroups,
        `${where !== undefined && where !== owner ? `it is outside this account's export (${where}); ` : ''}flows that only this rule of ${g.GroupId} could allow are indeterminate (REFERENCED_GROUP_MISSING)`,
      );
    }
    const pl = grant.prefixListId;
    if (pl !== undefined && !world.ec2.prefixLists.has(pl)) {
      src.missing(
        file,
        `${at}.${field}.PrefixListId`,
        pl,
        files.prefixLists,
        `flows that only this rule of ${g.GroupId} could allow are indeterminate (PREFIX_LIST_ENTRIES_MISSING) until its entries are exported (${howToProduce(prefixListEntriesFile(pl))})`,
      );
    }
    return { field: `${at}.${field}`, rule: { ...base, ...grant } };
  });
}

export function renderSecurityGroups(world: World): unknown {
  return {
    SecurityGroups: [...world.ec2.securityGroups.values()].map((sg) => ({
      Description: sg.description,
      GroupName: sg.groupName,
      IpPermissions: ipPermissionsOf(
        world,
        sg.rules.filter((r) => !r.isEgress),
      ).map(ipPermissionJson),
      OwnerId: sg.ownerId,
      GroupId: sg.groupId,
      IpPermissionsEgress: ipPermissionsOf(
        world,
        sg.rules.filter((r) => r.isEgress),
      ).map(ipPermissionJson),
      Tags: awsTagsJson(sg.tags),
      VpcId: sg.vpcId,
      SecurityGroupArn: `arn:aws:ec2:${world.region}:${sg.ownerId}:security-group/${sg.groupId}`,
    })),
  };
}
