// DescribeNetworkAcls through the SDK: the default ACL's entries and associations, filters, NotFound.
import { DescribeNetworkAclsCommand } from '@aws-sdk/client-ec2';
import { mockAws, rejection, smallWorld } from '../test-helpers';

const mock = mockAws();

test('the default ACL allows all then denies with rule 32767, both ways, and holds the subnet', async () => {
  const { world, vpc, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const acl = (await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.vpcId] }, { Name: 'default', Values: ['true'] }] }))).NetworkAcls![0]!;
  expect(acl.IsDefault).toBe(true);
  expect(acl.Entries).toContainEqual({ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' });
  expect(acl.Associations?.map((a) => a.SubnetId)).toEqual([subnet.subnetId]);
});

test('association.subnet-id finds the ACL of a subnet', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const out = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnet.subnetId] }] }));
  expect(out.NetworkAcls).toHaveLength(1);
});

test('an unknown id is InvalidNetworkAclID.NotFound', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  expect(await rejection(ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: ['acl-0123456789abcdef0'] })))).toMatchObject({ name: 'InvalidNetworkAclID.NotFound' });
});
