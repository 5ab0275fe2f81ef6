// Who is behind a security group reference or a CGW group, as addresses: what the data plane filters on.
// SG references: the addresses of the ENIs wearing the group, and (the engine's rule, design §2) the
// SDDC side when the group is one of the active cross-link ENI's groups: traffic that comes in through
// that ENI is from a member, and so is the next hop of traffic sent towards the SDDC. CGW groups are
// realized the way NSX realizes them for the edge: the member endpoints' addresses (membership decided
// by the engine's GroupMembership), plus the literal ranges of IP-address expressions when no AND
// narrows them; `connected_vpc` is the linked VPC's CIDRs.
import type { GroupExpression, World } from '../world';
import { connectedVpcGroupPath } from '../world';
import { instanceIpv4, resolveEndpoint, vmIpv4, type Endpoint } from '../network/endpoints';
import { GroupMembership } from '../network/group-membership';

/** Every endpoint of the world that has an address (instances not terminated, VMs with an IP). */
export function worldEndpoints(world: World): Endpoint[] {
  const out: Endpoint[] = [];
  for (const i of world.ec2.instances.values()) {
    if (i.state === 'terminated' || instanceIpv4(i) === undefined) continue;
    out.push(resolveEndpoint(world, { kind: 'instance', instanceId: i.instanceId }));
  }
  for (const vm of world.nsx.vms.values()) {
    if (vmIpv4(vm) === undefined) continue;
    out.push(resolveEndpoint(world, { kind: 'vm', externalId: vm.externalId }));
  }
  return out;
}

/** The SDDC side as addresses: the VMs' addresses and the segments' subnets. */
export function sddcAddresses(world: World): string[] {
  const out: string[] = [];
  for (const vm of world.nsx.vms.values()) out.push(...vm.ipAddresses.filter((ip) => !ip.includes(':')));
  for (const s of world.nsx.segments.values()) out.push(...s.subnets.map((sub) => sub.network).filter((n) => !n.includes(':')));
  return out;
}

/** The active cross-link ENI's security groups (empty without a linked VPC). */
export function activeEniGroups(world: World): string[] {
  const active = world.nsx.linkedVpc?.activeEni;
  return (active && world.ec2.networkInterfaces.get(active)?.groupIds) || [];
}

/** Addresses that count as members of security group `groupId` for a reference rule. */
export function sgMemberAddresses(world: World, groupId: string): string[] {
  const out: string[] = [];
  for (const eni of world.ec2.networkInterfaces.values()) {
    if (eni.groupIds.includes(groupId)) out.push(eni.privateIpAddress, ...eni.secondaryPrivateIpAddresses);
  }
  if (activeEniGroups(world).includes(groupId)) out.push(...sddcAddresses(world));
  return out;
}

function literalRanges(expr: readonly GroupExpression[]): string[] {
  if (expr.some((e) => e.resourceType === 'ConjunctionOperator' && e.conjunctionOperator === 'AND')) return [];
  return expr.flatMap((e) => (e.resourceType === 'IPAddressExpression' ? e.ipAddresses : []));
}

/** Realizes CGW rule sources or destinations. `any` is true when the side holds `ANY`. */
export class CgwGroupRealizer {
  private readonly membership: GroupMembership;
  private readonly endpoints: Endpoint[];
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly world: World) {
    this.membership = new GroupMembership(world);
    this.endpoints = worldEndpoints(world);
  }

  /** The addresses of one group path. */
  group(path: string): string[] {
    let hit = this.cache.get(path);
    if (hit) return hit;
    if (path === connectedVpcGroupPath) hit = [...(this.world.nsx.linkedVpc?.linkedVpcAddresses ?? [])];
    else {
      const members = this.endpoints.filter((e) => this.membership.isMember(path, e.member, e.key) === true).map((e) => e.ip);
      hit = [...members, ...literalRanges(this.world.nsx.groups.get(path)?.expression ?? [])];
    }
    this.cache.set(path, hit);
    return hit;
  }

  /** A rule side: group paths, literals (IP, CIDR, range) or ANY. */
  side(values: readonly string[]): { any: boolean; addresses: string[] } {
    if (values.some((v) => v.toUpperCase() === 'ANY')) return { any: true, addresses: [] };
    return { any: false, addresses: values.flatMap((v) => (v.startsWith('/') ? this.group(v) : [v])) };
  }
}
