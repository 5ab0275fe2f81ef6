// Subnets on the wire: CreateSubnet, DeleteSubnet (refused while an ENI uses the subnet) and
// DescribeSubnets. DescribeSubnets filters: subnet-id, vpc-id, cidr-block (and its aliases cidr,
// cidrBlock), availability-zone (availabilityZone), availability-zone-id, available-ip-address-count,
// default-for-az (defaultForAz), map-public-ip-on-launch, owner-id, state, subnet-arn, tag:<k>, tag-key.
// Mock note: no IPv6; subnets are never default-for-AZ and never map public IPs.
import {
  createSubnet,
  deleteSubnet,
  describeAvailabilityZones,
  describeSubnets,
  ec2Error,
  freeAddressCount,
  getSubnet,
  zoneIdOf,
  type Subnet,
  type World,
} from '../../../src/world';
import { items } from '../protocols/ec2-xml';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { arn, parseDescribe, tagSet } from './render';

export function subnetFilters(world: World): FilterTable<Subnet> {
  const zone = (s: Subnet) => s.availabilityZone;
  const cidr = (s: Subnet) => s.cidrBlock;
  return {
    'subnet-id': (s) => s.subnetId,
    'vpc-id': (s) => s.vpcId,
    'cidr-block': cidr,
    cidr,
    cidrBlock: cidr,
    'availability-zone': zone,
    availabilityZone: zone,
    'availability-zone-id': (s) => zoneIdOf(world, s.availabilityZone),
    'available-ip-address-count': (s) => freeAddressCount(world, s.subnetId),
    'default-for-az': () => false,
    defaultForAz: () => false,
    'map-public-ip-on-launch': () => false,
    'owner-id': (s) => s.ownerId,
    state: (s) => s.state,
    'subnet-arn': (s) => arn(world, 'subnet', s.subnetId, s.ownerId),
  };
}

export const renderSubnet = (world: World, s: Subnet) => ({
  subnetId: s.subnetId,
  subnetArn: arn(world, 'subnet', s.subnetId, s.ownerId),
  state: s.state,
  ownerId: s.ownerId,
  vpcId: s.vpcId,
  cidrBlock: s.cidrBlock,
  ipv6CidrBlockAssociationSet: items(
    (s.ipv6CidrBlocks ?? []).map((c, k) => ({
      associationId: `subnet-cidr-assoc-${s.subnetId.slice(7)}${k}`,
      ipv6CidrBlock: c,
      ipv6CidrBlockState: { state: 'associated' },
    })),
  ),
  availableIpAddressCount: freeAddressCount(world, s.subnetId),
  availabilityZone: s.availabilityZone,
  availabilityZoneId: zoneIdOf(world, s.availabilityZone),
  defaultForAz: false,
  mapPublicIpOnLaunch: false,
  mapCustomerOwnedIpOnLaunch: false,
  assignIpv6AddressOnCreation: false,
  enableDns64: false,
  ipv6Native: false,
  privateDnsNameOptionsOnLaunch: { hostnameType: 'ip-name', enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
  blockPublicAccessStates: { internetGatewayBlockMode: 'off' },
  tagSet: tagSet(s.tags),
});

const subnetNotFound = (id: string) => ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);

export const subnetOperations: Ec2OperationTable = {
  CreateSubnet: operation({
    parse: (p) => ({
      vpcId: p.required('VpcId'),
      cidrBlock: p.required('CidrBlock'),
      zone: p.str('AvailabilityZone'),
      zoneId: p.str('AvailabilityZoneId'),
      tags: p.tagSpecifications(['subnet']).flatMap((t) => t.tags),
    }),
    run: ({ world }, input) => {
      const zones = describeAvailabilityZones(world);
      const zone =
        input.zoneId !== undefined
          ? describeAvailabilityZones(world, { zoneIds: [input.zoneId] })[0]!.zoneName
          : (input.zone ?? zones[0]!.zoneName);
      const subnet = createSubnet(world, { vpcId: input.vpcId, cidrBlock: input.cidrBlock, availabilityZone: zone, tags: input.tags });
      return { subnet: renderSubnet(world, subnet) };
    },
  }),
  DeleteSubnet: operation<string>({
    parse: (p) => p.required('SubnetId'),
    run: ({ world }, id) => {
      getSubnet(world, id);
      deleteSubnet(world, id);
      return { return: true };
    },
    notFound: subnetNotFound,
  }),
  DescribeSubnets: operation({
    parse: (p) => parseDescribe(p, 'SubnetId'),
    run: ({ world }, input) => {
      const all = applyFilters(describeSubnets(world, input.ids), input.filters, subnetFilters(world), (s) => s.tags);
      const { page: subnets, nextToken } = page(all, input, { min: 5, max: 1000 });
      return { subnetSet: items(subnets.map((s) => renderSubnet(world, s))), nextToken };
    },
    notFound: (input) =>
      input.ids.length ? ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${input.ids[0]}' does not exist`) : { subnetSet: '' },
  }),
};
