// Security groups through the SDK: create, describe (the default group's self reference), authorize
// and revoke (nested wire names, legacy flat form, rule ids), delete while in use, and the errors.
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { publicImagesOf } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();

async function withGroup() {
  const s = smallWorld();
  const aws = mock.use(s.world);
  const created = await aws.ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: 'CJ-SG',
      Description: 'all in',
      VpcId: s.vpc.vpcId,
      TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'team', Value: 'net' }] }],
    }),
  );
  return { ...s, ...aws, groupId: created.GroupId! };
}

test('CreateSecurityGroup returns the id and ARN; the group has only the allow-all egress rule', async () => {
  const { ec2, groupId, world } = await withGroup();
  const sg = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups![0]!;
  expect(sg).toMatchObject({
    GroupName: 'CJ-SG',
    Description: 'all in',
    Tags: [{ Key: 'team', Value: 'net' }],
    IpPermissions: [],
    SecurityGroupArn: `arn:aws:ec2:${world.region}:${world.accountId}:security-group/${groupId}`,
  });
  expect(sg.IpPermissionsEgress).toEqual([
    { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
  ]);
});

test("the VPC's default group allows all inbound from itself (the rule moto lacks)", async () => {
  const { ec2, defaultSg, world } = await withGroup();
  const sg = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [defaultSg.groupId] }))).SecurityGroups![0]!;
  expect(sg.IpPermissions).toEqual([
    {
      IpProtocol: '-1',
      UserIdGroupPairs: [{ UserId: world.accountId, GroupId: defaultSg.groupId }],
      IpRanges: [],
      Ipv6Ranges: [],
      PrefixListIds: [],
    },
  ]);
});

test('a second group of the same name in the VPC is InvalidGroup.Duplicate', async () => {
  const { ec2, vpc } = await withGroup();
  const e = await rejection(ec2.send(new CreateSecurityGroupCommand({ GroupName: 'CJ-SG', Description: 'again', VpcId: vpc.vpcId })));
  expect(e).toMatchObject({ name: 'InvalidGroup.Duplicate', $metadata: { httpStatusCode: 400 } });
});

test('AuthorizeSecurityGroupIngress with a group pair and a CIDR returns one rule each', async () => {
  const { ec2, groupId, defaultSg } = await withGroup();
  const out = await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          UserIdGroupPairs: [{ GroupId: defaultSg.groupId, Description: 'from default' }],
          IpRanges: [{ CidrIp: '10.0.0.0/8' }],
        },
      ],
    }),
  );
  expect(out.Return).toBe(true);
  expect(out.SecurityGroupRules).toEqual([
    expect.objectContaining({ GroupId: groupId, IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.0.0.0/8' }),
    expect.objectContaining({
      ReferencedGroupInfo: expect.objectContaining({ GroupId: defaultSg.groupId }),
      Description: 'from default',
      SecurityGroupRuleId: expect.stringMatching(/^sgr-/),
    }),
  ]);
  const sg = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups![0]!;
  expect(sg.IpPermissions).toEqual([
    expect.objectContaining({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '10.0.0.0/8' }],
      UserIdGroupPairs: [expect.objectContaining({ GroupId: defaultSg.groupId })],
    }),
  ]);
});

test('the legacy flat form (IpProtocol, FromPort, ToPort, CidrIp) authorizes too', async () => {
  const { ec2, groupId } = await withGroup();
  const out = await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpProtocol: 'icmp',
      FromPort: -1,
      ToPort: -1,
      CidrIp: '192.168.100.0/24',
    }),
  );
  expect(out.SecurityGroupRules).toEqual([
    expect.objectContaining({ IpProtocol: 'icmp', CidrIpv4: '192.168.100.0/24', FromPort: -1, ToPort: -1 }),
  ]);
});

test('authorizing a rule twice is InvalidPermission.Duplicate', async () => {
  const { ec2, groupId } = await withGroup();
  const perm = {
    GroupId: groupId,
    IpPermissions: [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }],
  };
  await ec2.send(new AuthorizeSecurityGroupIngressCommand(perm));
  expect(await rejection(ec2.send(new AuthorizeSecurityGroupIngressCommand(perm)))).toMatchObject({ name: 'InvalidPermission.Duplicate' });
});

test('an unknown source group is InvalidGroup.NotFound', async () => {
  const { ec2, groupId } = await withGroup();
  const e = await rejection(
    ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0' }] }],
      }),
    ),
  );
  expect(e).toMatchObject({ name: 'InvalidGroup.NotFound', message: "The security group 'sg-0123456789abcdef0' does not exist" });
});

