// DescribeVpcs on the wire. Filters: vpc-id, cidr, cidr-block-association.cidr-block,
// cidr-block-association.state, dhcp-options-id, is-default, owner-id, state, tag:<k>, tag-key.
// Mock note: no IPv6 CIDRs; the DHCP options id is derived from the VPC id.
import { derivedHex, describeVpcs, ec2Error, vpcCidrs, type Vpc, type World } from '../../../src/world';
import { items } from '../protocols/ec2-xml';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { parseDescribe, tagSet } from './render';

export const vpcFilters: FilterTable<Vpc> = {
  'vpc-id': (v) => v.vpcId,
  cidr: (v) => v.cidrBlock,
  'cidr-block-association.cidr-block': (v) => vpcCidrs(v),
  'cidr-block-association.state': () => 'associated',
  'cidr-block-association.association-id': (v) => vpcCidrs(v).map((c) => cidrAssociationId(v, c)),
  'dhcp-options-id': (v) => dhcpOptionsId(v),
  'is-default': (v) => v.isDefault,
  'owner-id': (v) => v.ownerId,
  state: (v) => v.state,
};

const cidrAssociationId = (v: Vpc, cidr: string): string => `vpc-cidr-assoc-${derivedHex(`${v.vpcId}/${cidr}`, 17)}`;
const dhcpOptionsId = (v: Vpc): string => `dopt-${derivedHex(v.ownerId, 17)}`;

export const renderVpc = (_world: World, v: Vpc) => ({
  vpcId: v.vpcId,
  ownerId: v.ownerId,
  state: v.state,
  cidrBlock: v.cidrBlock,
  cidrBlockAssociationSet: items(
    vpcCidrs(v).map((c) => ({ associationId: cidrAssociationId(v, c), cidrBlock: c, cidrBlockState: { state: 'associated' } })),
  ),
  ipv6CidrBlockAssociationSet: items(
    (v.ipv6CidrBlocks ?? []).map((c) => ({
      associationId: cidrAssociationId(v, c),
      ipv6CidrBlock: c,
      ipv6CidrBlockState: { state: 'associated' },
    })),
  ),
  dhcpOptionsId: dhcpOptionsId(v),
  instanceTenancy: 'default',
  isDefault: v.isDefault,
  blockPublicAccessStates: { internetGatewayBlockMode: 'off' },
  tagSet: tagSet(v.tags),
});

export const vpcOperations: Ec2OperationTable = {
  DescribeVpcs: operation({
    parse: (p) => parseDescribe(p, 'VpcId'),
    run: ({ world }, input) => {
      const all = applyFilters(describeVpcs(world, input.ids), input.filters, vpcFilters, (v) => v.tags);
      const { page: vpcs, nextToken } = page(all, input, { min: 5, max: 1000 });
      return { vpcSet: items(vpcs.map((v) => renderVpc(world, v))), nextToken };
    },
    notFound: (input) =>
      input.ids.length ? ec2Error('InvalidVpcID.NotFound', `The vpc ID '${input.ids[0]}' does not exist`) : { vpcSet: '' },
  }),
};
