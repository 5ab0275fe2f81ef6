// The IpPermission of DescribeSecurityGroups (and of Authorize/Revoke), one definition for the EC2 mock's
// XML and the snapshot's JSON: how the world's one-rule-per-grant list is grouped into permissions, how
// a permission expands back into grants, and who a referenced group belongs to (`UserId`).
// Field names are the CLI's JSON names in camelCase; the XML renames `userIdGroupPairs` to `groups`.
import { z } from 'zod';
import { isIpv4Cidr, isIpv6Cidr, type SecurityGroupRule, type World } from '../../world';

const ipv4Cidr = z.string().refine(isIpv4Cidr, { error: 'is not an IPv4 CIDR' });
const ipv6Cidr = z.string().refine(isIpv6Cidr, { error: 'is not an IPv6 CIDR' });
const awsId = (prefix: string) =>
  z.string().refine((s) => s.startsWith(`${prefix}-`) && s.length > prefix.length + 1, { error: `is not an id of the form ${prefix}-…` });

export interface GroupPairShape {
  groupId: string;
  userId?: string;
  vpcId?: string;
  vpcPeeringConnectionId?: string;
  description?: string;
}

export interface IpPermissionShape {
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  userIdGroupPairs: GroupPairShape[];
  ipRanges: { cidrIp: string; description?: string }[];
  ipv6Ranges: { cidrIpv6: string; description?: string }[];
  prefixListIds: { prefixListId: string; description?: string }[];
}

/** What one grant of a permission adds to a rule: exactly one peer, and the grant's description. */
export type GrantShape = Pick<
  SecurityGroupRule,
  'cidrIpv4' | 'cidrIpv6' | 'referencedGroupId' | 'referencedGroupInfo' | 'prefixListId' | 'description'
> & {
  /** Where the grant sits in the permission, e.g. `IpRanges[0]` (for messages). */
  field: string;
};

const withDescription = (d: string | undefined): { description?: string } => (d !== undefined ? { description: d } : {});

/**
 * One permission → its grants, in the CLI's order: IPv4 ranges, IPv6 ranges, groups, prefix lists. A
 * pair's `UserId` equal to `ownerId` (the group's own account) is the usual case and is not kept.
 */
export function grantsOfPermission(p: IpPermissionShape, ownerId?: string): GrantShape[] {
  return [
    ...p.ipRanges.map((r, k) => ({ field: `IpRanges[${k}]`, cidrIpv4: r.cidrIp, ...withDescription(r.description) })),
    ...p.ipv6Ranges.map((r, k) => ({ field: `Ipv6Ranges[${k}]`, cidrIpv6: r.cidrIpv6, ...withDescription(r.description) })),
    ...p.userIdGroupPairs.map((g, k) => {
      const info = {
        ...(g.userId !== undefined && g.userId !== ownerId ? { userId: g.userId } : {}),
        ...(g.vpcId !== undefined ? { vpcId: g.vpcId } : {}),
        ...(g.vpcPeeringConnectionId !== undefined ? { vpcPeeringConnectionId: g.vpcPeeringConnectionId } : {}),
      };
      return {
        field: `UserIdGroupPairs[${k}]`,
        referencedGroupId: g.groupId,
        ...(Object.keys(info).length > 0 ? { referencedGroupInfo: info } : {}),
        ...withDescription(g.description),
      };
    }),
    ...p.prefixListIds.map((pl, k) => ({
      field: `PrefixListIds[${k}]`,
      prefixListId: pl.prefixListId,
      ...withDescription(pl.description),
    })),
  ];
}

/** The account that owns a rule's referenced group: as the export said, else the group's owner, else the rule's. */
export function referencedGroupOwner(world: World, r: SecurityGroupRule): string {
  return r.referencedGroupInfo?.userId ?? world.ec2.securityGroups.get(r.referencedGroupId ?? '')?.ownerId ?? r.groupOwnerId;
}

/** The referenced group as a UserIdGroupPair (also `ReferencedGroupInfo` of a rule, without the description). */
export function groupPairOf(world: World, r: SecurityGroupRule): GroupPairShape {
  const info = r.referencedGroupInfo;
  return {
    groupId: r.referencedGroupId!,
    userId: referencedGroupOwner(world, r),
    ...(info?.vpcId !== undefined ? { vpcId: info.vpcId } : {}),
    ...(info?.vpcPeeringConnectionId !== undefined ? { vpcPeeringConnectionId: info.vpcPeeringConnectionId } : {}),
  };
}

