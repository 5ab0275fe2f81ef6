// Network ACLs on the wire: Create/DeleteNetworkAcl, Create/Replace/DeleteNetworkAclEntry,
// ReplaceNetworkAclAssociation and DescribeNetworkAcls. DescribeNetworkAcls filters: network-acl-id, vpc-id, default, owner-id,
// association.association-id, association.network-acl-id, association.subnet-id, entry.cidr,
// entry.egress, entry.icmp.code, entry.icmp.type, entry.port-range.from, entry.port-range.to,
// entry.ipv6-cidr, entry.protocol, entry.rule-action, entry.rule-number, tag:<k>, tag-key. Entries are IPv4
// (`CidrBlock`) or IPv6 (`Ipv6CidrBlock`); the entry element comes from src/shapes/ec2.
// Mock note: a new ACL gets only the IPv4 `*` entries (EC2 adds the IPv6 ones at 32768 in a dual-stack VPC).
import {
  createNetworkAcl,
  createNetworkAclEntry,
  deleteNetworkAcl,
  deleteNetworkAclEntry,
  describeNetworkAcls,
  ec2Error,
  getNetworkAcl,
  replaceNetworkAclAssociation,
  replaceNetworkAclEntry,
  type NaclEntry,
  type NetworkAcl,
} from '../../../src/world';
import type { QueryParams } from '../protocols/query-params';
import { items, type XmlObject } from '../protocols/ec2-xml';
import { naclEntryShape } from '../../../src/shapes/ec2';
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
  'entry.ipv6-cidr': entries((e) => e.ipv6CidrBlock),
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
  entrySet: items(a.entries.map((e) => naclEntryShape(e) as XmlObject)),
  associationSet: items(
    a.associations.map((x) => ({ networkAclAssociationId: x.networkAclAssociationId, networkAclId: x.networkAclId, subnetId: x.subnetId })),
  ),
  tagSet: tagSet(a.tags),
  ownerId: a.ownerId,
});

const aclNotFound = (id: string) => ec2Error('InvalidNetworkAclID.NotFound', `The network ACL '${id}' does not exist`);

/** `CidrBlock` or `Ipv6CidrBlock` (exactly one: the world says so when both or neither are given). */
function cidrOf(p: QueryParams): { cidrBlock?: string; ipv6CidrBlock?: string } {
  const v4 = p.str('CidrBlock');
  const v6 = p.str('Ipv6CidrBlock');
  if (v4 === undefined && v6 === undefined)
    throw ec2Error('MissingParameter', 'The request must contain the parameter CidrBlock or Ipv6CidrBlock');
  return { ...(v4 !== undefined ? { cidrBlock: v4 } : {}), ...(v6 !== undefined ? { ipv6CidrBlock: v6 } : {}) };
}

/** CreateNetworkAclEntry / ReplaceNetworkAclEntry: the entry, with `Icmp.Type/Code` and `PortRange.From/To`. */
function parseEntry(p: QueryParams): { networkAclId: string; entry: NaclEntry } {
  const ruleAction = p.required('RuleAction');
  if (ruleAction !== 'allow' && ruleAction !== 'deny')
    throw ec2Error('InvalidParameterValue', `Value (${ruleAction}) for parameter ruleAction is invalid. Expected allow or deny.`);
  const icmp = p.struct('Icmp');
  const ports = p.struct('PortRange');
  const type = icmp?.int('Type');
  const code = icmp?.int('Code');
  const from = ports?.int('From');
  const to = ports?.int('To');
  const ruleNumber = p.int('RuleNumber');
  if (ruleNumber === undefined) throw ec2Error('MissingParameter', 'The request must contain the parameter RuleNumber');
  return {
    networkAclId: p.required('NetworkAclId'),
    entry: {
      ruleNumber,
      protocol: p.required('Protocol'),
      ruleAction,
      egress: p.bool('Egress') ?? false,
      ...cidrOf(p),
      ...(icmp ? { icmpTypeCode: { type: type ?? -1, code: code ?? -1 } } : {}),
      ...(ports ? { portRange: { from: from ?? 0, to: to ?? 65535 } } : {}),
    },
  };
}

export const networkAclOperations: Ec2OperationTable = {
  CreateNetworkAcl: operation({
    parse: (p) => ({
      vpcId: p.required('VpcId'),
      clientToken: p.str('ClientToken'),
      tags: p.tagSpecifications(['network-acl']).flatMap((t) => t.tags),
    }),
    run: ({ world }, input) => ({
      networkAcl: renderNetworkAcl(createNetworkAcl(world, { vpcId: input.vpcId, tags: input.tags })),
      clientToken: input.clientToken,
    }),
  }),
  DeleteNetworkAcl: operation<string>({
    parse: (p) => p.required('NetworkAclId'),
    run: ({ world }, id) => {
      deleteNetworkAcl(world, id);
      return { return: true };
    },
    notFound: aclNotFound,
  }),
  CreateNetworkAclEntry: operation({
    parse: parseEntry,
    run: ({ world }, input) => {
      createNetworkAclEntry(world, input.networkAclId, input.entry);
      return { return: true };
    },
    notFound: (input) => aclNotFound(input.networkAclId),
  }),
  ReplaceNetworkAclEntry: operation({
    parse: parseEntry,
    run: ({ world }, input) => {
      replaceNetworkAclEntry(world, input.networkAclId, input.entry);
      return { return: true };
    },
    notFound: (input) => aclNotFound(input.networkAclId),
  }),
  DeleteNetworkAclEntry: operation({
    parse: (p) => {
      const ruleNumber = p.int('RuleNumber');
      if (ruleNumber === undefined) throw ec2Error('MissingParameter', 'The request must contain the parameter RuleNumber');
      return { networkAclId: p.required('NetworkAclId'), ruleNumber, egress: p.bool('Egress') ?? false };
    },
    run: ({ world }, input) => {
      deleteNetworkAclEntry(world, input.networkAclId, input.ruleNumber, input.egress);
      return { return: true };
    },
    notFound: (input) => aclNotFound(input.networkAclId),
  }),
  ReplaceNetworkAclAssociation: operation({
    parse: (p) => ({ associationId: p.required('AssociationId'), networkAclId: p.required('NetworkAclId') }),
    run: ({ world }, input) => {
      getNetworkAcl(world, input.networkAclId);
      return { newAssociationId: replaceNetworkAclAssociation(world, input.associationId, input.networkAclId) };
    },
    notFound: (input) => aclNotFound(input.networkAclId),
  }),
  DescribeNetworkAcls: operation({
    parse: (p) => parseDescribe(p, 'NetworkAclId'),
    run: ({ world }, input) => {
      const all = applyFilters(describeNetworkAcls(world, input.ids), input.filters, networkAclFilters, (a) => a.tags);
      const { page: acls, nextToken } = page(all, input, { min: 5, max: 100 });
      return { networkAclSet: items(acls.map(renderNetworkAcl)), nextToken };
    },
    notFound: (input) =>
      input.ids.length
        ? ec2Error('InvalidNetworkAclID.NotFound', `The network ACL '${input.ids[0]}' does not exist`)
        : { networkAclSet: '' },
  }),
};
