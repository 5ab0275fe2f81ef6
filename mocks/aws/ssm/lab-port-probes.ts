// The lab's answer to the TCP/UDP probe commands (src/shapes/ssm/port-probe-command.ts): they run for
// real in the lab nodes' network namespaces, through the nftables compiled from the world, so open,
// refused (a RST from the destination's kernel or from a REJECT rule) and filtered (nothing within the
// time) are what the kernel decides. Linux lines run as they are, with the host's bash, coreutils
// timeout and python3 inside the node's namespace (on the container backend too: busybox-static has no
// bash /dev/tcp, no python3 and no UDP netcat), so their output, exit code and time are the tools' own.
// A listener is started before any connect/send aimed at it goes out: it reports when its socket is
// bound (the node's own socket table, through `ss`), and a connect/send to that node and port waits for
// that (lab execs run concurrently). A cancelled listener command (CancelCommand) is killed.
// Mock notes: lab nodes are Linux. A PowerShell listener or UDP sender runs its Linux twin, whose lines
// are the same text (the ICMP error is named as .NET names it). A PowerShell connect runs a real
// connect (port-probe.ts) bounded by the request's time and is printed in Test-NetConnection's format
// (port-probe-output.ts) from the measured answer, with a real ping for Test-NetConnection's own ping
// when the connect fails; the time is the lab's, not Test-NetConnection's ~21 s for a dropped SYN.
// Source ports are the kernel's choice from the node's range (Windows nodes: 49152-65535; src/lab/plan.ts).
import { renderPortProbe, type PortProbeRequest } from '../../../src/shapes/ssm/port-probe-command';
import type { LabClient } from '../../../src/lab/lab-client';
import { parsePortProbe, portProbeArgv } from '../../../src/lab/port-probe';
import type { ScriptRequest, ScriptResult, World } from '../../../src/world';
import { windowsConnectOutput, type PortAnswer } from './port-probe-output';

const readyMark = 'vmc-reach-lab: bound';

/** How long a connect/send waits for a listener on its destination that is starting. */
const listenerStartMs = 15_000;

/** The address(es) of a managed node's endpoint in the world. */
function addressesOf(world: World, req: ScriptRequest): string[] {
  const t = req.node.target;
  if (t.kind === 'instance') {
    const ip = world.ec2.instances.get(t.instanceId)?.privateIpAddress;
    return ip ? [ip] : [];
  }
  return world.nsx.vms.get(t.externalId)?.ipAddresses ?? [];
}

/**
 * The listener line wrapped so that it says when its socket is bound: it runs in the background, `ss`
 * polls the namespace's socket table (10 ms steps, while the listener lives), then the mark, then the
 * listener's own output and exit code.
 */
function listenerScript(line: string, protocol: 'tcp' | 'udp', port: number): string {
  const ss = `ss -Hln${protocol === 'tcp' ? 't' : 'u'} 'sport = :${port}'`;
  return `${line} &\np=$!\nwhile kill -0 $p 2>/dev/null && [ -z "$(${ss})" ]; do sleep 0.01; done\necho '${readyMark}'\nwait $p\n`;
}

const errnoNames: Record<string, string> = {
  'No route to host': 'HostUnreachable',
  'Network is unreachable': 'NetworkUnreachable',
  'Operation not permitted': 'AccessDenied',
  'Permission denied': 'AccessDenied',
};

/** Lines of the Linux twin as PowerShell prints them (CRLF; the socket error as .NET names it). */
const asWindows = (text: string): string =>
  text.replace(/unreachable \(([^)]+)\)/g, (_m, e: string) => `unreachable (${errnoNames[e] ?? e})`).replace(/\r?\n/g, '\r\n');

export class LabPortProbes {
  /** Listeners starting or running, by `ip protocol port`: resolve when bound. */
  private readonly listening = new Map<string, Promise<void>>();

  constructor(private readonly lab: LabClient) {}

  /** Runs one probe line on the request's node. */
  async run(world: World, req: ScriptRequest, probe: PortProbeRequest): Promise<ScriptResult> {
    if (probe.role === 'listen') return this.listen(world, req, probe);
    await this.listening.get(`${probe.destination} ${probe.protocol} ${probe.port}`);
    if (probe.os === 'windows' && probe.role === 'connect') return this.windowsConnect(world, req, probe);
    const line = renderPortProbe({ ...probe, os: 'linux' }).command;
    const r = await this.lab.exec(req.node.instanceId, ['bash', '-c', line], (probe.timeoutS + 10) * 1000, { hostTools: true });
    const result = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode ?? 137, durationMs: r.durationMs };
    return probe.os === 'windows' ? { ...result, stdout: asWindows(result.stdout), stderr: asWindows(result.stderr) } : result;
  }

  private async listen(world: World, req: ScriptRequest, probe: PortProbeRequest): Promise<ScriptResult> {
    const line = renderPortProbe({ ...probe, os: 'linux' }).command;
    const stop = new AbortController();
    let bound!: () => void;
    const ready = new Promise<void>((resolve) => void (bound = resolve));
    const keys = addressesOf(world, req).map((ip) => `${ip} ${probe.protocol} ${probe.port}`);
    const gate = Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, listenerStartMs).unref())]);
    for (const k of keys) this.listening.set(k, gate);
    // CancelCommand (the harness ends a listener nobody reached) kills it, as the SSM agent would.
    const watch = setInterval(() => void (world.ssm.commands.get(req.commandId)?.cancelled && stop.abort()), 100);
    try {
      const r = await this.lab.exec(
        req.node.instanceId,
        ['bash', '-c', listenerScript(line, probe.protocol, probe.port)],
        (probe.timeoutS + 10) * 1000,
        { hostTools: true, signal: stop.signal, onReady: () => bound() },
      );
      const stdout = r.stdout
        .split('\n')
        .filter((l) => l !== readyMark)
        .join('\n');
      return {
        stdout: probe.os === 'windows' ? asWindows(stdout) : stdout,
        stderr: r.stderr,
        exitCode: r.exitCode ?? 137,
        durationMs: r.durationMs,
      };
    } finally {
      clearInterval(watch);
      bound();
      for (const k of keys) if (this.listening.get(k) === gate) this.listening.delete(k);
    }
  }

  private async windowsConnect(world: World, req: ScriptRequest, probe: PortProbeRequest): Promise<ScriptResult> {
    const target = { protocol: 'tcp' as const, ip: probe.destination, port: probe.port };
    const r = await this.lab.exec(req.node.instanceId, portProbeArgv([target], probe.timeoutS), (probe.timeoutS + 10) * 1000, {
      hostTools: true,
    });
    const [res] = parsePortProbe([target], r);
    const answer: PortAnswer =
      res!.result === 'open' ? 'open' : res!.result === 'refused' ? 'refused' : res!.result === 'filtered' ? 'timeout' : 'icmp-error';
    let pingReplies = false;
    let pingMs = 0;
    if (answer !== 'open') {
      // Test-NetConnection pings the host when the TCP test fails: a real echo request.
      const ping = await this.lab.exec(req.node.instanceId, ['ping', '-n', '-c', '1', '-W', '1', probe.destination], 10_000, {
        hostTools: true,
      });
      pingReplies = ping.exitCode === 0;
      pingMs = ping.durationMs;
    }
    const text = windowsConnectOutput(probe, answer, { sourceIp: addressesOf(world, req)[0] ?? '', pingReplies });
    return { ...text, durationMs: r.durationMs + pingMs };
  }
}
