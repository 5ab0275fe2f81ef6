// Unit tests for security group operations: create, authorize, revoke, delete.
import { looksLikeId } from '../ids';
import { expectWorldError, newWorldWithVpc } from '../test-support';
import {
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  deleteSecurityGroup,
  describeSecurityGroupRules,
  describeSecurityGroups,
  getSecurityGroup,
  revokeSecurityGroupEgress,
  revokeSecurityGroupIngress,
} from './security-groups';
import { createVpc } from './vpcs';
import { createManagedPrefixList } from './prefix-lists';
import { createNetworkInterface, deleteNetworkInterface } from './network-interfaces';
import { describeInstances, runInstances, terminateInstances } from './instances';

const withCustomSg = () => {
  const base = newWorldWithVpc();
  const sg = createSecurityGroup(base.world, { groupName: 'CJ-SG', description: 'allow all', vpcId: base.vpc.vpcId });
  return { ...base, sg };
};

const icmpFrom = (cidrIp: string) => ({ ipProtocol: 'icmp', fromPort: -1, toPort: -1, ipRanges: [{ cidrIp }] });

describe('createSecurityGroup', () => {
  it('returns a group with a real-looking id, name, description, VPC and owner', () => {
    const { world, vpc, sg } = withCustomSg();
    expect(looksLikeId('sg', sg.groupId)).toBe(true);
    expect(sg).toMatchObject({ groupName: 'CJ-SG', description: 'allow all', vpcId: vpc.vpcId, ownerId: world.accountId });
    expect(getSecurityGroup(world, sg.groupId)).toBe(sg);
  });

  it('gives a new custom group only the allow-all egress rule', () => {
    const { world, sg } = withCustomSg();
    expect(sg.rules).toEqual([
      {
        securityGroupRuleId: expect.stringMatching(/^sgr-[0-9a-f]{17}$/),
        groupId: sg.groupId,
        groupOwnerId: world.accountId,
        isEgress: true,
        ipProtocol: '-1',
        fromPort: -1,
        toPort: -1,
        cidrIpv4: '0.0.0.0/0',
        tags: [],
      },
    ]);
  });

  it('rejects a second group of the same name in the VPC with InvalidGroup.Duplicate', () => {
    const { world, vpc } = withCustomSg();
    expectWorldError(world, () => createSecurityGroup(world, { groupName: 'CJ-SG', description: 'again', vpcId: vpc.vpcId }), {
      code: 'InvalidGroup.Duplicate',
      message: `The security group 'CJ-SG' already exists for VPC '${vpc.vpcId}'`,
    });
  });

  it('allows the same name in another VPC', () => {
    const { world } = withCustomSg();
    const other = createVpc(world, { cidrBlock: '172.31.0.0/16' });
    expect(createSecurityGroup(world, { groupName: 'CJ-SG', description: 'x', vpcId: other.vpcId }).vpcId).toBe(other.vpcId);
  });

  it("reserves the name 'default'", () => {
    const { world, vpc } = newWorldWithVpc();
    expectWorldError(world, () => createSecurityGroup(world, { groupName: 'default', description: 'x', vpcId: vpc.vpcId }), {
      code: 'InvalidGroup.Reserved',
      message: "The security group 'default' is reserved",
    });
  });

  it('requires a description', () => {
    const { world, vpc } = newWorldWithVpc();
    expectWorldError(world, () => createSecurityGroup(world, { groupName: 'x', description: '', vpcId: vpc.vpcId }), {
      code: 'MissingParameter',
      message: 'GroupDescription',
    });
  });

  it('fails for an unknown VPC with InvalidVpcID.NotFound', () => {
    const { world } = newWorldWithVpc();
    expectWorldError(world, () => createSecurityGroup(world, { groupName: 'x', description: 'x', vpcId: 'vpc-00000000000000000' }), {
      code: 'InvalidVpcID.NotFound',
      message: 'does not exist',
    });
  });
});

