// The mock guest's answer to a TCP/UDP probe command (src/shapes/ssm/port-probe-command.ts), from the
// reachability engine's verdict for that flow on the current world (SGs, NACLs with the ephemeral reply
// ports, routes, CGW, DFW, guest firewall):
// - a listener registers on its node (listeners.ts) and prints when a peer reaches it or its time is up;
// - a connect/send whose flow passes both ways is `open` when the destination listens on the port (a
//   listener started through SSM, or sshd / Remote Desktop of a stock EC2 image), else `refused` (the destination's stack answers with a RST, or ICMP
//   port unreachable for UDP), and the listener hears its peer;
// - a flow blocked on the way there times out (`filtered`), except at a REJECT rule: NSX answers a TCP
//   SYN with a RST (`refused`) and a UDP datagram with ICMP unreachable (an ICMP error);
// - a flow blocked on the way back times out: the TCP listener never completes a handshake (it hears
//   nothing), the UDP listener receives the datagram but its echo is lost.
// Anything the engine cannot decide (an indeterminate verdict) or does not model is refused as not
// supported: a probe never passes by default.
// Mock notes (where a real guest differs): the RST or ICMP error a REJECT rule sends, and the RST of a
// closed port, are taken to reach the source whenever the flow's return path is open (the mock does not
// evaluate ICMP errors against NACLs separately); Test-NetConnection's own ping is answered from the ICMP
// verdict; durations are what the real tools would take, scaled by the latency profile.
import { evaluate, type EndpointRef, type Verdict } from '../../../src/network';
import type { ScriptRequest, ScriptResult, World } from '../../../src/world';
import type { PortProbeRequest } from '../../../src/shapes/ssm/port-probe-command';
import { endpointAt } from './endpoints';
import { isListening, reachListener, startListener } from './listeners';
import { linuxConnectOutput, udpSendOutput, windowsConnectOutput, type PortAnswer } from './port-probe-output';

/** The engine's default ephemeral source port of a TCP/UDP flow (src/network/flow.ts): the listener's peer port. */
const ephemeralPort = 49152;

export type PortProbeAnswer = { result: ScriptResult | Promise<ScriptResult> } | { unsupported: string };

function answerOf(verdict: Verdict, listening: boolean, protocol: 'tcp' | 'udp'): { answer: PortAnswer; heard: boolean } {
  if (verdict.reachable) return { answer: listening ? 'open' : 'refused', heard: listening };
  const block = verdict.blockedBy!;
  if (block.direction === 'forward' && /_REJECT$/.test(block.code))
    return { answer: protocol === 'tcp' ? 'refused' : 'icmp-error', heard: false };
  // Blocked on the way back: a UDP datagram did arrive (and was echoed); a TCP handshake never completes.
  return { answer: 'timeout', heard: block.direction === 'return' && protocol === 'udp' && listening };
}

export function runPortProbe(world: World, req: ScriptRequest, probe: PortProbeRequest): PortProbeAnswer {
  if (probe.role === 'listen') return { result: startListener(world, req.commandId, req.node.target, probe) };
  const destination = endpointAt(world, probe.destination);
  if (!destination)
    return {
      unsupported: `${probe.protocol.toUpperCase()} probe to ${probe.destination}: the address is not an EC2 instance or SDDC VM of the mock's world`,
    };
  const source: EndpointRef = req.node.target;
  if (destination.kind === source.kind) {
    const what = source.kind === 'vm' ? 'two SDDC VMs' : 'two EC2 instances';
    return {
      unsupported: `${probe.protocol.toUpperCase()} probe to ${probe.destination} from ${req.node.instanceId}: flows between ${what} are not modelled (one end must be an EC2 instance and the other an SDDC VM)`,
    };
  }
  const verdict = evaluate(world, { source, destination, protocol: probe.protocol, port: probe.port, sourcePort: ephemeralPort });
  if (verdict.status === 'indeterminate') {
    return {
      unsupported: `${probe.protocol.toUpperCase()} ${probe.destination}:${probe.port}: the engine cannot decide this flow (${verdict.assumptions.map((a) => a.missing).join(', ')} missing)`,
    };
  }
  const listening = isListening(world, destination, probe.protocol, probe.port);
  const { answer, heard } = answerOf(verdict, listening, probe.protocol);
  if (heard) reachListener(world, destination, probe.protocol, probe.port, `${req.node.ipAddress}:${ephemeralPort}`);
  if (probe.role === 'send') return { result: udpSendOutput(probe, answer) };
  if (probe.os === 'linux') return { result: linuxConnectOutput(probe, answer) };
  const ping = evaluate(world, { source, destination, protocol: 'icmp' });
  return { result: windowsConnectOutput(probe, answer, { sourceIp: req.node.ipAddress, pingReplies: ping.reachable }) };
}
