// Security groups on the wire: Create, Delete (refused while an ENI wears the group or a rule
// references it), Describe, Authorize/Revoke Ingress/Egress (by permission or by rule id).
// DescribeSecurityGroups filters: group-id, group-name, description, vpc-id, owner-id,
// ip-permission.{cidr,from-port,to-port,protocol,group-id,group-name,prefix-list-id,user-id} and the
// same under egress.ip-permission., tag:<k>, tag-key.
// Mock notes: GroupName (not the filter) finds groups of a default VPC only, as in EC2; rules are
// grouped into IpPermissions by protocol and ports, in the order they were authorized.
import {
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  deleteSecurityGroup,
  describeSecurityGroups,
  ec2Error,
  getSecurityGroup,
  revokeSecurityGroupEgress,
  revokeSecurityGroupIngress,
  type IpPermission,
  type SecurityGroup,
  type SecurityGroupRule,
  type Tag,
  type World,
} from '../../../src/world';
import { items, type XmlObject } from '../protocols/ec2-xml';
import { ipPermissionsOf } from '../../../src/shapes/ec2';
import type { QueryParams } from '../protocols/query-params';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { arn, parseDescribe, tagSet } from './render';
import { groupByName, parsePermissions, renderSecurityGroupRule, targetGroupId } from './security-group-rules';

function permissionFilters(world: World, egress: boolean): FilterTable<SecurityGroup> {
  const rules = (sg: SecurityGroup) => sg.rules.filter((r) => r.isEgress === egress);
  const of = (f: (r: SecurityGroupRule) => string | number | undefined) => (sg: SecurityGroup) => rules(sg).map(f);
  const prefix = egress ? 'egress.ip-permission.' : 'ip-permission.';
  return {
    [`${prefix}cidr`]: of((r) => r.cidrIpv4),
    [`${prefix}from-port`]: of((r) => r.fromPort),
    [`${prefix}to-port`]: of((r) => r.toPort),
    [`${prefix}protocol`]: of((r) => r.ipProtocol),
    [`${prefix}group-id`]: of((r) => r.referencedGroupId),
    [`${prefix}group-name`]: of((r) => (r.referencedGroupId ? world.ec2.securityGroups.get(r.referencedGroupId)?.groupName : undefined)),
    [`${prefix}prefix-list-id`]: of((r) => r.prefixListId),
    [`${prefix}user-id`]: of((r) => (r.referencedGroupId ? world.ec2.securityGroups.get(r.referencedGroupId)?.ownerId : undefined)),
    [`${prefix}ipv6-cidr`]: of((r) => r.cidrIpv6),
  };
}

export const securityGroupFilters = (world: World): FilterTable<SecurityGroup> => ({
  'group-id': (sg) => sg.groupId,
  'group-name': (sg) => sg.groupName,
  description: (sg) => sg.description,
  'vpc-id': (sg) => sg.vpcId,
  'owner-id': (sg) => sg.ownerId,
  ...permissionFilters(world, false),
  ...permissionFilters(world, true),
});

/** Rules grouped into IpPermissions (src/shapes/ec2), as DescribeSecurityGroups shows them; the XML calls the pairs `groups`. */
function ipPermissions(world: World, rules: readonly SecurityGroupRule[]) {
  return items(
    ipPermissionsOf(world, rules).map((p) => ({
      ipProtocol: p.ipProtocol,
      ...(p.fromPort !== undefined ? { fromPort: p.fromPort, toPort: p.toPort } : {}),
      groups: items(p.userIdGroupPairs.map((g) => ({ ...g }))),
      ipRanges: items(p.ipRanges.map((r) => ({ ...r }))),
      ipv6Ranges: items(p.ipv6Ranges.map((r) => ({ ...r }))),
      prefixListIds: items(p.prefixListIds.map((r) => ({ ...r }))),
    })),
  );
}

export const renderSecurityGroup = (world: World, sg: SecurityGroup): XmlObject => ({
  ownerId: sg.ownerId,
  groupId: sg.groupId,
  groupName: sg.groupName,
  groupDescription: sg.description,
  ipPermissions: ipPermissions(
    world,
    sg.rules.filter((r) => !r.isEgress),
  ),
  ipPermissionsEgress: ipPermissions(
    world,
    sg.rules.filter((r) => r.isEgress),
  ),
  vpcId: sg.vpcId,
  securityGroupArn: arn(world, 'security-group', sg.groupId, sg.ownerId),
  tagSet: tagSet(sg.tags),
});

const groupNotFound = (id: string | undefined) => ec2Error('InvalidGroup.NotFound', `The security group '${id ?? '?'}' does not exist`);

interface ChangeInput {
  groupId: string;
  permissions: IpPermission[];
  ruleIds: string[];
  ruleTags: Tag[];
}