describe('authorizeSecurityGroupIngress', () => {
  it('adds a rule from a CIDR and returns it with a rule id', () => {
    const { world, sg } = withCustomSg();
    const [rule, ...rest] = authorizeSecurityGroupIngress(world, sg.groupId, [
      { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: [{ cidrIp: '192.168.100.0/24', description: 'ssh from VM' }] },
    ]);
    expect(rest).toEqual([]);
    expect(rule).toEqual({
      securityGroupRuleId: expect.stringMatching(/^sgr-[0-9a-f]{17}$/),
      groupId: sg.groupId,
      groupOwnerId: world.accountId,
      isEgress: false,
      ipProtocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      cidrIpv4: '192.168.100.0/24',
      description: 'ssh from VM',
      tags: [],
    });
    expect(describeSecurityGroupRules(world, [sg.groupId])).toContainEqual(rule);
  });

  it('adds a rule referencing another group (the article fix: CJ-SG as a source of the default SG)', () => {
    const { world, sg, defaultSg } = withCustomSg();
    const [rule] = authorizeSecurityGroupIngress(world, defaultSg.groupId, [
      { ipProtocol: '-1', userIdGroupPairs: [{ groupId: sg.groupId }] },
    ]);
    expect(rule).toMatchObject({
      groupId: defaultSg.groupId,
      isEgress: false,
      ipProtocol: '-1',
      fromPort: -1,
      toPort: -1,
      referencedGroupId: sg.groupId,
    });
    expect(rule!.cidrIpv4).toBeUndefined();
    expect(
      getSecurityGroup(world, defaultSg.groupId)
        .rules.filter((r) => !r.isEgress)
        .map((r) => r.referencedGroupId),
    ).toEqual([defaultSg.groupId, sg.groupId]);
  });

  it('adds a rule from a managed prefix list', () => {
    const { world, sg } = withCustomSg();
    const pl = createManagedPrefixList(world, { prefixListName: 'sddc', entries: [{ cidr: '192.168.100.0/24' }] });
    const [rule] = authorizeSecurityGroupIngress(world, sg.groupId, [
      { ipProtocol: 'icmp', fromPort: 8, toPort: -1, prefixListIds: [{ prefixListId: pl.prefixListId }] },
    ]);
    expect(rule).toMatchObject({ ipProtocol: 'icmp', fromPort: 8, toPort: -1, prefixListId: pl.prefixListId });
  });

  it('makes one rule per source of a permission', () => {
    const { world, sg } = withCustomSg();
    const rules = authorizeSecurityGroupIngress(world, sg.groupId, [
      { ipProtocol: 'udp', fromPort: 53, toPort: 53, ipRanges: [{ cidrIp: '10.0.0.0/16' }, { cidrIp: '10.1.0.0/16' }] },
    ]);
    expect(rules.map((r) => r.cidrIpv4)).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
    expect(new Set(rules.map((r) => r.securityGroupRuleId)).size).toBe(2);
  });

  it('stores protocol numbers 1/6/17 by name', () => {
    const { world, sg } = withCustomSg();
    const [rule] = authorizeSecurityGroupIngress(world, sg.groupId, [
      { ipProtocol: '6', fromPort: 443, toPort: 443, ipRanges: [{ cidrIp: '0.0.0.0/0' }] },
    ]);
    expect(rule!.ipProtocol).toBe('tcp');
  });

  it('accepts ICMP echo request (type 8, any code)', () => {
    const { world, sg } = withCustomSg();
    const [rule] = authorizeSecurityGroupIngress(world, sg.groupId, [
      { ipProtocol: 'icmp', fromPort: 8, toPort: -1, ipRanges: [{ cidrIp: '10.0.0.0/8' }] },
    ]);
    expect(rule).toMatchObject({ ipProtocol: 'icmp', fromPort: 8, toPort: -1 });
  });

  it('rejects an ICMP type or code above 255 with InvalidParameterValue', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(
      world,
      () =>
        authorizeSecurityGroupIngress(world, sg.groupId, [
          { ipProtocol: 'icmp', fromPort: 256, toPort: 0, ipRanges: [{ cidrIp: '10.0.0.0/8' }] },
        ]),
      {
        code: 'InvalidParameterValue',
        message: 'ICMP type 256 code 0 is out of range.',
      },
    );
    expectWorldError(
      world,
      () =>
        authorizeSecurityGroupIngress(world, sg.groupId, [
          { ipProtocol: 'icmp', fromPort: 8, toPort: 300, ipRanges: [{ cidrIp: '10.0.0.0/8' }] },
        ]),
      {
        code: 'InvalidParameterValue',
        message: 'ICMP type 8 code 300 is out of range.',
      },
    );
  });

  it('rejects a grant that already exists with InvalidPermission.Duplicate', () => {
    const { world, sg } = withCustomSg();
    authorizeSecurityGroupIngress(world, sg.groupId, [icmpFrom('10.0.0.0/16')]);
    expectWorldError(world, () => authorizeSecurityGroupIngress(world, sg.groupId, [icmpFrom('10.0.0.0/16')]), {
      code: 'InvalidPermission.Duplicate',
      message: 'the specified rule "peer: 10.0.0.0/16, ICMP, ALLOW" already exists',
    });
  });

  it('rejects the same grant twice in one request with InvalidPermission.Duplicate', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(world, () => authorizeSecurityGroupIngress(world, sg.groupId, [icmpFrom('10.0.0.0/16'), icmpFrom('10.0.0.0/16')]), {
      code: 'InvalidPermission.Duplicate',
      message: 'already exists',
    });
  });

  it('rejects the self-reference the default SG already has with InvalidPermission.Duplicate', () => {
    const { world, defaultSg } = newWorldWithVpc();
    expectWorldError(
      world,
      () =>
        authorizeSecurityGroupIngress(world, defaultSg.groupId, [{ ipProtocol: '-1', userIdGroupPairs: [{ groupId: defaultSg.groupId }] }]),
      {
        code: 'InvalidPermission.Duplicate',
        message: `peer: ${defaultSg.groupId}`,
      },
    );
  });

  it('treats ingress and egress grants as different rules', () => {
    const { world, sg } = withCustomSg();
    authorizeSecurityGroupIngress(world, sg.groupId, [icmpFrom('10.0.0.0/16')]);
    expect(authorizeSecurityGroupEgress(world, sg.groupId, [icmpFrom('10.0.0.0/16')])[0]!.isEgress).toBe(true);
  });

  it('rejects a malformed CIDR with InvalidParameterValue and adds nothing', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(world, () => authorizeSecurityGroupIngress(world, sg.groupId, [icmpFrom('10.0.0.0/16'), icmpFrom('10.0.0.300/32')]), {
      code: 'InvalidParameterValue',
      message: 'CIDR block 10.0.0.300/32 is malformed',
    });
  });

  it('rejects an unknown referenced group with InvalidGroup.NotFound', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(
      world,
      () =>
        authorizeSecurityGroupIngress(world, sg.groupId, [{ ipProtocol: '-1', userIdGroupPairs: [{ groupId: 'sg-00000000000000000' }] }]),
      {
        code: 'InvalidGroup.NotFound',
        message: "The security group 'sg-00000000000000000' does not exist",
      },
    );
  });

  it('rejects an unknown prefix list', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(
      world,
      () =>
        authorizeSecurityGroupIngress(world, sg.groupId, [{ ipProtocol: '-1', prefixListIds: [{ prefixListId: 'pl-00000000000000000' }] }]),
      {
        code: 'InvalidPrefixListId.NotFound',
        message: "'pl-00000000000000000' does not exist",
      },
    );
  });

  it('rejects an unknown target group with InvalidGroup.NotFound', () => {
    const { world } = newWorldWithVpc();
    expectWorldError(world, () => authorizeSecurityGroupIngress(world, 'sg-00000000000000000', [icmpFrom('10.0.0.0/16')]), {
      code: 'InvalidGroup.NotFound',
      message: "The security group 'sg-00000000000000000' does not exist",
    });
  });

  it('rejects a permission without any source with MissingParameter', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(world, () => authorizeSecurityGroupIngress(world, sg.groupId, [{ ipProtocol: '-1' }]), {
      code: 'MissingParameter',
      message: 'at least one source',
    });
  });

  it('rejects an unknown protocol name with InvalidParameterValue', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(
      world,
      () => authorizeSecurityGroupIngress(world, sg.groupId, [{ ipProtocol: 'sctpx', ipRanges: [{ cidrIp: '10.0.0.0/8' }] }]),
      {
        code: 'InvalidParameterValue',
        message: "Invalid value 'sctpx' for IP protocol",
      },
    );
  });
});

