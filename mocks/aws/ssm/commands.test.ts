// SendCommand, ListCommands and CancelCommand through the SDK: SSM's checks on the targets and the
// document, and what the command lists show.
import {
  CancelCommandCommand,
  ListCommandInvocationsCommand,
  type CommandFilterKey,
  GetCommandInvocationCommand,
  InvalidInstanceId,
  ListCommandsCommand,
  SendCommandCommand,
  UnsupportedPlatformType,
} from '@aws-sdk/client-ssm';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import { publicImagesOf } from '../../../src/world';
import { caseBWithWindows, instanceNamed, windowsVm } from '../../../src/world/test-support/article-windows';

const mock = mockAws();
const shell = (instanceId: string, command = 'ping -c 1 192.168.100.10') => ({
  DocumentName: 'AWS-RunShellScript',
  InstanceIds: [instanceId],
  Parameters: { commands: [command] },
});

test('SendCommand answers a Pending command with zero counts, as SSM does', async () => {
  const aws = mock.use(caseBWithWindows());
  const out = await aws.ssm.send(
    new SendCommandCommand({ ...shell(instanceNamed(aws.world, 'CJ-AWS01').id), Comment: 'probe', TimeoutSeconds: 60 }),
  );
  expect(out.Command).toMatchObject({
    CommandId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/),
    DocumentName: 'AWS-RunShellScript',
    Comment: 'probe',
    Status: 'Pending',
    TargetCount: 1,
    CompletedCount: 0,
    ErrorCount: 0,
    TimeoutSeconds: 60,
    Parameters: { commands: ['ping -c 1 192.168.100.10'] },
  });
  expect(out.Command!.RequestedDateTime).toBeInstanceOf(Date);
});

test('a node that is not Online is InvalidInstanceId (no instance profile here)', async () => {
  const { world, subnet } = smallWorld();
  const aws = mock.use(world);
  const id = (
    await aws.ec2.send(
      new RunInstancesCommand({ ImageId: publicImagesOf(world.region)[0]!.imageId, MinCount: 1, MaxCount: 1, SubnetId: subnet.subnetId }),
    )
  ).Instances![0]!.InstanceId!;
  const e = await rejection(aws.ssm.send(new SendCommandCommand(shell(id))));
  expect(e).toBeInstanceOf(InvalidInstanceId);
  expect(e.message).toBe(`Instances [[${id}]] not in a valid state for account ${world.accountId}`);
});

test('AWS-RunShellScript on the Windows VM is UnsupportedPlatformType', async () => {
  const aws = mock.use(caseBWithWindows());
  expect(await rejection(aws.ssm.send(new SendCommandCommand(shell(windowsVm.managedInstanceId, 'ping 172.31.16.20'))))).toBeInstanceOf(
    UnsupportedPlatformType,
  );
});

test('a document the mock does not run is InvalidDocument; a missing commands parameter InvalidParameters', async () => {
  const aws = mock.use(caseBWithWindows());
  const id = instanceNamed(aws.world, 'CJ-AWS01').id;
  expect(await rejection(aws.ssm.send(new SendCommandCommand({ ...shell(id), DocumentName: 'AWS-ConfigureAWSPackage' })))).toMatchObject({
    name: 'InvalidDocument',
  });
  expect(
    await rejection(aws.ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [id], Parameters: {} }))),
  ).toMatchObject({
    name: 'InvalidParameters',
    message: 'Parameter "commands" is required.',
  });
});

test('ListCommands shows the command, newest first, with its final status', async () => {
  const aws = mock.use(caseBWithWindows());
  const a = (await aws.ssm.send(new SendCommandCommand(shell(instanceNamed(aws.world, 'CJ-AWS01').id)))).Command!.CommandId!;
  const b = (await aws.ssm.send(new SendCommandCommand(shell(instanceNamed(aws.world, 'CJ-AWS02').id)))).Command!.CommandId!;
  const out = await aws.ssm.send(new ListCommandsCommand({}));
  expect(out.Commands?.map((c) => [c.CommandId, c.Status, c.CompletedCount, c.ErrorCount])).toEqual([
    [b, 'Failed', 1, 1],
    [a, 'Success', 1, 0],
  ]);
  const failed = await aws.ssm.send(new ListCommandsCommand({ Filters: [{ key: 'Status', value: 'Failed' }] }));
  expect(failed.Commands?.map((c) => c.CommandId)).toEqual([b]);
});

test('an unknown command id is InvalidCommandId; an unknown filter key InvalidFilterKey', async () => {
  const aws = mock.use(caseBWithWindows());
  expect(await rejection(aws.ssm.send(new ListCommandsCommand({ CommandId: '00000000-0000-4000-8000-000000000000' })))).toMatchObject({
    name: 'InvalidCommandId',
  });
  expect(
    await rejection(aws.ssm.send(new ListCommandsCommand({ Filters: [{ key: 'Colour' as CommandFilterKey, value: 'x' }] }))),
  ).toMatchObject({ name: 'InvalidFilterKey' });
});

test('CancelCommand cancels an invocation that has not finished', async () => {
  const { world, subnet } = smallWorld({ commandPendingMs: 60_000 });
  const aws = mock.use(world);
  const run = new RunInstancesCommand({
    ImageId: publicImagesOf(world.region)[0]!.imageId,
    MinCount: 1,
    MaxCount: 1,
    SubnetId: subnet.subnetId,
    IamInstanceProfile: { Name: 'SSM' },
  });
  const instanceId = (await aws.ec2.send(run)).Instances![0]!.InstanceId!;
  const id = (await aws.ssm.send(new SendCommandCommand(shell(instanceId)))).Command!.CommandId!;
  await aws.ssm.send(new CancelCommandCommand({ CommandId: id }));
  const inv = await aws.ssm.send(new GetCommandInvocationCommand({ CommandId: id, InstanceId: instanceId }));
  expect([inv.Status, inv.StatusDetails, inv.ResponseCode, inv.StandardOutputContent]).toEqual(['Cancelled', 'Cancelled', -1, '']);
});

test('CancelCommand and ListCommandInvocations of a command never sent are InvalidCommandId', async () => {
  const aws = mock.use(caseBWithWindows());
  const id = '00000000-0000-4000-8000-000000000000';
  expect(await rejection(aws.ssm.send(new CancelCommandCommand({ CommandId: id })))).toMatchObject({ name: 'InvalidCommandId' });
  expect(await rejection(aws.ssm.send(new ListCommandInvocationsCommand({ CommandId: id })))).toMatchObject({ name: 'InvalidCommandId' });
});
