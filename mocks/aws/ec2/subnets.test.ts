// DescribeSubnets through the SDK: free addresses, zone ids, filters, NotFound.
import { DescribeSubnetsCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { publicImagesOf } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../test-helpers';

const mock = mockAws();

test('describes a subnet with its zone id and free address count, which a launch lowers', async () => {
  const { world, vpc, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const before = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.vpcId] }] }))).Subnets![0]!;
  expect(before).toMatchObject({ SubnetId: subnet.subnetId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-1a', AvailabilityZoneId: 'apne1-az4', AvailableIpAddressCount: 251, DefaultForAz: false });
  await ec2.send(new RunInstancesCommand({ ImageId: publicImagesOf(world.region)[0]!.imageId, MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }));
  const after = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnet.subnetId] }))).Subnets![0]!;
  expect(after.AvailableIpAddressCount).toBe(250);
});

test('filters by availability-zone', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  const out = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'availability-zone', Values: ['ap-northeast-1c'] }] }));
  expect(out.Subnets).toEqual([]);
});

test('an unknown id is InvalidSubnetID.NotFound', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  expect(await rejection(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] })))).toMatchObject({ name: 'InvalidSubnetID.NotFound' });
});
