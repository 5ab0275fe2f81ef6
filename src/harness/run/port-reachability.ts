// How a TCP/UDP probe's answer reads as reachable or not. `open` proves the path both ways (handshake
// completed, datagram echoed). `filtered` is unreachable (no answer in time, or an ICMP error from the
// path). `refused` depends on who answered: with no listener of ours on the port, a RST (ICMP port
// unreachable for UDP) from the destination's stack proves the path open both ways with nothing listening,
// unless the configuration names a REJECT rule on the path, which answers the same way (NSX REJECT sends a
// RST for TCP); with our listener running on the port, the refusal came from something else on the path
// (a REJECT rule, the guest firewall), so it is unreachable.
import type { Verdict } from '../../network';
import type { PortObservation } from '../../target/results';

export function portReachability(
  o: Pick<PortObservation, 'protocol' | 'outcome' | 'listener'> & { detail?: string },
  listened: boolean,
  verdict: Verdict | null,
): { reachable: boolean; judged: string } {
  if (o.outcome === 'open') {
    return {
      reachable: true,
      judged:
        o.protocol === 'tcp'
          ? 'the TCP handshake completed: reachable both ways'
          : 'the datagram was echoed back by the responder: reachable both ways',
    };
  }
  if (o.outcome === 'filtered') {
    if (o.listener?.heard)
      return {
        reachable: false,
        judged: `the ${o.protocol === 'udp' ? 'datagram' : 'connection'} reached the listener on the destination but the reply never came back: the return path drops it (a stateless network ACL without the ephemeral reply ports?)`,
      };
    return {
      reachable: false,
      judged: `filtered: ${o.detail ?? 'no answer'}${o.listener ? '; the listener on the destination heard nothing' : ''}`,
    };
  }
  const what = o.protocol === 'tcp' ? 'a RST' : 'ICMP port unreachable';
  if (listened)
    return {
      reachable: false,
      judged: `refused (${what}) although our listener was running on the port: a REJECT rule or the guest firewall answered for the destination`,
    };
  const reject = verdict?.blockedBy && /_REJECT$/.test(verdict.blockedBy.code) ? verdict.blockedBy : undefined;
  if (reject)
    return {
      reachable: false,
      judged: `refused (${what}), attributed to ${reject.code} at ${reject.resource.id}, which answers for the destination; start a listener (listen: true) to tell a closed port from a rejecting rule by packets alone`,
    };
  return { reachable: true, judged: `refused (${what}) by the destination: the path is open both ways, nothing listens on the port` };
}
