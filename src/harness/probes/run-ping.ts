// A ping probe through SSM Run Command: SendCommand (AWS-RunShellScript on Linux, AWS-RunPowerShellScript
// on Windows) on an EC2 instance (`i-…`) or an SDDC VM's hybrid managed node (`mi-…`), then
// GetCommandInvocation with backoff until a terminal status. A probe that never ran (agent offline, no
// instance profile, delivery timed out, output that is not ping's) is an infrastructure error, kept
// apart from "unreachable": only parsed ping output says whether packets came back.
import { GetCommandInvocationCommand, SendCommandCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { parsePing, PingParseError, type PingResult } from './parse-ping';
import { realClock, waitUntil, WaitTimeoutError, type Clock } from '../../target/wait';
import { isCredentialError } from '../../clients/aws';
import { transientStatuses, type CommandNotRun, type CommandRan } from './command-outcome';

export interface PingProbeInput {
  /** SSM target: `i-…` or `mi-…`. */
  nodeId: string;
  os: 'linux' | 'windows';
  targetIp: string;
  count: number;
  timeoutSeconds: number;
  clock?: Clock;
  /** How long to wait for the invocation to finish (default: the ping's own time plus 60 s). */
  waitMs?: number;
}

export type PingProbeOutcome = (CommandRan & { ping: PingResult }) | CommandNotRun;

export function pingCommand(
  os: 'linux' | 'windows',
  ip: string,
  count: number,
  timeoutSeconds: number,
): { document: string; command: string } {
  if (os === 'windows')
    return { document: 'AWS-RunPowerShellScript', command: `ping -n ${count} -w ${Math.round(timeoutSeconds * 1000)} ${ip}` };
  return { document: 'AWS-RunShellScript', command: `ping -c ${count} -W ${timeoutSeconds} ${ip}` };
}

const errorName = (e: unknown): string => (e as { name?: string }).name ?? '';

export async function runPingProbe(ssm: SSMClient, input: PingProbeInput): Promise<PingProbeOutcome> {
  const clock = input.clock ?? realClock;
  const start = clock.now();
  const { document, command } = pingCommand(input.os, input.targetIp, input.count, input.timeoutSeconds);
  let apiCalls = 1;
  const elapsed = (): number => clock.now() - start;
  let commandId: string;
  try {
    const sent = await ssm.send(
      new SendCommandCommand({
        DocumentName: document,
        InstanceIds: [input.nodeId],
        Parameters: { commands: [command] },
        Comment: 'vmc-reach probe',
        TimeoutSeconds: 60,
      }),
    );
    commandId = sent.Command?.CommandId ?? '';
    if (!commandId) return { kind: 'infra-error', command, error: 'SendCommand returned no command id', durationMs: elapsed(), apiCalls };
  } catch (e) {
    if (isCredentialError(e)) throw e; // refused credentials end the run (teardown follows), not just this probe
    const why =
      errorName(e) === 'InvalidInstanceId'
        ? `SSM cannot run commands on ${input.nodeId}: it is not a managed node that is online (an EC2 instance needs an instance profile with AmazonSSMManagedInstanceCore and a running agent; an SDDC VM needs the SSM agent registered as a hybrid node). SSM said: ${(e as Error).message}`
        : `SendCommand on ${input.nodeId} failed: ${errorName(e)}: ${(e as Error).message}`;
    return { kind: 'infra-error', command, error: why, durationMs: elapsed(), apiCalls };
  }
  const waitMs = input.waitMs ?? input.count * (input.timeoutSeconds + 1) * 1000 + 60_000;
  try {
    const inv = await waitUntil(
      async () => {
        apiCalls++;
        const r = await ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: input.nodeId }));
        const status = r.Status ?? 'Unknown';
        if (transientStatuses.has(status)) return { done: false, observed: { Status: status, StatusDetails: r.StatusDetails } };
        return { done: true, value: r };
      },
      {
        purpose: `the ping on ${input.nodeId} (command ${commandId}) to finish`,
        timeoutMs: waitMs,
        // The first look when the ping should be done ((count - 1) intervals of 1 s, the reply wait, and
        // about a second for SSM to deliver and report), then once a second: no tight polling.
        initialDelayMs: (input.count + input.timeoutSeconds) * 1000,
        factor: 1,
        maxDelayMs: 1_000,
        clock,
        retryOn: (e) => errorName(e) === 'InvocationDoesNotExist',
      },
    );
    const status = inv.Status ?? 'Unknown';
    const stdout = inv.StandardOutputContent ?? '';
    const stderr = inv.StandardErrorContent ?? '';
    const exitCode = inv.ResponseCode ?? -1;
    if (status !== 'Success' && status !== 'Failed') {
      return {
        kind: 'infra-error',
        command,
        commandId,
        status,
        stdout,
        stderr,
        error: `the command did not run to completion on ${input.nodeId}: ${status}${inv.StatusDetails ? ` (${inv.StatusDetails})` : ''}`,
        durationMs: elapsed(),
        apiCalls,
      };
    }
    try {
      return {
        kind: 'ran',
        command,
        commandId,
        status,
        exitCode,
        stdout,
        stderr,
        ping: parsePing(stdout),
        durationMs: elapsed(),
        apiCalls,
      };
    } catch (e) {
      if (!(e instanceof PingParseError)) throw e;
      return {
        kind: 'infra-error',
        command,
        commandId,
        status,
        stdout,
        stderr,
        error: `ping did not run on ${input.nodeId} (exit ${exitCode}): ${stderr.trim() || e.message}`,
        durationMs: elapsed(),
        apiCalls,
      };
    }
  } catch (e) {
    if (e instanceof WaitTimeoutError)
      return { kind: 'infra-error', command, commandId, error: e.message, durationMs: elapsed(), apiCalls };
    if (isCredentialError(e)) throw e;
    return {
      kind: 'infra-error',
      command,
      commandId,
      error: `GetCommandInvocation failed: ${errorName(e)}: ${(e as Error).message}`,
      durationMs: elapsed(),
      apiCalls,
    };
  }
}
