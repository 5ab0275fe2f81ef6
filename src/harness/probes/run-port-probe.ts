// A TCP or UDP probe through SSM Run Command (the commands: src/shapes/ssm/port-probe-command.ts). When
// the probe needs a responder (UDP always; TCP with `listen`), the one-shot listener is sent to the
// destination first and the connect/send goes out once the listener's invocation is InProgress (plus a
// short settle for the program to bind). After the connect/send has finished, a listener that heard its
// peer has already exited (it is one-shot); one still running after a grace period never heard it and is
// cancelled, so no listener outlives the probe. A probe that never ran (agent offline, python3 missing,
// the port in use on the destination) is an infrastructure error, kept apart from an answer.
import {
  CancelCommandCommand,
  GetCommandInvocationCommand,
  SendCommandCommand,
  type GetCommandInvocationCommandOutput,
  type SendCommandCommandInput,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { isCredentialError } from '../../clients/aws';
import { realClock, waitUntil, WaitTimeoutError, type Clock } from '../../target/wait';
import {
  parseListenerOutput,
  parsePortProbeOutput,
  renderPortProbe,
  type PortOutcome,
  type PortProbeRequest,
  type PortProtocol,
} from '../../shapes/ssm/port-probe-command';
import { transientStatuses, type CommandNotRun, type CommandRan } from './command-outcome';

export interface PortProbeInput {
  protocol: PortProtocol;
  port: number;
  /** TCP: start a listener on the destination first (UDP always does). */
  listen: boolean;
  from: { nodeId: string; os: 'linux' | 'windows' };
  to: { nodeId: string; os: 'linux' | 'windows'; ip: string };
  timeoutSeconds: number;
  clock?: Clock;
  /** Real guests: time for the listener to bind after its invocation turns InProgress (default 2000 ms). */
  settleMs?: number;
  /** Real guests: how long a listener may still run after the connect/send finished (default 3000 ms). */
  listenerGraceMs?: number;
}

export interface ListenerReport {
  command: string;
  commandId?: string;
  /** Whether the listener saw the connection or the datagram (and from where). */
  heard: boolean;
  peer?: string;
  transcript: string;
  /** The listener was still waiting when the probe ended and was cancelled. */
  cancelled?: boolean;
}

export type PortProbeOutcome =
  (CommandRan & { outcome: PortOutcome; detail: string; listener?: ListenerReport }) | (CommandNotRun & { listener?: ListenerReport });

/** The SendCommand request of a probe or listener (checked against botocore's model in its test). */
export function sendCommandInput(nodeId: string, document: string, command: string, timeoutSeconds: number): SendCommandCommandInput {
  return {
    DocumentName: document,
    InstanceIds: [nodeId],
    Parameters: { commands: [command] },
    Comment: 'vmc-reach probe',
    TimeoutSeconds: Math.max(30, timeoutSeconds),
  };
}

const errorName = (e: unknown): string => (e as { name?: string }).name ?? '';

class Ssm {
  apiCalls = 0;
  constructor(
    readonly client: SSMClient,
    readonly clock: Clock,
  ) {}

  async send(nodeId: string, document: string, command: string, timeoutSeconds: number): Promise<string> {
    this.apiCalls++;
    try {
      const sent = await this.client.send(new SendCommandCommand(sendCommandInput(nodeId, document, command, timeoutSeconds)));
      const id = sent.Command?.CommandId;
      if (!id) throw new Error('SendCommand returned no command id');
      return id;
    } catch (e) {
      if (isCredentialError(e)) throw e;
      throw new Error(
        errorName(e) === 'InvalidInstanceId'
          ? `SSM cannot run commands on ${nodeId}: it is not a managed node that is online (an EC2 instance needs an instance profile with AmazonSSMManagedInstanceCore and a running agent; an SDDC VM needs the SSM agent registered as a hybrid node). SSM said: ${(e as Error).message}`
          : `SendCommand on ${nodeId} failed: ${errorName(e)}: ${(e as Error).message}`,
      );
    }
  }

  async read(commandId: string, nodeId: string): Promise<GetCommandInvocationCommandOutput | undefined> {
    this.apiCalls++;
    try {
      return await this.client.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: nodeId }));
    } catch (e) {
      if (errorName(e) === 'InvocationDoesNotExist') return undefined;
      throw e;
    }
  }

  /** Polls until the invocation's status satisfies `until`. */
  wait(
    commandId: string,
    nodeId: string,
    what: string,
    until: (status: string) => boolean,
    timeoutMs: number,
    firstDelayMs: number,
  ): Promise<GetCommandInvocationCommandOutput> {
    return waitUntil(
      async () => {
        const r = await this.read(commandId, nodeId);
        if (r && until(r.Status ?? 'Unknown')) return { done: true, value: r };
        return { done: false, observed: r ? { Status: r.Status, StatusDetails: r.StatusDetails } : 'InvocationDoesNotExist' };
      },
      {
        purpose: `${what} on ${nodeId} (command ${commandId})`,
        timeoutMs,
        initialDelayMs: firstDelayMs,
        factor: 1.5,
        maxDelayMs: 1_000,
        clock: this.clock,
      },
    );
  }

  async cancel(commandId: string, nodeId: string): Promise<void> {
    this.apiCalls++;
    await this.client.send(new CancelCommandCommand({ CommandId: commandId, InstanceIds: [nodeId] })).catch(() => undefined);
  }
}