test('IPv6 ranges are authorized and described (the AWS CLI example: tcp 22 from 2001:db8:1234:1a00::/64)', async () => {
  const { ec2, groupId } = await withGroup();
  const out = await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, Ipv6Ranges: [{ CidrIpv6: '2001:db8:1234:1a00::/64' }] }],
    }),
  );
  expect(out.SecurityGroupRules).toEqual([
    expect.objectContaining({ IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv6: '2001:db8:1234:1a00::/64' }),
  ]);
  const sg = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups![0]!;
  expect(sg.IpPermissions).toEqual([
    expect.objectContaining({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      Ipv6Ranges: [{ CidrIpv6: '2001:db8:1234:1a00::/64' }],
      IpRanges: [],
    }),
  ]);
});

test('egress rules are revoked by rule id, and ingress rules by permission', async () => {
  const { ec2, groupId } = await withGroup();
  const egress = await ec2.send(
    new AuthorizeSecurityGroupEgressCommand({
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '10.0.0.2/32' }] }],
    }),
  );
  const ruleId = egress.SecurityGroupRules![0]!.SecurityGroupRuleId!;
  const revoked = await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: groupId, SecurityGroupRuleIds: [ruleId] }));
  expect(revoked.RevokedSecurityGroupRules).toEqual([
    expect.objectContaining({ SecurityGroupRuleId: ruleId, IsEgress: true, IpProtocol: 'udp' }),
  ]);
  const perm = [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }];
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: perm }));
  await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: perm }));
  const sg = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups![0]!;
  expect([sg.IpPermissions, sg.IpPermissionsEgress?.length]).toEqual([[], 1]);
});

test('revoking a rule that is not there is InvalidPermission.NotFound; an unknown rule id InvalidSecurityGroupRuleId.NotFound', async () => {
  const { ec2, groupId } = await withGroup();
  const perm = [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }];
  expect(await rejection(ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: perm })))).toMatchObject({
    name: 'InvalidPermission.NotFound',
  });
  expect(
    await rejection(ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, SecurityGroupRuleIds: ['sgr-0123456789abcdef0'] }))),
  ).toMatchObject({
    name: 'InvalidSecurityGroupRuleId.NotFound',
  });
});

test('a group in use cannot be deleted until its instance is terminated', async () => {
  const { ec2, groupId, subnet, world } = await withGroup();
  const run = await ec2.send(
    new RunInstancesCommand({
      ImageId: publicImagesOf(world.region)[0]!.imageId,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnet.subnetId,
      SecurityGroupIds: [groupId],
    }),
  );
  expect(await rejection(ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId })))).toMatchObject({
    name: 'DependencyViolation',
    message: expect.stringContaining(groupId),
  });
  await ec2.send(new TerminateInstancesCommand({ InstanceIds: [run.Instances![0]!.InstanceId!] }));
  const out = await ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
  expect(out).toMatchObject({ Return: true, GroupId: groupId });
});

test('the default group cannot be deleted', async () => {
  const { ec2, defaultSg } = await withGroup();
  expect(await rejection(ec2.send(new DeleteSecurityGroupCommand({ GroupId: defaultSg.groupId })))).toMatchObject({ name: 'CannotDelete' });
});

test('filters by group-name and by an ingress permission', async () => {
  const { ec2, groupId } = await withGroup();
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '192.168.100.0/24' }] }],
    }),
  );
  const byName = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['CJ-*'] }] }));
  const byRule = await ec2.send(
    new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'ip-permission.cidr', Values: ['192.168.100.0/24'] }] }),
  );
  expect([byName.SecurityGroups?.map((g) => g.GroupId), byRule.SecurityGroups?.map((g) => g.GroupId)]).toEqual([[groupId], [groupId]]);
});

test('GroupNames find groups of a default VPC only, as in EC2', async () => {
  const { ec2 } = await withGroup();
  expect(await rejection(ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ['CJ-SG'] })))).toMatchObject({
    name: 'InvalidGroup.NotFound',
    message: expect.stringContaining('default VPC'),
  });
});

test('MaxResults with GroupIds is InvalidParameterCombination', async () => {
  const { ec2, groupId } = await withGroup();
  expect(await rejection(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId], MaxResults: 5 })))).toMatchObject({
    name: 'InvalidParameterCombination',
  });
});
