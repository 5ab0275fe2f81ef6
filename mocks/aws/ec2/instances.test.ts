// RunInstances, DescribeInstances and TerminateInstances through the SDK: what is launched, the
// clock-driven states, clientToken idempotency, filters and the errors EC2 gives.
import {
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  waitUntilInstanceRunning,
} from '@aws-sdk/client-ec2';
import { publicImagesOf } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();
const amiOf = (region: string, n = 0) => publicImagesOf(region)[n]!.imageId;
const profile = 'arn:aws:iam::123456789012:instance-profile/SSM';

test('launches into the subnet with the groups, address, tags, profile and user data given', async () => {
  const { world, subnet, vpc, defaultSg } = smallWorld();
  const { ec2 } = mock.use(world);
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: amiOf(world.region),
      InstanceType: 't3.small',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnet.subnetId,
      SecurityGroupIds: [defaultSg.groupId],
      PrivateIpAddress: '10.0.1.50',
      IamInstanceProfile: { Arn: profile },
      UserData: Buffer.from('#!/bin/sh\necho hi\n').toString('base64'),
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'CJ-AWS01' }] }],
    }),
  );
  expect(out.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
  expect(out.Instances![0]).toMatchObject({
    InstanceId: expect.stringMatching(/^i-[0-9a-f]{17}$/),
    State: { Code: 0, Name: 'pending' },
    InstanceType: 't3.small',
    SubnetId: subnet.subnetId,
    VpcId: vpc.vpcId,
    PrivateIpAddress: '10.0.1.50',
    SecurityGroups: [{ GroupId: defaultSg.groupId, GroupName: 'default' }],
    IamInstanceProfile: { Arn: profile },
    Tags: [{ Key: 'Name', Value: 'CJ-AWS01' }],
    Placement: { AvailabilityZone: 'ap-northeast-1a', GroupName: '', Tenancy: 'default' },
  });
  expect(out.Instances![0]!.LaunchTime).toBeInstanceOf(Date);
});

test('allocates the first free address of the subnet and wears the default group when none is given', async () => {
  const { world, subnet, defaultSg } = smallWorld();
  const { ec2 } = mock.use(world);
  const inst = (
    await ec2.send(new RunInstancesCommand({ ImageId: amiOf(world.region), MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }))
  ).Instances![0]!;
  expect([inst.PrivateIpAddress, inst.SecurityGroups?.[0]?.GroupId]).toEqual(['10.0.1.4', defaultSg.groupId]);
});

test('MinCount/MaxCount launch several instances in one reservation', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const out = await ec2.send(
    new RunInstancesCommand({ ImageId: amiOf(world.region), MinCount: 3, MaxCount: 3, SubnetId: subnet.subnetId }),
  );
  const described = await ec2.send(new DescribeInstancesCommand({}));
  expect([out.Instances?.length, described.Reservations?.length, described.Reservations?.[0]?.ReservationId]).toEqual([
    3,
    1,
    out.ReservationId,
  ]);
});

test('a repeated client token returns the first launch; other parameters with it are IdempotentParameterMismatch', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const input = { ImageId: amiOf(world.region), MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId, ClientToken: 'probe-1' };
  const first = await ec2.send(new RunInstancesCommand(input));
  const again = await ec2.send(new RunInstancesCommand(input));
  expect([again.ReservationId, again.Instances?.[0]?.InstanceId]).toEqual([first.ReservationId, first.Instances?.[0]?.InstanceId]);
  const e = await rejection(ec2.send(new RunInstancesCommand({ ...input, InstanceType: 'm5.large' })));
  expect(e).toMatchObject({ name: 'IdempotentParameterMismatch', $metadata: { httpStatusCode: 400 } });
});

test('an image that does not exist is InvalidAMIID.NotFound, a malformed one InvalidAMIID.Malformed', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const run = (ImageId: string) => ec2.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }));
  expect(await rejection(run('ami-00000000000000000'))).toMatchObject({ name: 'InvalidAMIID.NotFound' });
  expect(await rejection(run('my-image'))).toMatchObject({ name: 'InvalidAMIID.Malformed' });
});

