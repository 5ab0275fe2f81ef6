// Unit tests for SendCommand's checks, the invocation state machine on the clock, CancelCommand
// and ListCommands.
import { expectWorldError } from '../test-support';
import { cancelCommand, commandProgress, listCommands, sendCommand } from './commands';
import { getCommandInvocation } from './command-invocations';
import { echoRunner, ssmWorld } from '../test-support';
import type { World } from '../world';

const shell = (instanceId: string, ...commands: string[]) => ({
  documentName: 'AWS-RunShellScript',
  instanceIds: [instanceId],
  parameters: { commands },
});
/** GetCommandInvocation, settling with the echo runner (the runner is the caller's, never the world's). */
const echoed = (world: World, commandId: string, instanceId: string) =>
  getCommandInvocation(world, commandId, instanceId, undefined, echoRunner);

describe('sendCommand', () => {
  it('refuses a node that is not Online with InvalidInstanceId, as SSM does', () => {
    const { world, noProfile } = ssmWorld();
    expectWorldError(world, () => sendCommand(world, shell(noProfile.instanceId, 'ping -c 1 10.0.1.4')), {
      code: 'InvalidInstanceId',
      message: `Instances [[${noProfile.instanceId}]] not in a valid state for account ${world.accountId}`,
    });
  });

  it('refuses AWS-RunShellScript on a Windows node with UnsupportedPlatformType', () => {
    const { world, windowsVm } = ssmWorld();
    expectWorldError(world, () => sendCommand(world, shell(windowsVm.managedInstanceId!, 'ping 10.0.1.4')), {
      code: 'UnsupportedPlatformType',
      message: 'does not support the platform',
    });
  });

  it('refuses a document the mock does not run, and a script without commands', () => {
    const { world, withProfile } = ssmWorld();
    expectWorldError(world, () => sendCommand(world, { ...shell(withProfile.instanceId, 'x'), documentName: 'AWS-ApplyPatchBaseline' }), {
      code: 'InvalidDocument',
      message: 'not supported by the vmc-reach mock',
    });
    expectWorldError(world, () => sendCommand(world, shell(withProfile.instanceId)), {
      code: 'InvalidParameters',
      message: 'Parameter "commands" is required.',
    });
  });

  it('resolves tag targets to Online EC2 nodes', () => {
    const { world, withProfile } = ssmWorld();
    const cmd = sendCommand(world, {
      documentName: 'AWS-RunShellScript',
      targets: [{ key: 'tag:Name', values: ['web'] }],
      parameters: { commands: ['true'] },
    });
    expect(cmd.invocations.map((i) => i.instanceId)).toEqual([withProfile.instanceId]);
  });
});

describe('invocations on the clock', () => {
  const timed = () => ssmWorld({ commandVisibleMs: 100, commandPendingMs: 500, commandRunMs: 1_000, timeScale: 2 });

  it('is InvocationDoesNotExist until visible, then Pending, InProgress and Success', () => {
    const { world, clock, withProfile } = timed();
    const cmd = sendCommand(world, shell(withProfile.instanceId, 'echo hi'));
    expect(() => echoed(world, cmd.commandId, withProfile.instanceId)).toThrow(expect.objectContaining({ code: 'InvocationDoesNotExist' }));
    clock.advance(100);
    expect(echoed(world, cmd.commandId, withProfile.instanceId).invocation.status).toBe('Pending');
    clock.advance(400);
    expect(echoed(world, cmd.commandId, withProfile.instanceId).invocation.status).toBe('InProgress');
    // commandRunMs plus the script's own 2 s divided by the time scale 2.
    clock.advance(1_999);
    expect(echoed(world, cmd.commandId, withProfile.instanceId).invocation.status).toBe('InProgress');
    clock.advance(1);
    expect(echoed(world, cmd.commandId, withProfile.instanceId).invocation).toMatchObject({
      status: 'Success',
      result: { exitCode: 0, stdout: 'ran: echo hi\n' },
    });
  });

  it('ends Failed when the script exits non-zero', () => {
    const { world, withProfile } = ssmWorld();
    const cmd = sendCommand(world, shell(withProfile.instanceId, 'exit 3'));
    expect(echoed(world, cmd.commandId, withProfile.instanceId).invocation).toMatchObject({
      status: 'Failed',
      statusDetails: 'Failed',
      result: { exitCode: 3 },
    });
    expect(commandProgress(cmd)).toEqual({ status: 'Failed', completedCount: 1, errorCount: 1 });
  });

  it('fails every script when no runner is given (never success by default)', () => {
    const { world, withProfile } = ssmWorld();
    const cmd = sendCommand(world, shell(withProfile.instanceId, 'ping -c 1 10.0.1.4'));
    expect(getCommandInvocation(world, cmd.commandId, withProfile.instanceId).invocation).toMatchObject({
      status: 'Failed',
      result: { stderr: expect.stringContaining('not supported by the mock') },
    });
  });

  it('cancels an unfinished invocation', () => {
    const { world, withProfile } = timed();
    const cmd = sendCommand(world, shell(withProfile.instanceId, 'echo hi'));
    cancelCommand(world, cmd.commandId);
    expect(commandProgress(cmd)).toMatchObject({ status: 'Cancelled' });
    expectWorldError(world, () => cancelCommand(world, '00000000-0000-4000-8000-000000000000'), {
      code: 'InvalidCommandId',
      message: 'does not exist',
    });
  });
});

describe('listCommands', () => {
  it('lists the newest command first, by node too', () => {
    const { world, withProfile, linuxVm } = ssmWorld();
    const a = sendCommand(world, shell(withProfile.instanceId, 'echo a'));
    const b = sendCommand(world, shell(linuxVm.managedInstanceId!, 'echo b'));
    expect(listCommands(world).map((c) => c.commandId)).toEqual([b.commandId, a.commandId]);
    expect(listCommands(world, { instanceId: withProfile.instanceId }).map((c) => c.commandId)).toEqual([a.commandId]);
  });
});
