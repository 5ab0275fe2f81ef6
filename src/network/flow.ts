// A flow to evaluate: which endpoint sends what to which endpoint. ICMP echo is the default; TCP and
// UDP flows carry a destination port (and a source port, from the ephemeral range, for the reply).

export type EndpointRef = { kind: 'instance'; instanceId: string } | { kind: 'vm'; externalId: string };

export type Protocol = 'icmp' | 'tcp' | 'udp';

export interface Flow {
  source: EndpointRef;
  destination: EndpointRef;
  protocol?: Protocol;
  /** Destination port for TCP/UDP. */
  port?: number;
  /** Source port for TCP/UDP; the reply is addressed to it. Default 49152 (ephemeral range). */
  sourcePort?: number;
}

/** One packet as the filters see it. */
export interface Packet {
  protocol: Protocol;
  /** ICMP type and code (echo request 8/0, echo reply 0/0). */
  icmpType: number;
  icmpCode: number;
  /** Destination port (TCP/UDP). */
  port: number;
}

export const ianaProtocol: Record<Protocol, number> = { icmp: 1, tcp: 6, udp: 17 };

/** The request packet of a flow and the reply that comes back. */
export function packetsOf(flow: Flow): { request: Packet; reply: Packet } {
  const protocol = flow.protocol ?? 'icmp';
  if (protocol === 'icmp') {
    return {
      request: { protocol, icmpType: 8, icmpCode: 0, port: -1 },
      reply: { protocol, icmpType: 0, icmpCode: 0, port: -1 },
    };
  }
  if (flow.port === undefined) throw new RangeError(`a ${protocol} flow needs a destination port`);
  return {
    request: { protocol, icmpType: -1, icmpCode: -1, port: flow.port },
    reply: { protocol, icmpType: -1, icmpCode: -1, port: flow.sourcePort ?? 49152 },
  };
}

/** A short key for caches that depend on the packet's filter-relevant fields. */
export const packetKey = (p: Packet): string => `${p.protocol}:${p.icmpType}:${p.icmpCode}:${p.port}`;

export const describePacket = (p: Packet): string =>
  p.protocol === 'icmp' ? `ICMP type ${p.icmpType} code ${p.icmpCode}` : `${p.protocol.toUpperCase()} port ${p.port}`;