test('an address in use is InvalidIPAddress.InUse; an unknown subnet InvalidSubnetID.NotFound', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const run = (SubnetId: string) =>
    ec2.send(new RunInstancesCommand({ ImageId: amiOf(world.region), MinCount: 1, MaxCount: 1, SubnetId, PrivateIpAddress: '10.0.1.9' }));
  await run(subnet.subnetId);
  expect(await rejection(run(subnet.subnetId))).toMatchObject({ name: 'InvalidIPAddress.InUse' });
  expect(await rejection(run('subnet-0123456789abcdef0'))).toMatchObject({ name: 'InvalidSubnetID.NotFound' });
});

test('a Windows image launches a Windows instance', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const windows = publicImagesOf(world.region).find((i) => i.platform === 'windows')!.imageId;
  const inst = (await ec2.send(new RunInstancesCommand({ ImageId: windows, MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId })))
    .Instances![0]!;
  expect([inst.Platform, inst.PlatformDetails]).toEqual(['windows', 'Windows']);
});

test('pending turns running after the boot time, and the SDK waiter sees it', async () => {
  const { world, subnet, advance } = smallWorld({ instanceBootMs: 15_000 });
  const { ec2 } = mock.use(world);
  const id = (
    await ec2.send(new RunInstancesCommand({ ImageId: amiOf(world.region), MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }))
  ).Instances![0]!.InstanceId!;
  const state = async () => (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0]!.Instances![0]!.State;
  expect(await state()).toEqual({ Code: 0, Name: 'pending' });
  advance(15_000);
  expect(await state()).toEqual({ Code: 16, Name: 'running' });
  expect((await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 5, minDelay: 1 }, { InstanceIds: [id] })).state).toBe('SUCCESS');
});

test('terminate: shutting-down, then terminated and still visible without its network, then gone', async () => {
  const { world, subnet, advance } = smallWorld({ instanceShutdownMs: 30_000, terminatedVisibleMs: 3_600_000 });
  const { ec2 } = mock.use(world);
  const id = (
    await ec2.send(new RunInstancesCommand({ ImageId: amiOf(world.region), MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }))
  ).Instances![0]!.InstanceId!;
  const out = await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
  expect(out.TerminatingInstances).toEqual([
    { InstanceId: id, CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 16, Name: 'running' } },
  ]);
  advance(30_000);
  const inst = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0]!.Instances![0]!;
  expect(inst).toMatchObject({
    State: { Code: 48, Name: 'terminated' },
    NetworkInterfaces: [],
    StateReason: { Code: 'Client.UserInitiatedShutdown' },
  });
  expect(inst.PrivateIpAddress).toBeUndefined();
  expect(
    (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [id] }] })))
      .NetworkInterfaces,
  ).toEqual([]);
  advance(3_600_000);
  expect(await rejection(ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })))).toMatchObject({
    name: 'InvalidInstanceID.NotFound',
  });
});

test('filters by instance-state-name and tag', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const tagged = {
    ImageId: amiOf(world.region),
    MinCount: 1,
    MaxCount: 1,
    SubnetId: subnet.subnetId,
    TagSpecifications: [{ ResourceType: 'instance' as const, Tags: [{ Key: 'role', Value: 'probe' }] }],
  };
  const a = (await ec2.send(new RunInstancesCommand(tagged))).Instances![0]!.InstanceId!;
  const b = (await ec2.send(new RunInstancesCommand(tagged))).Instances![0]!.InstanceId!;
  await ec2.send(new RunInstancesCommand({ ImageId: amiOf(world.region), MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }));
  await ec2.send(new TerminateInstancesCommand({ InstanceIds: [b] }));
  const out = await ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: 'tag:role', Values: ['probe'] },
        { Name: 'instance-state-name', Values: ['pending', 'running'] },
      ],
    }),
  );
  expect(out.Reservations?.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([a]);
});

test('an unknown instance id is InvalidInstanceID.NotFound, for Describe and Terminate alike', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  const id = 'i-0123456789abcdef0';
  expect(await rejection(ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })))).toMatchObject({
    name: 'InvalidInstanceID.NotFound',
    message: `The instance ID '${id}' does not exist`,
  });
  expect(await rejection(ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] })))).toMatchObject({
    name: 'InvalidInstanceID.NotFound',
  });
});