/** Rules of one direction grouped into IpPermissions (one per protocol and port range, in first-seen order). */
export function ipPermissionsOf(world: World, rules: readonly SecurityGroupRule[]): IpPermissionShape[] {
  const perms = new Map<string, IpPermissionShape>();
  for (const r of rules) {
    const key = `${r.ipProtocol}|${r.fromPort}|${r.toPort}`;
    let p = perms.get(key);
    if (!p) {
      // EC2 prints no ports for "all protocols".
      const ports = r.ipProtocol === '-1' ? {} : { fromPort: r.fromPort, toPort: r.toPort };
      p = { ipProtocol: r.ipProtocol, ...ports, userIdGroupPairs: [], ipRanges: [], ipv6Ranges: [], prefixListIds: [] };
      perms.set(key, p);
    }
    const d = withDescription(r.description);
    if (r.cidrIpv4 !== undefined) p.ipRanges.push({ cidrIp: r.cidrIpv4, ...d });
    if (r.cidrIpv6 !== undefined) p.ipv6Ranges.push({ cidrIpv6: r.cidrIpv6, ...d });
    if (r.prefixListId !== undefined) p.prefixListIds.push({ prefixListId: r.prefixListId, ...d });
    if (r.referencedGroupId !== undefined) p.userIdGroupPairs.push({ ...groupPairOf(world, r), ...d });
  }
  return [...perms.values()];
}

/** An IpPermission as the AWS CLI prints it (`--output json`). */
export function ipPermissionJson(p: IpPermissionShape): Record<string, unknown> {
  return {
    ...(p.fromPort !== undefined ? { FromPort: p.fromPort } : {}),
    IpProtocol: p.ipProtocol,
    IpRanges: p.ipRanges.map((r) => ({ CidrIp: r.cidrIp, Description: r.description })),
    Ipv6Ranges: p.ipv6Ranges.map((r) => ({ CidrIpv6: r.cidrIpv6, Description: r.description })),
    PrefixListIds: p.prefixListIds.map((r) => ({ Description: r.description, PrefixListId: r.prefixListId })),
    ...(p.toPort !== undefined ? { ToPort: p.toPort } : {}),
    UserIdGroupPairs: p.userIdGroupPairs.map((g) => ({
      Description: g.description,
      GroupId: g.groupId,
      UserId: g.userId,
      VpcId: g.vpcId,
      VpcPeeringConnectionId: g.vpcPeeringConnectionId,
    })),
  };
}

/**
 * The CLI JSON of an IpPermission, validated loosely (unknown fields ignored; a group of another account
 * or a peered VPC may carry `UserId`, `VpcId`, `VpcPeeringConnectionId`, `PeeringStatus`).
 */
export const ipPermissionJsonSchema = z
  .looseObject({
    IpProtocol: z.string(),
    FromPort: z.number().int().optional(),
    ToPort: z.number().int().optional(),
    IpRanges: z.array(z.looseObject({ CidrIp: ipv4Cidr, Description: z.string().optional() })).default([]),
    Ipv6Ranges: z.array(z.looseObject({ CidrIpv6: ipv6Cidr, Description: z.string().optional() })).default([]),
    UserIdGroupPairs: z
      .array(
        z.looseObject({
          GroupId: awsId('sg'),
          UserId: z.string().optional(),
          VpcId: z.string().optional(),
          VpcPeeringConnectionId: z.string().optional(),
          Description: z.string().optional(),
        }),
      )
      .default([]),
    PrefixListIds: z.array(z.looseObject({ PrefixListId: awsId('pl'), Description: z.string().optional() })).default([]),
  })
  .transform((j): IpPermissionShape => ({
    ipProtocol: j.IpProtocol,
    ...(j.FromPort !== undefined ? { fromPort: j.FromPort } : {}),
    ...(j.ToPort !== undefined ? { toPort: j.ToPort } : {}),
    ipRanges: j.IpRanges.map((r) => ({ cidrIp: r.CidrIp, ...withDescription(r.Description) })),
    ipv6Ranges: j.Ipv6Ranges.map((r) => ({ cidrIpv6: r.CidrIpv6, ...withDescription(r.Description) })),
    userIdGroupPairs: j.UserIdGroupPairs.map((g) => ({
      groupId: g.GroupId,
      ...(g.UserId !== undefined ? { userId: g.UserId } : {}),
      ...(g.VpcId !== undefined ? { vpcId: g.VpcId } : {}),
      ...(g.VpcPeeringConnectionId !== undefined ? { vpcPeeringConnectionId: g.VpcPeeringConnectionId } : {}),
      ...withDescription(g.Description),
    })),
    prefixListIds: j.PrefixListIds.map((r) => ({ prefixListId: r.PrefixListId, ...withDescription(r.Description) })),
  }));
