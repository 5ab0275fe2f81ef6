// Security group rules on the wire: DescribeSecurityGroupRules (filters: group-id,
// security-group-rule-id, tag:<k>, tag-key, as EC2 documents), the `securityGroupRuleSet` item that
// Authorize returns too, and the IpPermission shape of Authorize/Revoke requests, including the
// legacy flat form (IpProtocol, FromPort, ToPort, CidrIp, SourceSecurityGroupName at the top level).
// The rule element is src/shapes/ec2's. Mock note: a referenced group must exist in this world (EC2 also
// accepts groups of peered VPCs and other accounts).
import {
  describeSecurityGroupRules,
  ec2Error,
  type IpPermission,
  type SecurityGroup,
  type SecurityGroupRule,
  type World,
} from '../../../src/world';
import { items, type XmlObject } from '../protocols/ec2-xml';
import { securityGroupRuleShape } from '../../../src/shapes/ec2';
import type { QueryParams } from '../protocols/query-params';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { parseDescribe, tagSet } from './render';

export const securityGroupRuleFilters: FilterTable<SecurityGroupRule> = {
  'group-id': (r) => r.groupId,
  'security-group-rule-id': (r) => r.securityGroupRuleId,
};

/** A `securityGroupRuleSet` item: the rule's shape (src/shapes/ec2) with its tags as a `tagSet`. */
export const renderSecurityGroupRule = (world: World, r: SecurityGroupRule): XmlObject => {
  const { tags, referencedGroupInfo, ...rest } = securityGroupRuleShape(world, r);
  return { ...rest, ...(referencedGroupInfo ? { referencedGroupInfo: { ...referencedGroupInfo } } : {}), tagSet: tagSet(tags) };
};

/** Finds a security group by name where EC2 allows it: in the VPC given, else in the default VPC. */
export function groupByName(world: World, name: string, vpcId?: string): SecurityGroup {
  const defaultVpc = [...world.ec2.vpcs.values()].find((v) => v.isDefault);
  const inVpc = vpcId ?? defaultVpc?.vpcId;
  const sg = [...world.ec2.securityGroups.values()].find((g) => g.groupName === name && g.vpcId === inVpc);
  if (!sg)
    throw ec2Error('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC '${defaultVpc?.vpcId ?? 'none'}'`);
  return sg;
}

/** The target group of Authorize/Revoke/Delete: `GroupId`, or `GroupName` in the default VPC. */
export function targetGroupId(world: World, p: QueryParams): string {
  const id = p.str('GroupId');
  const name = p.str('GroupName');
  if (id !== undefined) return id;
  if (name !== undefined) return groupByName(world, name).groupId;
  throw ec2Error('MissingParameter', 'The request must contain the parameter groupName or groupId');
}

function parsePermission(world: World, q: QueryParams, vpcId: string | undefined): IpPermission {
  const fromPort = q.int('FromPort');
  const toPort = q.int('ToPort');
  const descriptionOf = (x: QueryParams) => {
    const d = x.str('Description');
    return d !== undefined ? { description: d } : {};
  };
  return {
    ipProtocol: q.required('IpProtocol'),
    ...(fromPort !== undefined ? { fromPort } : {}),
    ...(toPort !== undefined ? { toPort } : {}),
    ipRanges: q.list('IpRanges').map((r) => ({ cidrIp: r.required('CidrIp'), ...descriptionOf(r) })),
    ipv6Ranges: q.list('Ipv6Ranges').map((r) => ({ cidrIpv6: r.required('CidrIpv6'), ...descriptionOf(r) })),
    userIdGroupPairs: q.list('Groups').map((g) => {
      g.str('UserId');
      g.str('VpcId');
      const id = g.str('GroupId');
      const name = g.str('GroupName');
      const groupId = id ?? (name !== undefined ? groupByName(world, name, vpcId).groupId : undefined);
      if (groupId === undefined) throw ec2Error('MissingParameter', 'A source group needs GroupId or GroupName.');
      return { groupId, ...descriptionOf(g) };
    }),
    prefixListIds: q.list('PrefixListIds').map((pl) => ({ prefixListId: pl.required('PrefixListId'), ...descriptionOf(pl) })),
  };
}

/** `IpPermissions.N…`, or the legacy flat form; the group's VPC resolves source group names. */
export function parsePermissions(world: World, p: QueryParams, groupId: string): IpPermission[] {
  const vpcId = world.ec2.securityGroups.get(groupId)?.vpcId;
  if (p.has('IpPermissions')) return p.list('IpPermissions').map((q) => parsePermission(world, q, vpcId));
  const protocol = p.str('IpProtocol');
  const cidr = p.str('CidrIp');
  const sourceName = p.str('SourceSecurityGroupName');
  p.str('SourceSecurityGroupOwnerId');
  if (protocol === undefined && cidr === undefined && sourceName === undefined) return [];
  const fromPort = p.int('FromPort');
  const toPort = p.int('ToPort');
  return [
    {
      ipProtocol: protocol ?? '-1',
      ...(fromPort !== undefined ? { fromPort } : {}),
      ...(toPort !== undefined ? { toPort } : {}),
      ipRanges: cidr !== undefined ? [{ cidrIp: cidr }] : [],
      userIdGroupPairs: sourceName !== undefined ? [{ groupId: groupByName(world, sourceName, vpcId).groupId }] : [],
    },
  ];
}

export const securityGroupRuleOperations: Ec2OperationTable = {
  DescribeSecurityGroupRules: operation({
    parse: (p) => parseDescribe(p, 'SecurityGroupRuleId'),
    run: ({ world }, input) => {
      let rules = describeSecurityGroupRules(world);
      if (input.ids.length) {
        rules = input.ids.map(
          (id) =>
            rules.find((r) => r.securityGroupRuleId === id) ??
            (() => {
              throw ec2Error('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`);
            })(),
        );
      }
      const all = applyFilters(rules, input.filters, securityGroupRuleFilters, (r) => r.tags);
      const { page: shown, nextToken } = page(all, input, { min: 5, max: 1000 });
      return { securityGroupRuleSet: items(shown.map((r) => renderSecurityGroupRule(world, r))), nextToken };
    },
    notFound: (input) =>
      input.ids.length
        ? ec2Error('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${input.ids[0]}' does not exist`)
        : { securityGroupRuleSet: '' },
  }),
};
