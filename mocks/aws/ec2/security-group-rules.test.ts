// DescribeSecurityGroupRules through the SDK: by group filter, by rule id, and NotFound.
import { DescribeSecurityGroupRulesCommand } from '@aws-sdk/client-ec2';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();

test("lists the default group's rules with their ids, owner and ARN", async () => {
  const { world, defaultSg } = smallWorld();
  const { ec2 } = mock.use(world);
  const out = await ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [defaultSg.groupId] }] }));
  expect(out.SecurityGroupRules).toEqual([
    expect.objectContaining({
      IsEgress: false,
      IpProtocol: '-1',
      FromPort: -1,
      ToPort: -1,
      ReferencedGroupInfo: { GroupId: defaultSg.groupId, UserId: world.accountId },
      GroupOwnerId: world.accountId,
    }),
    expect.objectContaining({
      IsEgress: true,
      CidrIpv4: '0.0.0.0/0',
      SecurityGroupRuleArn: expect.stringMatching(/^arn:aws:ec2:ap-northeast-1:123456789012:security-group-rule\/sgr-/),
    }),
  ]);
});

test('finds a rule by id', async () => {
  const { world, defaultSg } = smallWorld();
  const { ec2 } = mock.use(world);
  const id = defaultSg.rules[1]!.securityGroupRuleId;
  const out = await ec2.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [id] }));
  expect(out.SecurityGroupRules?.map((r) => r.SecurityGroupRuleId)).toEqual([id]);
});

test('an unknown rule id is InvalidSecurityGroupRuleId.NotFound, an undocumented filter InvalidParameterValue', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  expect(
    await rejection(ec2.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: ['sgr-0123456789abcdef0'] }))),
  ).toMatchObject({ name: 'InvalidSecurityGroupRuleId.NotFound' });
  expect(
    await rejection(ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'ip-protocol', Values: ['tcp'] }] }))),
  ).toMatchObject({
    name: 'InvalidParameterValue',
    message: "The filter 'ip-protocol' is invalid",
  });
});