describe('revokeSecurityGroupIngress / Egress', () => {
  it('removes a rule given by its permission and returns it', () => {
    const { world, sg } = withCustomSg();
    const [rule] = authorizeSecurityGroupIngress(world, sg.groupId, [icmpFrom('10.0.0.0/16')]);
    expect(revokeSecurityGroupIngress(world, sg.groupId, { permissions: [icmpFrom('10.0.0.0/16')] })).toEqual([rule]);
    expect(getSecurityGroup(world, sg.groupId).rules.some((r) => r.securityGroupRuleId === rule!.securityGroupRuleId)).toBe(false);
  });

  it('removes a rule given by its SecurityGroupRuleId', () => {
    const { world, sg } = withCustomSg();
    const [rule] = authorizeSecurityGroupIngress(world, sg.groupId, [icmpFrom('10.0.0.0/16')]);
    revokeSecurityGroupIngress(world, sg.groupId, { securityGroupRuleIds: [rule!.securityGroupRuleId] });
    expect(getSecurityGroup(world, sg.groupId).rules.filter((r) => !r.isEgress)).toEqual([]);
  });

  it('removes the default allow-all egress rule by permission', () => {
    const { world, sg } = withCustomSg();
    revokeSecurityGroupEgress(world, sg.groupId, { permissions: [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }] });
    expect(getSecurityGroup(world, sg.groupId).rules).toEqual([]);
  });

  it('fails with InvalidSecurityGroupRuleId.NotFound for an unknown rule id', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(world, () => revokeSecurityGroupIngress(world, sg.groupId, { securityGroupRuleIds: ['sgr-00000000000000000'] }), {
      code: 'InvalidSecurityGroupRuleId.NotFound',
      message: "The security group rule ID 'sgr-00000000000000000' does not exist",
    });
  });

  it('fails with InvalidSecurityGroupRuleId.NotFound for an egress rule id given to revoke ingress', () => {
    const { world, sg } = withCustomSg();
    const egressId = sg.rules[0]!.securityGroupRuleId;
    expectWorldError(world, () => revokeSecurityGroupIngress(world, sg.groupId, { securityGroupRuleIds: [egressId] }), {
      code: 'InvalidSecurityGroupRuleId.NotFound',
      message: egressId,
    });
  });

  it('fails with InvalidPermission.NotFound for a permission the group does not have', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(world, () => revokeSecurityGroupIngress(world, sg.groupId, { permissions: [icmpFrom('10.9.0.0/16')] }), {
      code: 'InvalidPermission.NotFound',
      message: 'The specified rule does not exist in this security group.',
    });
  });

  it('removes nothing when one of several permissions is unknown', () => {
    const { world, sg } = withCustomSg();
    authorizeSecurityGroupIngress(world, sg.groupId, [icmpFrom('10.0.0.0/16')]);
    expectWorldError(
      world,
      () => revokeSecurityGroupIngress(world, sg.groupId, { permissions: [icmpFrom('10.0.0.0/16'), icmpFrom('10.9.0.0/16')] }),
      {
        code: 'InvalidPermission.NotFound',
        message: 'does not exist',
      },
    );
  });

  it('requires permissions or rule ids', () => {
    const { world, sg } = withCustomSg();
    expectWorldError(world, () => revokeSecurityGroupIngress(world, sg.groupId, {}), {
      code: 'MissingParameter',
      message: 'Either IpPermissions or SecurityGroupRuleIds',
    });
  });
});

