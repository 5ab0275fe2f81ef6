// Security group operations: create, delete (refused while in use), authorize and revoke rules
// (by permission or by rule id), describe.
import { ec2Error } from '../errors';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import { getVpc } from './vpcs';
import { settleInstances } from './instance-lifecycle';
import type { SecurityGroup, SecurityGroupRule } from './types';
import { expandPermissions, newRuleId, sameGrant, type IpPermission } from './security-group-rules';

export interface CreateSecurityGroupInput {
  groupName: string;
  description: string;
  vpcId: string;
  tags?: Tag[];
}

export function createSecurityGroup(world: World, input: CreateSecurityGroupInput): SecurityGroup {
  getVpc(world, input.vpcId);
  if (input.groupName === 'default') throw ec2Error('InvalidGroup.Reserved', "The security group 'default' is reserved");
  if (!input.groupName || input.groupName.length > 255)
    throw ec2Error('InvalidParameterValue', 'Invalid value for GroupName: it must be 1 to 255 characters.');
  if (!input.description) throw ec2Error('MissingParameter', 'The request must contain the parameter GroupDescription');
  for (const sg of world.ec2.securityGroups.values()) {
    if (sg.vpcId === input.vpcId && sg.groupName === input.groupName) {
      throw ec2Error('InvalidGroup.Duplicate', `The security group '${input.groupName}' already exists for VPC '${input.vpcId}'`);
    }
  }
  const sg: SecurityGroup = {
    groupId: world.ids.next('sg'),
    groupName: input.groupName,
    description: input.description,
    vpcId: input.vpcId,
    ownerId: world.accountId,
    tags: [...(input.tags ?? [])],
    rules: [],
  };
  // A new non-default SG gets the allow-all egress rule, as in EC2.
  sg.rules.push({
    securityGroupRuleId: newRuleId(world),
    groupId: sg.groupId,
    groupOwnerId: world.accountId,
    isEgress: true,
    ipProtocol: '-1',
    fromPort: -1,
    toPort: -1,
    cidrIpv4: '0.0.0.0/0',
    tags: [],
  });
  world.ec2.securityGroups.set(sg.groupId, sg);
  world.touch();
  return sg;
}

export const getSecurityGroup = (world: World, groupId: string): SecurityGroup =>
  mustGet(world.ec2.securityGroups, groupId, 'InvalidGroup.NotFound', 'security group');

/** DeleteSecurityGroup: refused for the default SG, for SGs on an ENI and SGs referenced by another SG's rule. */
export function deleteSecurityGroup(world: World, groupId: string): void {
  settleInstances(world);
  const sg = getSecurityGroup(world, groupId);
  if (sg.groupName === 'default') {
    throw ec2Error('CannotDelete', `the specified group: "${groupId}" name: "default" cannot be deleted by a user`);
  }
  for (const eni of world.ec2.networkInterfaces.values()) {
    if (eni.groupIds.includes(groupId))
      throw ec2Error('DependencyViolation', `resource ${groupId} has a dependent object (${eni.networkInterfaceId})`);
  }
  for (const other of world.ec2.securityGroups.values()) {
    if (other.groupId !== groupId && other.rules.some((r) => r.referencedGroupId === groupId)) {
      throw ec2Error('DependencyViolation', `resource ${groupId} has a dependent object (referenced by ${other.groupId})`);
    }
  }
  world.ec2.securityGroups.delete(groupId);
  world.touch();
}

function authorize(world: World, groupId: string, isEgress: boolean, permissions: readonly IpPermission[]): SecurityGroupRule[] {
  const sg = getSecurityGroup(world, groupId);
  const wanted = expandPermissions(world, groupId, isEgress, permissions);
  for (const w of wanted) {
    if (sg.rules.some((r) => sameGrant(r, w)) || wanted.filter((o) => sameGrant(o, w)).length > 1) {
      const peer = w.cidrIpv4 ?? w.referencedGroupId ?? w.prefixListId;
      throw ec2Error(
        'InvalidPermission.Duplicate',
        `the specified rule "peer: ${peer}, ${w.ipProtocol.toUpperCase()}, ALLOW" already exists`,
      );
    }
  }
  const created = wanted.map((w) => ({ ...w, securityGroupRuleId: newRuleId(world) }));
  sg.rules.push(...created);
  world.touch();
  return created;
}

export const authorizeSecurityGroupIngress = (world: World, groupId: string, permissions: readonly IpPermission[]): SecurityGroupRule[] =>
  authorize(world, groupId, false, permissions);

export const authorizeSecurityGroupEgress = (world: World, groupId: string, permissions: readonly IpPermission[]): SecurityGroupRule[] =>
  authorize(world, groupId, true, permissions);

export interface RevokeInput {
  permissions?: readonly IpPermission[];
  securityGroupRuleIds?: readonly string[];
}

function revoke(world: World, groupId: string, isEgress: boolean, input: RevokeInput): SecurityGroupRule[] {
  const sg = getSecurityGroup(world, groupId);
  const doomed = new Set<string>();
  for (const id of input.securityGroupRuleIds ?? []) {
    const rule = sg.rules.find((r) => r.securityGroupRuleId === id && r.isEgress === isEgress);
    if (!rule) throw ec2Error('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`);
    doomed.add(id);
  }
  if (input.permissions?.length) {
    for (const w of expandPermissions(world, groupId, isEgress, input.permissions)) {
      const rule = sg.rules.find((r) => sameGrant(r, w));
      if (!rule) {
        throw ec2Error('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
      }
      doomed.add(rule.securityGroupRuleId);
    }
  }
  if (doomed.size === 0) throw ec2Error('MissingParameter', 'Either IpPermissions or SecurityGroupRuleIds must be given.');
  const removed = sg.rules.filter((r) => doomed.has(r.securityGroupRuleId));
  sg.rules = sg.rules.filter((r) => !doomed.has(r.securityGroupRuleId));
  world.touch();
  return removed;
}

export const revokeSecurityGroupIngress = (world: World, groupId: string, input: RevokeInput): SecurityGroupRule[] =>
  revoke(world, groupId, false, input);

export const revokeSecurityGroupEgress = (world: World, groupId: string, input: RevokeInput): SecurityGroupRule[] =>
  revoke(world, groupId, true, input);

export function describeSecurityGroups(world: World, groupIds: readonly string[] = []): SecurityGroup[] {
  if (groupIds.length === 0) return [...world.ec2.securityGroups.values()];
  return groupIds.map((id) => getSecurityGroup(world, id));
}

export function describeSecurityGroupRules(world: World, groupIds: readonly string[] = []): SecurityGroupRule[] {
  return describeSecurityGroups(world, groupIds).flatMap((sg) => sg.rules);
}
