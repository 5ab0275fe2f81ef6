// Network ACL operations: create (with the `*` deny entries), entries, subnet associations, and the
// lookup of the ACL a subnet uses.
import { ec2Error } from '../errors';
import { isIpv4Cidr, isIpv6Cidr } from '../cidr';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import { getVpc } from './vpcs';
import { getSubnet } from './subnets';
import type { NaclEntry, NetworkAcl } from './types';

export const getNetworkAcl = (world: World, networkAclId: string): NetworkAcl =>
  mustGet(world.ec2.networkAcls, networkAclId, 'InvalidNetworkAclID.NotFound', 'network ACL');

export function createNetworkAcl(world: World, input: { vpcId: string; tags?: Tag[] }): NetworkAcl {
  getVpc(world, input.vpcId);
  const acl: NetworkAcl = {
    networkAclId: world.ids.next('acl'),
    vpcId: input.vpcId,
    ownerId: world.accountId,
    isDefault: false,
    entries: [
      { ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress: false, cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress: true, cidrBlock: '0.0.0.0/0' },
    ],
    associations: [],
    tags: [...(input.tags ?? [])],
  };
  world.ec2.networkAcls.set(acl.networkAclId, acl);
  world.touch();
  return acl;
}

const protocolNumbers: Record<string, string> = { icmp: '1', tcp: '6', udp: '17', all: '-1' };

function validateEntry(e: NaclEntry): NaclEntry {
  if (!Number.isInteger(e.ruleNumber) || e.ruleNumber < 1 || e.ruleNumber > 32766) {
    throw ec2Error('InvalidParameterValue', `Invalid value '${e.ruleNumber}' for ruleNumber: must be 1 to 32766.`);
  }
  if ((e.cidrBlock === undefined) === (e.ipv6CidrBlock === undefined))
    throw ec2Error('InvalidParameterValue', 'Exactly one of CidrBlock and Ipv6CidrBlock must be given.');
  if (e.cidrBlock !== undefined && !isIpv4Cidr(e.cidrBlock))
    throw ec2Error('InvalidParameterValue', `CIDR block ${e.cidrBlock} is malformed`);
  if (e.ipv6CidrBlock !== undefined && !isIpv6Cidr(e.ipv6CidrBlock))
    throw ec2Error('InvalidParameterValue', `IPv6 CIDR block ${e.ipv6CidrBlock} is malformed`);
  const protocol = protocolNumbers[e.protocol.toLowerCase()] ?? e.protocol;
  if (!/^(-1|\d{1,3})$/.test(protocol) || Number(protocol) > 255)
    throw ec2Error('InvalidParameterValue', `Invalid protocol '${e.protocol}'.`);
  if (protocol === '1' && !e.icmpTypeCode) throw ec2Error('MissingParameter', 'ICMP entries need IcmpTypeCode.');
  if ((protocol === '6' || protocol === '17') && !e.portRange) throw ec2Error('MissingParameter', 'TCP and UDP entries need PortRange.');
  return { ...e, protocol };
}

export function createNetworkAclEntry(world: World, networkAclId: string, entry: NaclEntry): void {
  const acl = getNetworkAcl(world, networkAclId);
  const e = validateEntry(entry);
  if (acl.entries.some((x) => x.egress === e.egress && x.ruleNumber === e.ruleNumber)) {
    throw ec2Error('NetworkAclEntryAlreadyExists', `The network acl entry identified by ${e.ruleNumber} already exists.`);
  }
  acl.entries.push(e);
  world.touch();
}

export function replaceNetworkAclEntry(world: World, networkAclId: string, entry: NaclEntry): void {
  const acl = getNetworkAcl(world, networkAclId);
  const e = validateEntry(entry);
  const i = acl.entries.findIndex((x) => x.egress === e.egress && x.ruleNumber === e.ruleNumber);
  if (i < 0) throw ec2Error('InvalidNetworkAclEntry.NotFound', `The network acl entry identified by ${e.ruleNumber} does not exist.`);
  acl.entries[i] = e;
  world.touch();
}

export function deleteNetworkAclEntry(world: World, networkAclId: string, ruleNumber: number, egress: boolean): void {
  const acl = getNetworkAcl(world, networkAclId);
  const i = acl.entries.findIndex((x) => x.egress === egress && x.ruleNumber === ruleNumber);
  if (i < 0 || ruleNumber === 32767)
    throw ec2Error('InvalidNetworkAclEntry.NotFound', `The network acl entry identified by ${ruleNumber} does not exist.`);
  acl.entries.splice(i, 1);
  world.touch();
}

/** ReplaceNetworkAclAssociation, addressed by subnet for convenience; returns the new association id. */
export function associateNetworkAcl(world: World, networkAclId: string, subnetId: string): string {
  const acl = getNetworkAcl(world, networkAclId);
  const subnet = getSubnet(world, subnetId);
  if (subnet.vpcId !== acl.vpcId)
    throw ec2Error('InvalidParameterValue', `Network ACL ${networkAclId} and subnet ${subnetId} belong to different networks`);
  for (const other of world.ec2.networkAcls.values()) other.associations = other.associations.filter((a) => a.subnetId !== subnetId);
  const id = world.ids.next('aclassoc');
  acl.associations.push({ networkAclAssociationId: id, networkAclId, subnetId });
  world.touch();
  return id;
}

/** The ACL that governs a subnet's boundary. */
export function networkAclForSubnet(world: World, subnetId: string): NetworkAcl | undefined {
  for (const acl of world.ec2.networkAcls.values()) if (acl.associations.some((a) => a.subnetId === subnetId)) return acl;
  return undefined;
}

export function describeNetworkAcls(world: World, ids: readonly string[] = []): NetworkAcl[] {
  if (ids.length === 0) return [...world.ec2.networkAcls.values()];
  return ids.map((id) => getNetworkAcl(world, id));
}

/** ReplaceNetworkAclAssociation: the subnet of `associationId` moves to `networkAclId`; returns the new association id. */
export function replaceNetworkAclAssociation(world: World, associationId: string, networkAclId: string): string {
  for (const acl of world.ec2.networkAcls.values()) {
    const a = acl.associations.find((x) => x.networkAclAssociationId === associationId);
    if (a) return associateNetworkAcl(world, networkAclId, a.subnetId);
  }
  throw ec2Error('InvalidAssociationID.NotFound', `The association ID '${associationId}' does not exist`);
}

/** DeleteNetworkAcl: not the VPC's default ACL, and not while a subnet is associated with it. */
export function deleteNetworkAcl(world: World, networkAclId: string): void {
  const acl = getNetworkAcl(world, networkAclId);
  if (acl.isDefault) throw ec2Error('InvalidParameterValue', `cannot delete default network ACL ${networkAclId}`);
  if (acl.associations.length > 0)
    throw ec2Error('DependencyViolation', `The networkAcl '${networkAclId}' has dependencies and cannot be deleted.`);
  world.ec2.networkAcls.delete(networkAclId);
  world.touch();
}