const transcriptOf = (r: GetCommandInvocationCommandOutput): string =>
  `${r.StandardOutputContent ?? ''}${r.StandardErrorContent ? `\n[stderr]\n${r.StandardErrorContent}` : ''}`;

export async function runPortProbe(client: SSMClient, input: PortProbeInput): Promise<PortProbeOutcome> {
  const clock = input.clock ?? realClock;
  const ssm = new Ssm(client, clock);
  const start = clock.now();
  const elapsed = (): number => clock.now() - start;
  const t = Math.max(1, Math.round(input.timeoutSeconds));
  const request: PortProbeRequest =
    input.protocol === 'tcp'
      ? { protocol: 'tcp', role: 'connect', os: input.from.os, destination: input.to.ip, port: input.port, timeoutS: t }
      : { protocol: 'udp', role: 'send', os: input.from.os, destination: input.to.ip, port: input.port, timeoutS: t };
  const probeCmd = renderPortProbe(request);
  const needsListener = input.protocol === 'udp' || input.listen;
  // The listener waits for the SSM delivery of the connect/send as well as for its own timeout.
  const listenReq: PortProbeRequest = {
    protocol: input.protocol,
    role: 'listen',
    os: input.to.os,
    destination: '0.0.0.0',
    port: input.port,
    timeoutS: t + 45,
  };
  const listenCmd = renderPortProbe(listenReq);
  let listener: { commandId: string; report?: ListenerReport } | undefined;
  const fail = (error: string, extra: Partial<Extract<PortProbeOutcome, { kind: 'infra-error' }>> = {}): PortProbeOutcome => ({
    kind: 'infra-error',
    command: probeCmd.command,
    error,
    durationMs: elapsed(),
    apiCalls: ssm.apiCalls,
    ...(listener?.report ? { listener: listener.report } : {}),
    ...extra,
  });
  try {
    if (needsListener) {
      const id = await ssm.send(input.to.nodeId, listenCmd.document, listenCmd.command, listenReq.timeoutS + 30);
      listener = { commandId: id };
      const seen = await ssm.wait(id, input.to.nodeId, 'the listener to start', (s) => s !== 'Pending' && s !== 'Delayed', 120_000, 200);
      if (seen.Status !== 'InProgress') {
        // It ended before anything was sent to it: it never listened (python3 missing, port in use).
        const parsed = parseListenerOutput(listenReq, {
          stdout: seen.StandardOutputContent ?? '',
          stderr: seen.StandardErrorContent ?? '',
          exitCode: seen.ResponseCode ?? -1,
        });
        listener.report = { command: listenCmd.command, commandId: id, heard: false, transcript: transcriptOf(seen) };
        return fail(
          'error' in parsed ? parsed.error : `the listener on ${input.to.nodeId} ended (${seen.Status}) before the probe was sent`,
        );
      }
      await clock.sleep(input.settleMs ?? 2_000);
    }
    let commandId: string;
    try {
      commandId = await ssm.send(input.from.nodeId, probeCmd.document, probeCmd.command, t + 60);
    } catch (e) {
      if (isCredentialError(e)) throw e;
      if (listener) await ssm.cancel(listener.commandId, input.to.nodeId);
      return fail((e as Error).message);
    }
    const inv = await ssm.wait(
      commandId,
      input.from.nodeId,
      `the ${input.protocol.toUpperCase()} probe to finish`,
      (s) => !transientStatuses.has(s),
      (t + 60) * 1000,
      300,
    );
    const status = inv.Status ?? 'Unknown';
    const stdout = inv.StandardOutputContent ?? '';
    const stderr = inv.StandardErrorContent ?? '';
    const exitCode = inv.ResponseCode ?? -1;
    if (listener)
      listener.report = await collectListener(
        ssm,
        input.to.nodeId,
        listener.commandId,
        listenReq,
        listenCmd.command,
        input.listenerGraceMs ?? 3_000,
      );
    if (status !== 'Success' && status !== 'Failed')
      return fail(
        `the command did not run to completion on ${input.from.nodeId}: ${status}${inv.StatusDetails ? ` (${inv.StatusDetails})` : ''}`,
        { commandId, stdout, stderr },
      );
    const parsed = parsePortProbeOutput(request, { stdout, stderr, exitCode });
    if (parsed.outcome === 'error')
      return fail(`the ${input.protocol.toUpperCase()} probe did not run on ${input.from.nodeId}: ${parsed.detail}`, {
        commandId,
        stdout,
        stderr,
      });
    return {
      kind: 'ran',
      command: probeCmd.command,
      commandId,
      status,
      exitCode,
      stdout,
      stderr,
      outcome: parsed.outcome,
      detail: parsed.detail,
      ...(listener?.report ? { listener: listener.report } : {}),
      durationMs: elapsed(),
      apiCalls: ssm.apiCalls,
    };
  } catch (e) {
    if (isCredentialError(e)) throw e;
    if (listener && !listener.report) await ssm.cancel(listener.commandId, input.to.nodeId);
    if (e instanceof WaitTimeoutError) return fail(e.message);
    return fail(`${errorName(e) || 'Error'}: ${(e as Error).message}`);
  }
}

/** The listener's report once the probe is done: what it printed, or cancelled if it is still waiting. */
async function collectListener(
  ssm: Ssm,
  nodeId: string,
  commandId: string,
  req: PortProbeRequest,
  command: string,
  graceMs: number,
): Promise<ListenerReport> {
  let inv: GetCommandInvocationCommandOutput | undefined;
  try {
    inv = await ssm.wait(commandId, nodeId, 'the listener to finish', (s) => !transientStatuses.has(s), graceMs, Math.min(250, graceMs));
  } catch (e) {
    if (!(e instanceof WaitTimeoutError)) throw e;
    // Still listening: a one-shot listener that heard its peer would have exited already.
    await ssm.cancel(commandId, nodeId);
    return { command, commandId, heard: false, cancelled: true, transcript: '(still listening when the probe ended; cancelled)' };
  }
  const parsed = parseListenerOutput(req, {
    stdout: inv.StandardOutputContent ?? '',
    stderr: inv.StandardErrorContent ?? '',
    exitCode: inv.ResponseCode ?? -1,
  });
  const heard = 'heard' in parsed && parsed.heard;
  return { command, commandId, heard, ...(heard ? { peer: parsed.peer } : {}), transcript: transcriptOf(inv) };
}
