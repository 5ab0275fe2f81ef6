// The EC2 dispatcher on the wire: unknown actions and parameters are loud, DryRun answers 412, and
// the fault plan's throttling, 5xx and eventual-consistency windows look like EC2's.
import { DescribeInstancesCommand, DescribeVpcsCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { publicImagesOf } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();
const post = (body: string) =>
  fetch('https://ec2.ap-northeast-1.amazonaws.com/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });

test('an unknown action is InvalidAction (400) naming it, in the EC2 error envelope', async () => {
  mock.use(smallWorld().world);
  const res = await post('Action=DescribeUnicorns&Version=2016-11-15');
  expect(res.status).toBe(400);
  const xml = await res.text();
  expect(xml).toMatch(
    /<Response><Errors><Error><Code>InvalidAction<\/Code><Message>The action DescribeUnicorns is not valid for this web service.<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>/,
  );
});

test('a parameter the mock does not read is UnknownParameter, before anything changes', async () => {
  const { world } = smallWorld();
  mock.use(world);
  const res = await post('Action=DescribeVpcs&Version=2016-11-15&VpcIds.1=vpc-1');
  expect([res.status, /<Code>(.*?)<\/Code><Message>(.*?)<\/Message>/.exec(await res.text())?.slice(1)]).toEqual([
    400,
    ['UnknownParameter', 'The parameter VpcIds.1 is not recognized'],
  ]);
});

test('DryRun answers DryRunOperation with 412 and launches nothing', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const e = await rejection(
    ec2.send(
      new RunInstancesCommand({
        DryRun: true,
        ImageId: publicImagesOf(world.region)[0]!.imageId,
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnet.subnetId,
      }),
    ),
  );
  expect(e).toMatchObject({ name: 'DryRunOperation', $metadata: { httpStatusCode: 412 } });
  expect(world.ec2.instances.size).toBe(0);
});

test('a throttle fault is RequestLimitExceeded with 503, a server fault InternalError with 500', async () => {
  const { ec2 } = mock.use(smallWorld().world, {
    faults: [
      { service: 'ec2', operation: 'DescribeVpcs', fault: 'throttle' },
      { service: 'ec2', operation: 'DescribeVpcs', fault: 'server-error', after: 1 },
    ],
  });
  expect(await rejection(ec2.send(new DescribeVpcsCommand({})))).toMatchObject({
    name: 'RequestLimitExceeded',
    message: 'Request limit exceeded.',
    $fault: 'server',
    $metadata: { httpStatusCode: 503 },
  });
  expect(await rejection(ec2.send(new DescribeVpcsCommand({})))).toMatchObject({
    name: 'InternalError',
    $metadata: { httpStatusCode: 500 },
  });
  expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toHaveLength(1);
});

test('the SDK retries a throttled call and succeeds on the second attempt', async () => {
  const aws = mock.use(smallWorld().world, { faults: [{ service: 'ec2', operation: 'DescribeVpcs', fault: 'throttle' }], maxAttempts: 3 });
  const out = await aws.ec2.send(new DescribeVpcsCommand({}));
  expect(out.$metadata.attempts).toBe(2);
  expect(aws.ctx.faults.calls.map((c) => c.fault ?? '-')).toEqual(['throttle', '-']);
});

test('right after RunInstances the instance can be invisible for a moment (InvalidInstanceID.NotFound)', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world, { faults: [{ service: 'ec2', operation: 'DescribeInstances', fault: 'not-found', times: 2 }] });
  const id = (
    await ec2.send(
      new RunInstancesCommand({ ImageId: publicImagesOf(world.region)[0]!.imageId, MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }),
    )
  ).Instances![0]!.InstanceId!;
  expect(await rejection(ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })))).toMatchObject({
    name: 'InvalidInstanceID.NotFound',
    message: `The instance ID '${id}' does not exist`,
  });
  expect((await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [id] }] }))).Reservations).toEqual([]);
  expect((await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations).toHaveLength(1);
});

test('a fault that does not apply to EC2 is refused loudly', async () => {
  const { ec2 } = mock.use(smallWorld().world, { faults: [{ service: 'ec2', fault: 'stale-revision' }] });
  expect(await rejection(ec2.send(new DescribeVpcsCommand({})))).toMatchObject({
    name: 'VmcReachMock.FaultNotApplicable',
    message: expect.stringContaining("'stale-revision' does not apply to ec2:DescribeVpcs"),
  });
});
