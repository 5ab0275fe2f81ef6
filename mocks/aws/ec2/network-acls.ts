// DescribeNetworkAcls on the wire. Filters: network-acl-id, vpc-id, default, owner-id,
// association.association-id, association.network-acl-id, association.subnet-id, entry.cidr,
// entry.egress, entry.icmp.code, entry.icmp.type, entry.port-range.from, entry.port-range.to,
// entry.protocol, entry.rule-action, entry.rule-number, tag:<k>, tag-key.
// Mock note: no IPv6 entries.
import { describeNetworkAcls, ec2Error, type NaclEntry, type NetworkAcl } from '../../../src/world';
import { items } from '../protocols/ec2-xml';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { parseDescribe, tagSet } from './render';

const entries = (f: (e: NaclEntry) => string | number | boolean | undefined) => (acl: NetworkAcl) => acl.entries.map(f);

export const networkAclFilters: FilterTable<NetworkAcl> = {
  'network-acl-id': (a) => a.networkAclId,
  'vpc-id': (a) => a.vpcId,
  default: (a) => a.isDefault,
  'owner-id': (a) => a.ownerId,
  'association.association-id': (a) => a.associations.map((x) => x.networkAclAssociationId),
  'association.network-acl-id': (a) => a.associations.map((x) => x.networkAclId),
  'association.subnet-id': (a) => a.associations.map((x) => x.subnetId),
  'entry.cidr': entries((e) => e.cidrBlock),
  'entry.egress': entries((e) => e.egress),
  'entry.icmp.code': entries((e) => e.icmpTypeCode?.code),
  'entry.icmp.type': entries((e) => e.icmpTypeCode?.type),
  'entry.port-range.from': entries((e) => e.portRange?.from),
  'entry.port-range.to': entries((e) => e.portRange?.to),
  'entry.protocol': entries((e) => e.protocol),
  'entry.rule-action': entries((e) => e.ruleAction),
  'entry.rule-number': entries((e) => e.ruleNumber),
};

export const renderNetworkAcl = (a: NetworkAcl) => ({
  networkAclId: a.networkAclId,
  vpcId: a.vpcId,
  default: a.isDefault,
  entrySet: items(
    a.entries.map((e) => ({
      ruleNumber: e.ruleNumber,
      protocol: e.protocol,
      ruleAction: e.ruleAction,
      egress: e.egress,
      cidrBlock: e.cidrBlock,
      icmpTypeCode: e.icmpTypeCode ? { code: e.icmpTypeCode.code, type: e.icmpTypeCode.type } : undefined,
      portRange: e.portRange ? { from: e.portRange.from, to: e.portRange.to } : undefined,
    })),
  ),
  associationSet: items(a.associations.map((x) => ({ networkAclAssociationId: x.networkAclAssociationId, networkAclId: x.networkAclId, subnetId: x.subnetId }))),
  tagSet: tagSet(a.tags),
  ownerId: a.ownerId,
});

export const networkAclOperations: Ec2OperationTable = {
  DescribeNetworkAcls: operation({
    parse: (p) => parseDescribe(p, 'NetworkAclId'),
    run: ({ world }, input) => {
      const all = applyFilters(describeNetworkAcls(world, input.ids), input.filters, networkAclFilters, (a) => a.tags);
      const { page: acls, nextToken } = page(all, input, { min: 5, max: 100 });
      return { networkAclSet: items(acls.map(renderNetworkAcl)), nextToken };
    },
    notFound: (input) => (input.ids.length ? ec2Error('InvalidNetworkAclID.NotFound', `The network ACL '${input.ids[0]}' does not exist`) : { networkAclSet: '' }),
  }),
};
