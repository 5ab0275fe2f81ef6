// DescribeSubnets through the SDK: free addresses, zone ids, filters, NotFound.
import { CreateSubnetCommand, DeleteSubnetCommand, DescribeSubnetsCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { publicImagesOf } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();

test('describes a subnet with its zone id and free address count, which a launch lowers', async () => {
  const { world, vpc, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const before = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.vpcId] }] }))).Subnets![0]!;
  expect(before).toMatchObject({
    SubnetId: subnet.subnetId,
    CidrBlock: '10.0.1.0/24',
    AvailabilityZone: 'ap-northeast-1a',
    AvailabilityZoneId: 'apne1-az4',
    AvailableIpAddressCount: 251,
    DefaultForAz: false,
  });
  await ec2.send(
    new RunInstancesCommand({ ImageId: publicImagesOf(world.region)[0]!.imageId, MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }),
  );
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
  expect(await rejection(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] })))).toMatchObject({
    name: 'InvalidSubnetID.NotFound',
  });
});

test('CreateSubnet places the subnet in the zone asked for (by name or id); DeleteSubnet removes it', async () => {
  const { world, vpc } = smallWorld();
  const { ec2 } = mock.use(world);
  const byId = (
    await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpc.vpcId,
        CidrBlock: '10.0.2.0/24',
        AvailabilityZoneId: 'apne1-az1',
        TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: 'b' }] }],
      }),
    )
  ).Subnet!;
  expect(byId).toMatchObject({
    CidrBlock: '10.0.2.0/24',
    AvailabilityZone: 'ap-northeast-1c',
    State: 'available',
    Tags: [{ Key: 'Name', Value: 'b' }],
  });
  await ec2.send(new DeleteSubnetCommand({ SubnetId: byId.SubnetId! }));
  expect(await rejection(ec2.send(new DescribeSubnetsCommand({ SubnetIds: [byId.SubnetId!] })))).toMatchObject({
    name: 'InvalidSubnetID.NotFound',
  });
});

test('CreateSubnet refuses a CIDR outside the VPC or overlapping a sibling; DeleteSubnet refuses a subnet in use', async () => {
  const { world, vpc, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  expect(await rejection(ec2.send(new CreateSubnetCommand({ VpcId: vpc.vpcId, CidrBlock: '10.1.0.0/24' })))).toMatchObject({
    name: 'InvalidSubnet.Range',
  });
  expect(await rejection(ec2.send(new CreateSubnetCommand({ VpcId: vpc.vpcId, CidrBlock: '10.0.1.128/25' })))).toMatchObject({
    name: 'InvalidSubnet.Conflict',
  });
  await ec2.send(
    new RunInstancesCommand({ ImageId: publicImagesOf(world.region)[0]!.imageId, MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }),
  );
  expect(await rejection(ec2.send(new DeleteSubnetCommand({ SubnetId: subnet.subnetId })))).toMatchObject({ name: 'DependencyViolation' });
});
