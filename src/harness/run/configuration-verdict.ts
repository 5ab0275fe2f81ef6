// The engine's verdict on the discovered configuration for one probe. An endpoint the configuration gives
// no IPv4 address (a VIF without ip_address_info, a powered-off VM without a VIF) cannot be evaluated:
// no verdict, and a note that says why, so the probe is judged by its packets alone. TCP/UDP probes are
// evaluated as their flow (protocol, destination port, the engine's default ephemeral source port).
import { evaluate, UnknownEndpointError, type EndpointRef, type Verdict } from '../../network';
import type { World } from '../../world';
import type { ProbeKind } from '../dsl/spec';

export function configurationVerdict(
  world: World,
  source: EndpointRef,
  destination: EndpointRef,
  kind: ProbeKind = { protocol: 'icmp' },
): { verdict: Verdict | null; unevaluated?: string } {
  try {
    return {
      verdict: evaluate(world, { source, destination, ...(kind.protocol === 'icmp' ? {} : { protocol: kind.protocol, port: kind.port }) }),
    };
  } catch (e) {
    if (!(e instanceof UnknownEndpointError)) throw e;
    return {
      verdict: null,
      unevaluated: `the configuration could not be evaluated, so the probe is judged by its packets alone: ${e.message}`,
    };
  }
}