function parseChange(p: QueryParams, world: World, withRuleIds: boolean, withTags: boolean): ChangeInput {
  const groupId = targetGroupId(world, p);
  return {
    groupId,
    permissions: parsePermissions(world, p, groupId),
    ruleIds: withRuleIds ? p.strings('SecurityGroupRuleId') : [],
    ruleTags: withTags ? p.tagSpecifications(['security-group-rule']).flatMap((s) => s.tags) : [],
  };
}

function authorizeOperation(egress: boolean) {
  return operation({
    parse: (p, { world }) => parseChange(p, world, false, true),
    run: ({ world }, input) => {
      if (input.permissions.length === 0) throw ec2Error('MissingParameter', 'The request must contain the parameter ipPermissions');
      const created = (egress ? authorizeSecurityGroupEgress : authorizeSecurityGroupIngress)(world, input.groupId, input.permissions);
      for (const r of created) r.tags = [...input.ruleTags];
      return { return: true, securityGroupRuleSet: items(created.map((r) => renderSecurityGroupRule(world, r))) };
    },
    notFound: (input) => groupNotFound(input.groupId),
  });
}

function revokeOperation(egress: boolean) {
  return operation({
    parse: (p, { world }) => parseChange(p, world, true, false),
    run: ({ world }, input) => {
      const removed = (egress ? revokeSecurityGroupEgress : revokeSecurityGroupIngress)(world, input.groupId, {
        permissions: input.permissions,
        securityGroupRuleIds: input.ruleIds,
      });
      return {
        return: true,
        revokedSecurityGroupRuleSet: items(
          removed.map((r) => ({
            securityGroupRuleId: r.securityGroupRuleId,
            groupId: r.groupId,
            isEgress: r.isEgress,
            ipProtocol: r.ipProtocol,
            fromPort: r.fromPort,
            toPort: r.toPort,
            cidrIpv4: r.cidrIpv4,
            cidrIpv6: r.cidrIpv6,
            prefixListId: r.prefixListId,
            referencedGroupId: r.referencedGroupId,
            description: r.description,
          })),
        ),
      };
    },
    notFound: (input) => groupNotFound(input.groupId),
  });
}

export const securityGroupOperations: Ec2OperationTable = {
  CreateSecurityGroup: operation({
    parse: (p) => ({
      groupName: p.required('GroupName'),
      description: p.required('GroupDescription'),
      vpcId: p.str('VpcId'),
      tags: p.tagSpecifications(['security-group']).flatMap((s) => s.tags),
    }),
    run: ({ world }, input) => {
      const vpcId = input.vpcId ?? [...world.ec2.vpcs.values()].find((v) => v.isDefault)?.vpcId;
      if (vpcId === undefined) throw ec2Error('VPCIdNotSpecified', 'No default VPC for this user');
      const sg = createSecurityGroup(world, { groupName: input.groupName, description: input.description, vpcId, tags: input.tags });
      return {
        return: true,
        groupId: sg.groupId,
        securityGroupArn: arn(world, 'security-group', sg.groupId, sg.ownerId),
        tagSet: tagSet(sg.tags),
      };
    },
  }),
  DeleteSecurityGroup: operation<string>({
    parse: (p, { world }) => targetGroupId(world, p),
    run: ({ world }, groupId) => {
      getSecurityGroup(world, groupId);
      deleteSecurityGroup(world, groupId);
      return { return: true, groupId };
    },
    notFound: groupNotFound,
  }),
  DescribeSecurityGroups: operation({
    parse: (p) => ({ ...parseDescribe(p, 'GroupId'), names: p.strings('GroupName') }),
    run: ({ world }, input) => {
      const groups = input.names.length
        ? [...describeSecurityGroups(world, input.ids), ...input.names.map((n) => groupByName(world, n))]
        : describeSecurityGroups(world, input.ids);
      const all = applyFilters(groups, input.filters, securityGroupFilters(world), (sg) => sg.tags);
      const idsGiven = input.ids.length ? 'groupIdSet' : input.names.length ? 'groupNameSet' : undefined;
      const { page: shown, nextToken } = page(all, input, { min: 5, max: 1000, ...(idsGiven ? { idsGiven } : {}) });
      return { securityGroupInfo: items(shown.map((sg) => renderSecurityGroup(world, sg))), nextToken };
    },
    notFound: (input) => (input.ids.length ? groupNotFound(input.ids[0]) : { securityGroupInfo: '' }),
  }),
  AuthorizeSecurityGroupIngress: authorizeOperation(false),
  AuthorizeSecurityGroupEgress: authorizeOperation(true),
  RevokeSecurityGroupIngress: revokeOperation(false),
  RevokeSecurityGroupEgress: revokeOperation(true),
};
