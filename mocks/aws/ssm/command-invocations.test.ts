// GetCommandInvocation and ListCommandInvocations through the SDK: the invocation's states on the
// clock (InvocationDoesNotExist, Pending, InProgress, Success), its output fields, plugin details,
// and the SDK's own waiter.
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import {
  GetCommandInvocationCommand,
  InvocationDoesNotExist,
  ListCommandInvocationsCommand,
  SendCommandCommand,
  waitUntilCommandExecuted,
} from '@aws-sdk/client-ssm';
import { addVm, publicImagesOf, type World } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';
import { caseBWithWindows, instanceNamed, linuxVm } from '../../../src/world/test-support/article-windows';

const mock = mockAws();

/** A small world with an Online instance and a VM (not on any segment, so ping between them is blocked). */
async function timedWorld() {
  const s = smallWorld({ commandVisibleMs: 300, commandPendingMs: 500, commandRunMs: 1_500, timeScale: 1 });
  addVm(s.world as World, {
    externalId: 'vm-1',
    displayName: 'VM',
    powerState: 'VM_RUNNING',
    tags: [],
    ipAddresses: ['192.168.50.10'],
    managedInstanceId: 'mi-00000000000000001',
  });
  const aws = mock.use(s.world);
  const run = new RunInstancesCommand({
    ImageId: publicImagesOf(s.world.region)[0]!.imageId,
    MinCount: 1,
    MaxCount: 1,
    SubnetId: s.subnet.subnetId,
    IamInstanceProfile: { Name: 'SSM' },
  });
  const instanceId = (await aws.ec2.send(run)).Instances![0]!.InstanceId!;
  return { ...s, ...aws, instanceId };
}

test('an invocation is InvocationDoesNotExist, then Pending, InProgress, and ends with the ping run time added', async () => {
  const { ssm, instanceId, advance } = await timedWorld();
  const commandId = (
    await ssm.send(
      new SendCommandCommand({
        DocumentName: 'AWS-RunShellScript',
        InstanceIds: [instanceId],
        Parameters: { commands: ['ping -c 2 -W 1 192.168.50.10'] },
      }),
    )
  ).Command!.CommandId!;
  const get = () => ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: instanceId }));
  expect(await rejection(get())).toBeInstanceOf(InvocationDoesNotExist);
  advance(300);
  expect(await get()).toMatchObject({ Status: 'Pending', ResponseCode: -1, StandardOutputContent: '', ExecutionStartDateTime: '' });
  advance(200);
  expect(await get()).toMatchObject({ Status: 'InProgress', StatusDetails: 'InProgress', ResponseCode: -1, StandardOutputContent: '' });
  // commandRunMs (1.5 s) plus ping's own 2 s (1 s between packets, 1 s waiting for the lost reply).
  advance(3_499);
  expect((await get()).Status).toBe('InProgress');
  advance(1);
  const done = await get();
  expect(done).toMatchObject({ Status: 'Failed', ResponseCode: 1, ExecutionElapsedTime: 'PT3.500S' });
  expect(Date.parse(done.ExecutionEndDateTime!) - Date.parse(done.ExecutionStartDateTime!)).toBe(3_500);
});

test("the SDK's waitUntilCommandExecuted polls through InvocationDoesNotExist to the end", async () => {
  const aws = mock.use(caseBWithWindows());
  const src = instanceNamed(aws.world, 'CJ-AWS01').id;
  const commandId = (
    await aws.ssm.send(
      new SendCommandCommand({
        DocumentName: 'AWS-RunShellScript',
        InstanceIds: [src],
        Parameters: { commands: [`ping -c 1 ${linuxVm(aws.world).ip}`] },
      }),
    )
  ).Command!.CommandId!;
  const r = await waitUntilCommandExecuted({ client: aws.ssm, maxWaitTime: 10, minDelay: 1 }, { CommandId: commandId, InstanceId: src });
  expect(r.state).toBe('SUCCESS');
});

test('ListCommandInvocations with details shows the plugin, its code and output', async () => {
  const aws = mock.use(caseBWithWindows());
  const src = instanceNamed(aws.world, 'CJ-AWS02').id;
  const commandId = (
    await aws.ssm.send(
      new SendCommandCommand({
        DocumentName: 'AWS-RunShellScript',
        InstanceIds: [src],
        Parameters: { commands: [`ping -c 1 ${linuxVm(aws.world).ip}`] },
      }),
    )
  ).Command!.CommandId!;
  const out = await aws.ssm.send(new ListCommandInvocationsCommand({ CommandId: commandId, Details: true }));
  expect(out.CommandInvocations).toEqual([
    expect.objectContaining({
      CommandId: commandId,
      InstanceId: src,
      InstanceName: 'ip-172-31-16-21.ap-northeast-1.compute.internal',
      Status: 'Failed',
      CommandPlugins: [
        expect.objectContaining({
          Name: 'aws:runShellScript',
          Status: 'Failed',
          ResponseCode: 1,
          Output: expect.stringContaining('1 packets transmitted, 0 received, 100% packet loss'),
        }),
      ],
    }),
  ]);
  const byNode = await aws.ssm.send(new ListCommandInvocationsCommand({ InstanceId: instanceNamed(aws.world, 'CJ-AWS01').id }));
  expect(byNode.CommandInvocations).toEqual([]);
});

test('a command id that was never sent is InvocationDoesNotExist; a plugin of another document InvalidPluginName', async () => {
  const aws = mock.use(caseBWithWindows());
  const src = instanceNamed(aws.world, 'CJ-AWS01').id;
  expect(
    await rejection(aws.ssm.send(new GetCommandInvocationCommand({ CommandId: '00000000-0000-4000-8000-000000000000', InstanceId: src }))),
  ).toBeInstanceOf(InvocationDoesNotExist);
  const commandId = (
    await aws.ssm.send(
      new SendCommandCommand({
        DocumentName: 'AWS-RunShellScript',
        InstanceIds: [src],
        Parameters: { commands: ['ping -c 1 192.168.100.10'] },
      }),
    )
  ).Command!.CommandId!;
  expect(
    await rejection(
      aws.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: src, PluginName: 'aws:runPowerShellScript' })),
    ),
  ).toMatchObject({ name: 'InvalidPluginName' });
});
