// The lab as the mock's guest OS for Run Command (`--dataplane lab`): `ping` runs for real in the source
// node's network namespace, through the nftables the lab compiled from the world, so a probe is a real
// ICMP echo through real stateful filtering. The lab lives in its own process (src/lab/lab-client.ts);
// before each script the running lab is brought in line with the world if it changed (a rule revoked,
// case C's fix), so packets always cross the network of that moment. TCP/UDP probe commands and their
// listeners (src/shapes/ssm/port-probe-command.ts) run for real too: see lab-port-probes.ts.
// Mock note: lab nodes are Linux; a PowerShell ping on a Windows node runs the Linux ping and is printed
// in ping.exe's format from its real reply lines: the round-trip times and TTLs the Linux ping measured.
import type { LabClient } from '../../../src/lab/lab-client';
import type { ScriptRequest, ScriptResult, ScriptRunner, World } from '../../../src/world';
import { parseLinuxPing, parseWindowsPing, splitWords, type PingRequest } from './ping-args';
import { measuredReplies, windowsPingFromMeasured } from './ping-output';
import { unsupportedExitCode } from './script-runner';
import { parsePortProbeCommand, type PortProbeRequest } from '../../../src/shapes/ssm/port-probe-command';
import { LabPortProbes } from './lab-port-probes';

const unsupported = (what: string): ScriptResult => ({
  stdout: '',
  stderr: `vmc-reach lab: ${what}: not supported (the lab runs ping and the TCP/UDP probe commands from instances and VMs of its world)\n`,
  exitCode: unsupportedExitCode,
  durationMs: 0,
});

type Planned = { ping: PingRequest } | { port: PortProbeRequest };

export function labScriptRunner(lab: LabClient): ScriptRunner {
  const ports = new LabPortProbes(lab);
  let appliedRevision = -1;
  let sync: Promise<unknown> = Promise.resolve();
  const inLineWith = (world: World): Promise<unknown> => {
    sync = sync.then(async () => {
      if (appliedRevision === world.revision) return;
      const revision = world.revision;
      await lab.apply(world);
      appliedRevision = revision;
    });
    return sync;
  };

  return async (world: World, req: ScriptRequest): Promise<ScriptResult> => {
    const windows = req.documentName === 'AWS-RunPowerShellScript';
    const lines = req.commands
      .flatMap((c) => c.split(/\r?\n/))
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    if (lines.length === 0) return unsupported('an empty script');
    const requests: Planned[] = [];
    for (const line of lines) {
      const port = parsePortProbeCommand(line);
      if (port && !port.ok) return unsupported(port.reason);
      if (port) {
        if ((port.request.os === 'windows') !== windows) return unsupported(`"${line}" in ${req.documentName}`);
        requests.push({ port: port.request });
        continue;
      }
      const words = splitWords(line);
      const program = (words[0] ?? '').replace(/^.*[/\\]/, '').toLowerCase();
      if (program !== 'ping' && !(windows && program === 'ping.exe')) return unsupported(`"${line}"`);
      const parsed = windows ? parseWindowsPing(words) : parseLinuxPing(words);
      if (!parsed.ok) return unsupported(parsed.reason);
      requests.push({ ping: parsed.request });
    }
    await inLineWith(world);
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    const started = Date.now();
    for (const planned of requests) {
      if ('port' in planned) {
        const res = await ports.run(world, req, planned.port);
        stdout += res.stdout;
        stderr += res.stderr;
        exitCode = res.exitCode;
        continue;
      }
      const r = planned.ping;
      // Whole seconds and no -i at its default: the container backend's busybox ping takes nothing else.
      const argv = [
        'ping',
        '-c',
        String(r.count),
        '-W',
        String(Math.max(1, Math.ceil(r.timeoutS))),
        ...(r.intervalS !== 1 ? ['-i', String(Math.max(0.2, r.intervalS))] : []),
        r.destination,
      ];
      const res = await lab.exec(req.node.instanceId, argv, Math.ceil((r.count * (r.intervalS + r.timeoutS) + 5) * 1000));
      if (windows) {
        const text = windowsPingFromMeasured(r, measuredReplies(res.stdout), 0);
        stdout += text.stdout;
        exitCode = text.exitCode;
      } else {
        stdout += res.stdout;
        stderr += res.stderr;
        exitCode = res.exitCode ?? 1; // null: killed at the time limit
      }
    }
    return { stdout, stderr, exitCode, durationMs: Date.now() - started };
  };
}
