// ENI operations: create (address allocated from the subnet or given), modify groups, delete, and the
// address allocation shared with RunInstances.
import { ec2Error } from '../errors';
import { awsUsableRange, cidrContainsIp, ipToNumber, isIpv4, numberToIp, parseCidr } from '../cidr';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import { getSubnet } from './subnets';
import { getSecurityGroup } from './security-groups';
import { defaultSecurityGroup } from './vpcs';
import { removeNetworkInterface, settleInstances } from './instance-lifecycle';
import type { NetworkInterface } from './types';

export function getNetworkInterface(world: World, id: string): NetworkInterface {
  settleInstances(world);
  return mustGet(world.ec2.networkInterfaces, id, 'InvalidNetworkInterfaceID.NotFound', 'networkInterface ID');
}

function addressesInUse(world: World, subnetId: string): Set<string> {
  settleInstances(world);
  const used = new Set<string>();
  for (const eni of world.ec2.networkInterfaces.values()) {
    if (eni.subnetId !== subnetId) continue;
    used.add(eni.privateIpAddress);
    for (const ip of eni.secondaryPrivateIpAddresses) used.add(ip);
  }
  return used;
}

/** Picks the requested address (checked) or the lowest free one in the subnet. */
export function allocatePrivateIp(world: World, subnetId: string, requested?: string): string {
  const subnet = getSubnet(world, subnetId);
  const cidr = parseCidr(subnet.cidrBlock);
  const range = awsUsableRange(cidr);
  const used = addressesInUse(world, subnetId);
  if (requested !== undefined) {
    if (!isIpv4(requested)) throw ec2Error('InvalidParameterValue', `Invalid private IP address '${requested}'.`);
    const n = ipToNumber(requested);
    if (!cidrContainsIp(cidr, n) || n < range.first || n > range.last) {
      throw ec2Error('InvalidParameterValue', `Address ${requested} does not fall within the subnet's address range`);
    }
    if (used.has(requested)) throw ec2Error('InvalidIPAddress.InUse', `Address ${requested} is in use.`);
    return requested;
  }
  for (let n = range.first; n <= range.last; n++) {
    const ip = numberToIp(n);
    if (!used.has(ip)) return ip;
  }
  throw ec2Error(
    'InsufficientFreeAddressesInSubnet',
    `There are not enough free addresses in subnet '${subnetId}' to satisfy the requested number of instances.`,
  );
}

/** How many addresses of the subnet are still free (RunInstances with MaxCount launches at most this many). */
export function freeAddressCount(world: World, subnetId: string): number {
  const range = awsUsableRange(parseCidr(getSubnet(world, subnetId).cidrBlock));
  let free = range.last - range.first + 1;
  for (const ip of addressesInUse(world, subnetId)) {
    const n = ipToNumber(ip);
    if (n >= range.first && n <= range.last) free--;
  }
  return free;
}

export interface CreateNetworkInterfaceInput {
  subnetId: string;
  groupIds?: string[];
  privateIpAddress?: string;
  description?: string;
  requesterManaged?: boolean;
  tags?: Tag[];
}

export function createNetworkInterface(world: World, input: CreateNetworkInterfaceInput): NetworkInterface {
  const subnet = getSubnet(world, input.subnetId);
  const groupIds = input.groupIds?.length ? [...input.groupIds] : [defaultSecurityGroup(world, subnet.vpcId).groupId];
  for (const g of groupIds) {
    if (getSecurityGroup(world, g).vpcId !== subnet.vpcId) {
      throw ec2Error('InvalidParameter', `Security group ${g} and subnet ${subnet.subnetId} belong to different networks.`);
    }
  }
  const eni: NetworkInterface = {
    networkInterfaceId: world.ids.next('eni'),
    subnetId: subnet.subnetId,
    vpcId: subnet.vpcId,
    ownerId: world.accountId,
    availabilityZone: subnet.availabilityZone,
    privateIpAddress: allocatePrivateIp(world, subnet.subnetId, input.privateIpAddress),
    secondaryPrivateIpAddresses: [],
    groupIds,
    description: input.description ?? '',
    interfaceType: 'interface',
    status: 'available',
    sourceDestCheck: true,
    requesterManaged: input.requesterManaged ?? false,
    tags: [...(input.tags ?? [])],
  };
  world.ec2.networkInterfaces.set(eni.networkInterfaceId, eni);
  world.touch();
  return eni;
}

/** ModifyNetworkInterfaceAttribute with Groups: replaces the ENI's security groups. */
export function modifyNetworkInterfaceGroups(world: World, id: string, groupIds: readonly string[]): void {
  const eni = getNetworkInterface(world, id);
  if (groupIds.length === 0) throw ec2Error('MissingParameter', 'At least one security group is required.');
  for (const g of groupIds) {
    if (getSecurityGroup(world, g).vpcId !== eni.vpcId)
      throw ec2Error('InvalidParameter', `Security group ${g} belongs to a different network.`);
  }
  eni.groupIds = [...groupIds];
  world.touch();
}

export function deleteNetworkInterface(world: World, id: string): void {
  const eni = getNetworkInterface(world, id);
  if (eni.attachment?.status === 'attached') {
    throw ec2Error('InvalidNetworkInterface.InUse', `Interface: [${id}] in use.`);
  }
  removeNetworkInterface(world, id);
  world.touch();
}

export function describeNetworkInterfaces(world: World, ids: readonly string[] = []): NetworkInterface[] {
  settleInstances(world);
  if (ids.length === 0) return [...world.ec2.networkInterfaces.values()];
  return ids.map((id) => getNetworkInterface(world, id));
}
