// The mock's guest OS for Run Command: it answers `ping` (and, in port-probe-runner.ts, the TCP/UDP probe
// commands of src/shapes/ssm/port-probe-command.ts) from the reachability engine's verdict on the
// current world (design §3), in the source node's own ping format (iputils for AWS-RunShellScript on
// Linux, ping.exe for AWS-RunPowerShellScript on Windows). Anything else, and a ping the engine
// cannot evaluate (an address that is no instance or VM of the world, two instances), fails with
// "not supported by the mock" on stderr and exit code 127 — a probe never passes by default. No
// line runs unless every line can: a script is evaluated as a whole.
import { evaluate, type EndpointRef } from '../../../src/network';
import { endpointAt } from './endpoints';
import type { ManagedNode, ScriptRequest, ScriptResult, ScriptRunner, World } from '../../../src/world';
import { parseLinuxPing, parseWindowsPing, splitWords, type PingRequest } from './ping-args';
import { linuxPing, windowsPing, type PingText } from './ping-output';
import { parsePortProbeCommand } from '../../../src/shapes/ssm/port-probe-command';
import { runPortProbe } from './port-probe-runner';

export const unsupportedExitCode = 127;

const unsupported = (what: string): ScriptResult => ({
  stdout: '',
  stderr: `vmc-reach mock: ${what}: not supported by the mock (it answers ping and the TCP/UDP probe commands to the instances and VMs of its world, from the reachability engine)\n`,
  exitCode: unsupportedExitCode,
  durationMs: 0,
});

/** The TTL the replies arrive with: the destination OS's initial TTL minus the two NSX routers (T1, T0). */
function replyTtl(world: World, dst: EndpointRef): number {
  const windows =
    dst.kind === 'instance'
      ? world.ec2.instances.get(dst.instanceId)?.platform === 'windows'
      : /windows/i.test(world.nsx.vms.get(dst.externalId)?.osName ?? '');
  return (windows ? 128 : 64) - 2;
}

type Planned = { request: PingRequest; destination: EndpointRef };

function plan(world: World, node: ManagedNode, line: string, windows: boolean): Planned | ScriptResult {
  const words = splitWords(line);
  const program = (words[0] ?? '').replace(/^.*[/\\]/, '').toLowerCase();
  const isPing = windows ? program === 'ping' || program === 'ping.exe' : program === 'ping';
  if (!isPing) return unsupported(`"${line}"`);
  const parsed = windows ? parseWindowsPing(words) : parseLinuxPing(words);
  if (!parsed.ok) return unsupported(parsed.reason);
  const destination = endpointAt(world, parsed.request.destination);
  if (!destination)
    return unsupported(`ping ${parsed.request.destination}: the address is not an EC2 instance or SDDC VM of the mock's world`);
  if (destination.kind === node.target.kind) {
    const what = node.target.kind === 'vm' ? 'two SDDC VMs' : 'two EC2 instances';
    return unsupported(
      `ping ${parsed.request.destination} from ${node.instanceId}: flows between ${what} are not modelled (one end must be an EC2 instance and the other an SDDC VM)`,
    );
  }
  return { request: parsed.request, destination };
}

export const engineScriptRunner: ScriptRunner = (world, req: ScriptRequest) => {
  const windows = req.documentName === 'AWS-RunPowerShellScript';
  if (windows && req.node.platformType !== 'Windows') return unsupported('PowerShell (pwsh) on a Linux node');
  const lines = req.commands
    .flatMap((c) => c.split(/\r?\n/))
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) return unsupported('an empty script');
  const portProbes = lines.map((l) => parsePortProbeCommand(l));
  if (portProbes.some((p) => p !== undefined)) {
    if (lines.length > 1) return unsupported('a TCP/UDP probe must be the only line of its script');
    const parsed = portProbes[0]!;
    if (!parsed.ok) return unsupported(parsed.reason);
    if ((parsed.request.os === 'windows') !== windows) return unsupported(`a ${parsed.request.os} probe command in ${req.documentName}`);
    if (windows !== (req.node.platformType === 'Windows'))
      return unsupported(`a ${parsed.request.os} probe command on a ${req.node.platformType} node`);
    const answer = runPortProbe(world, req, parsed.request);
    return 'unsupported' in answer ? unsupported(answer.unsupported) : answer.result;
  }
  const planned: Planned[] = [];
  for (const line of lines) {
    const p = plan(world, req.node, line, windows);
    if (!('request' in p)) return p;
    planned.push(p);
  }
  const outputs: PingText[] = planned.map(({ request, destination }, i) => {
    const verdict = evaluate(world, { source: req.node.target, destination, protocol: 'icmp' });
    const outcome = { replies: verdict.reachable, ttl: replyTtl(world, destination), seed: `${req.commandId}/${i}/${request.destination}` };
    return windows ? windowsPing(request, outcome) : linuxPing(request, outcome);
  });
  return {
    stdout: outputs.map((o) => o.stdout).join(''),
    stderr: '',
    // A shell script's exit code is its last command's.
    exitCode: outputs[outputs.length - 1]!.exitCode,
    durationMs: outputs.reduce((a, o) => a + o.durationMs, 0),
  };
};
