// Security group rule values: protocol names, ports, and the IpPermission shape that the Authorize and
// Revoke operations take. Shared by the operations and the snapshot reader.
import { ec2Error } from '../errors';
import { isIpv4Cidr, isIpv6Cidr } from '../cidr';
import type { World } from '../world';
import type { SecurityGroupRule } from './types';

export const newRuleId = (world: World): string => world.ids.next('sgr');

/** One IpPermission of Authorize/RevokeSecurityGroupIngress/Egress, as the EC2 API has it. */
export interface IpPermission {
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  ipRanges?: { cidrIp: string; description?: string }[];
  ipv6Ranges?: { cidrIpv6: string; description?: string }[];
  userIdGroupPairs?: { groupId: string; userId?: string; description?: string }[];
  prefixListIds?: { prefixListId: string; description?: string }[];
}

// EC2 prints ICMPv6 rules as `icmpv6` and stores them by protocol number 58.
const protocolNames: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', all: '-1', icmpv6: '58' };

/** EC2 stores `icmp`/`tcp`/`udp` by name and `-1` for all; numbers for the others. */
export function normalizeProtocol(p: string): string {
  const lower = p.toLowerCase();
  if (['-1', 'icmp', 'tcp', 'udp'].includes(lower)) return lower;
  if (protocolNames[lower]) return protocolNames[lower]!;
  if (/^\d+$/.test(lower) && Number(lower) <= 255) return lower;
  throw ec2Error('InvalidParameterValue', `Invalid value '${p}' for IP protocol. Unknown protocol.`);
}

/** Port range of a permission after EC2's defaults: all protocols and ICMP default to -1. */
export function permissionPorts(protocol: string, fromPort?: number, toPort?: number): { fromPort: number; toPort: number } {
  if (protocol === '-1') return { fromPort: -1, toPort: -1 };
  if (protocol === 'icmp') {
    const type = fromPort ?? -1;
    const code = toPort ?? -1;
    if (type < -1 || type > 255 || code < -1 || code > 255)
      throw ec2Error('InvalidParameterValue', `ICMP type ${type} code ${code} is out of range.`);
    return { fromPort: type, toPort: code };
  }
  if (protocol === 'tcp' || protocol === 'udp') {
    if (fromPort === undefined || toPort === undefined)
      throw ec2Error('MissingParameter', `The request must contain the parameter fromPort and toPort for protocol ${protocol}.`);
    if (fromPort < 0 || toPort > 65535 || fromPort > toPort)
      throw ec2Error('InvalidParameterValue', `Invalid port range ${fromPort}-${toPort} for protocol ${protocol}.`);
    return { fromPort, toPort };
  }
  return { fromPort: fromPort ?? -1, toPort: toPort ?? -1 };
}

/** Expands permissions into rules (one per source/destination), validating every value. */
export function expandPermissions(
  world: World,
  groupId: string,
  isEgress: boolean,
  permissions: readonly IpPermission[],
): Omit<SecurityGroupRule, 'securityGroupRuleId'>[] {
  const rules: Omit<SecurityGroupRule, 'securityGroupRuleId'>[] = [];
  for (const p of permissions) {
    const ipProtocol = normalizeProtocol(p.ipProtocol);
    const ports = permissionPorts(ipProtocol, p.fromPort, p.toPort);
    const base = { groupId, groupOwnerId: world.accountId, isEgress, ipProtocol, ...ports, tags: [] };
    for (const r of p.ipRanges ?? []) {
      if (!isIpv4Cidr(r.cidrIp)) throw ec2Error('InvalidParameterValue', `CIDR block ${r.cidrIp} is malformed`);
      rules.push({ ...base, cidrIpv4: r.cidrIp, ...(r.description ? { description: r.description } : {}) });
    }
    for (const r of p.ipv6Ranges ?? []) {
      if (!isIpv6Cidr(r.cidrIpv6)) throw ec2Error('InvalidParameterValue', `CIDR block ${r.cidrIpv6} is malformed`);
      rules.push({ ...base, cidrIpv6: r.cidrIpv6, ...(r.description ? { description: r.description } : {}) });
    }
    for (const g of p.userIdGroupPairs ?? []) {
      if (!world.ec2.securityGroups.has(g.groupId))
        throw ec2Error('InvalidGroup.NotFound', `The security group '${g.groupId}' does not exist`);
      rules.push({ ...base, referencedGroupId: g.groupId, ...(g.description ? { description: g.description } : {}) });
    }
    for (const pl of p.prefixListIds ?? []) {
      if (!world.ec2.prefixLists.has(pl.prefixListId))
        throw ec2Error('InvalidPrefixListId.NotFound', `The prefix list '${pl.prefixListId}' does not exist`);
      rules.push({ ...base, prefixListId: pl.prefixListId, ...(pl.description ? { description: pl.description } : {}) });
    }
    if (!p.ipRanges?.length && !p.ipv6Ranges?.length && !p.userIdGroupPairs?.length && !p.prefixListIds?.length) {
      throw ec2Error(
        'MissingParameter',
        'The request must contain at least one source or destination (IpRanges, Ipv6Ranges, UserIdGroupPairs or PrefixListIds).',
      );
    }
  }
  return rules;
}

/** Two rules grant the same thing (EC2 rejects such an Authorize with InvalidPermission.Duplicate). */
export function sameGrant(a: Omit<SecurityGroupRule, 'securityGroupRuleId'>, b: Omit<SecurityGroupRule, 'securityGroupRuleId'>): boolean {
  return (
    a.isEgress === b.isEgress &&
    a.ipProtocol === b.ipProtocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.cidrIpv4 === b.cidrIpv4 &&
    a.cidrIpv6 === b.cidrIpv6 &&
    a.referencedGroupId === b.referencedGroupId &&
    a.prefixListId === b.prefixListId
  );
}
