// The clock-driven Run Command state machine: an invocation is invisible for commandVisibleMs
// (GetCommandInvocation says InvocationDoesNotExist, as SSM can right after SendCommand), Pending
// until the agent picks it up, InProgress while the script runs, then Success or Failed from the
// script's exit code. The script runs when the invocation starts, on the world as it is then, so a
// ping answers for the network of that moment; the runner that runs it is the settling caller's
// argument (the world holds none), refuseScripts when none is given.
import { settleInstances } from '../ec2/instance-lifecycle';
import { findManagedNode } from './instance-information';
import { refuseScripts } from './refuse-scripts';
import type { Command, CommandInvocation, CommandStatus, InvocationStatus } from './types';
import type { ScriptRunner, World } from '../world';

const terminal: ReadonlySet<InvocationStatus> = new Set(['Success', 'Failed', 'Cancelled', 'TimedOut']);

export const isTerminal = (status: InvocationStatus): boolean => terminal.has(status);

function start(world: World, command: Command, inv: CommandInvocation, runScript: ScriptRunner): void {
  const node = findManagedNode(world, inv.instanceId);
  inv.endAt = inv.startAt + world.latency.commandRunMs;
  if (!node || node.pingStatus !== 'Online') {
    // The node went away between SendCommand and delivery.
    inv.status = 'Failed';
    inv.statusDetails = 'Undeliverable';
    return;
  }
  const outcome = runScript(world, {
    commandId: command.commandId,
    documentName: command.documentName,
    commands: command.parameters['commands'] ?? [],
    node,
  });
  inv.status = 'InProgress';
  inv.statusDetails = 'InProgress';
  if (outcome instanceof Promise) {
    // A script that really runs (the lab): InProgress until it is done, then terminal at the next read.
    delete inv.endAt;
    outcome.then(
      (result) => {
        inv.result = result;
        inv.endAt = world.clock();
      },
      (e: unknown) => {
        inv.result = {
          stdout: '',
          stderr: `vmc-reach: the script could not run: ${e instanceof Error ? e.message : String(e)}\n`,
          exitCode: 1,
          durationMs: 0,
        };
        inv.endAt = world.clock();
      },
    );
    return;
  }
  const result = outcome;
  inv.result = result;
  const scale = world.latency.timeScale;
  if (scale) inv.endAt += Math.round(result.durationMs / scale);
}

function finish(inv: CommandInvocation): void {
  const ok = inv.result?.exitCode === 0;
  inv.status = ok ? 'Success' : 'Failed';
  inv.statusDetails = ok ? 'Success' : 'Failed';
}

/**
 * Applies due transitions to every unfinished invocation, running a starting invocation's script with
 * `runScript`. Every SSM read calls it first.
 */
export function settleCommands(world: World, runScript: ScriptRunner = refuseScripts): void {
  settleInstances(world);
  const now = world.clock();
  for (const command of world.ssm.commands.values()) {
    for (const inv of command.invocations) {
      if (inv.status === 'Pending' && inv.startAt <= now) start(world, command, inv, runScript);
      if (inv.status === 'InProgress' && inv.endAt !== undefined && inv.endAt <= now) finish(inv);
    }
  }
}

/** The command's overall status and counts, from its invocations (SSM's aggregation). */
export function commandProgress(command: Command): { status: CommandStatus; completedCount: number; errorCount: number } {
  const statuses = command.invocations.map((i) => i.status);
  const done = statuses.filter((s) => terminal.has(s));
  const errorCount = statuses.filter((s) => s === 'Failed' || s === 'TimedOut').length;
  let status: CommandStatus;
  if (done.length < statuses.length) status = statuses.some((s) => s !== 'Pending') ? 'InProgress' : 'Pending';
  else if (command.cancelled && statuses.includes('Cancelled')) status = 'Cancelled';
  else if (statuses.includes('Failed')) status = 'Failed';
  else if (statuses.includes('TimedOut')) status = 'TimedOut';
  else status = 'Success';
  return { status, completedCount: done.length, errorCount };
}