describe('deleteSecurityGroup', () => {
  it('deletes an unused custom group', () => {
    const { world, sg } = withCustomSg();
    deleteSecurityGroup(world, sg.groupId);
    expectWorldError(world, () => getSecurityGroup(world, sg.groupId), {
      code: 'InvalidGroup.NotFound',
      message: `The security group '${sg.groupId}' does not exist`,
    });
  });

  it('refuses the default group with CannotDelete', () => {
    const { world, defaultSg } = newWorldWithVpc();
    expectWorldError(world, () => deleteSecurityGroup(world, defaultSg.groupId), {
      code: 'CannotDelete',
      message: `the specified group: "${defaultSg.groupId}" name: "default" cannot be deleted by a user`,
    });
  });

  it('refuses a group worn by an ENI with DependencyViolation, and deletes it once the ENI is gone', () => {
    const { world, subnet, sg } = withCustomSg();
    const eni = createNetworkInterface(world, { subnetId: subnet.subnetId, groupIds: [sg.groupId] });
    expectWorldError(world, () => deleteSecurityGroup(world, sg.groupId), {
      code: 'DependencyViolation',
      message: `resource ${sg.groupId} has a dependent object (${eni.networkInterfaceId})`,
    });
    deleteNetworkInterface(world, eni.networkInterfaceId);
    deleteSecurityGroup(world, sg.groupId);
    expect(describeSecurityGroups(world).map((g) => g.groupId)).not.toContain(sg.groupId);
  });

  it('refuses a group used by a running instance with DependencyViolation', () => {
    const { world, subnet, sg } = withCustomSg();
    const inst = runInstances(world, { imageId: 'ami-0123456789abcdef0', subnetId: subnet.subnetId, securityGroupIds: [sg.groupId] });
    expectWorldError(world, () => deleteSecurityGroup(world, sg.groupId), {
      code: 'DependencyViolation',
      message: `has a dependent object (${inst.networkInterfaceId})`,
    });
  });

  it('deletes the group once its instance is terminated (the instance ENI goes away)', () => {
    const { world, subnet, sg } = withCustomSg();
    const inst = runInstances(world, { imageId: 'ami-0123456789abcdef0', subnetId: subnet.subnetId, securityGroupIds: [sg.groupId] });
    terminateInstances(world, [inst.instanceId]);
    deleteSecurityGroup(world, sg.groupId);
    expect(describeSecurityGroups(world).map((g) => g.groupId)).not.toContain(sg.groupId);
    expect(describeInstances(world, [inst.instanceId])[0]!.state).toBe('terminated');
  });

  it("refuses a group referenced by another group's rule with DependencyViolation", () => {
    const { world, sg, defaultSg } = withCustomSg();
    authorizeSecurityGroupIngress(world, defaultSg.groupId, [{ ipProtocol: '-1', userIdGroupPairs: [{ groupId: sg.groupId }] }]);
    expectWorldError(world, () => deleteSecurityGroup(world, sg.groupId), {
      code: 'DependencyViolation',
      message: `resource ${sg.groupId} has a dependent object (referenced by ${defaultSg.groupId})`,
    });
  });

  it('deletes a group whose only reference is its own rule', () => {
    const { world, sg } = withCustomSg();
    authorizeSecurityGroupIngress(world, sg.groupId, [{ ipProtocol: '-1', userIdGroupPairs: [{ groupId: sg.groupId }] }]);
    deleteSecurityGroup(world, sg.groupId);
    expect(world.ec2.securityGroups.has(sg.groupId)).toBe(false);
  });
});
