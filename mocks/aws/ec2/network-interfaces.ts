// DescribeNetworkInterfaces on the wire. Filters: network-interface-id, attachment.instance-id,
// attachment.attachment-id, attachment.device-index, attachment.status, attachment.instance-owner-id,
// availability-zone, description, group-id, group-name, interface-type, owner-id,
// private-ip-address, addresses.private-ip-address, private-dns-name, requester-managed,
// source-dest-check, status, subnet-id, vpc-id, mac-address, tag:<k>, tag-key.
// Mock note: MAC addresses are derived from the ENI id; no public IP associations.
import { derivedHex, describeNetworkInterfaces, ec2Error, type NetworkInterface, type World } from '../../../src/world';
import { items } from '../protocols/ec2-xml';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { groupSet, parseDescribe, tagSet } from './render';
import { isoTime } from '../protocols/ec2-xml';

export const macAddressOf = (eniId: string): string => `0a:${derivedHex(eniId, 10).match(/../g)!.join(':')}`;

export function privateDnsNameOf(world: World, ip: string): string {
  const domain = world.region === 'us-east-1' ? 'ec2.internal' : `${world.region}.compute.internal`;
  return `ip-${ip.replaceAll('.', '-')}.${domain}`;
}

export function networkInterfaceFilters(world: World): FilterTable<NetworkInterface> {
  const ips = (e: NetworkInterface) => [e.privateIpAddress, ...e.secondaryPrivateIpAddresses];
  return {
    'network-interface-id': (e) => e.networkInterfaceId,
    'attachment.instance-id': (e) => e.attachment?.instanceId,
    'attachment.attachment-id': (e) => e.attachment?.attachmentId,
    'attachment.device-index': (e) => e.attachment?.deviceIndex,
    'attachment.status': (e) => e.attachment?.status,
    'attachment.instance-owner-id': (e) => e.attachment?.instanceOwnerId,
    'availability-zone': (e) => e.availabilityZone,
    description: (e) => e.description,
    'group-id': (e) => e.groupIds,
    'group-name': (e) => e.groupIds.map((g) => world.ec2.securityGroups.get(g)?.groupName),
    'interface-type': (e) => e.interfaceType,
    'owner-id': (e) => e.ownerId,
    'private-ip-address': ips,
    'addresses.private-ip-address': ips,
    'private-dns-name': (e) => privateDnsNameOf(world, e.privateIpAddress),
    'requester-managed': (e) => e.requesterManaged,
    'source-dest-check': (e) => e.sourceDestCheck,
    status: (e) => e.status,
    'subnet-id': (e) => e.subnetId,
    'vpc-id': (e) => e.vpcId,
    'mac-address': (e) => macAddressOf(e.networkInterfaceId),
  };
}

function attachment(world: World, e: NetworkInterface) {
  const a = e.attachment;
  if (!a) return undefined;
  const inst = a.instanceId ? world.ec2.instances.get(a.instanceId) : undefined;
  return {
    attachmentId: a.attachmentId,
    instanceId: a.instanceId,
    instanceOwnerId: a.instanceOwnerId,
    deviceIndex: a.deviceIndex,
    status: a.status,
    attachTime: inst ? isoTime(inst.launchTime) : undefined,
    deleteOnTermination: a.deviceIndex === 0,
    networkCardIndex: 0,
  };
}

export const renderNetworkInterface = (world: World, e: NetworkInterface) => ({
  networkInterfaceId: e.networkInterfaceId,
  subnetId: e.subnetId,
  vpcId: e.vpcId,
  availabilityZone: e.availabilityZone,
  description: e.description,
  ownerId: e.ownerId,
  requesterId: e.requesterManaged ? 'amazon-aws' : undefined,
  requesterManaged: e.requesterManaged,
  status: e.status,
  macAddress: macAddressOf(e.networkInterfaceId),
  privateIpAddress: e.privateIpAddress,
  privateDnsName: privateDnsNameOf(world, e.privateIpAddress),
  sourceDestCheck: e.sourceDestCheck,
  groupSet: groupSet(world, e.groupIds),
  attachment: attachment(world, e),
  tagSet: tagSet(e.tags),
  privateIpAddressesSet: items(
    [e.privateIpAddress, ...e.secondaryPrivateIpAddresses].map((ip, i) => ({
      privateIpAddress: ip,
      privateDnsName: privateDnsNameOf(world, ip),
      primary: i === 0,
    })),
  ),
  ipv6AddressesSet: items((e.ipv6Addresses ?? []).map((ipv6Address) => ({ ipv6Address }))),
  interfaceType: e.interfaceType,
});

export const networkInterfaceOperations: Ec2OperationTable = {
  DescribeNetworkInterfaces: operation({
    parse: (p) => parseDescribe(p, 'NetworkInterfaceId'),
    run: ({ world }, input) => {
      const all = applyFilters(describeNetworkInterfaces(world, input.ids), input.filters, networkInterfaceFilters(world), (e) => e.tags);
      const { page: shown, nextToken } = page(all, input, {
        min: 5,
        max: 1000,
        ...(input.ids.length ? { idsGiven: 'networkInterfaceIdSet' } : {}),
      });
      return { networkInterfaceSet: items(shown.map((e) => renderNetworkInterface(world, e))), nextToken };
    },
    notFound: (input) =>
      input.ids.length
        ? ec2Error('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${input.ids[0]}' does not exist`)
        : { networkInterfaceSet: '' },
  }),
};
