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
  /** Source port (TCP/UDP; -1 for ICMP): NSX L4 service entries may name source ports. */
  srcPort: number;
  /** Cache key of the filter-relevant fields. */
  key: string;
  /** Human text, e.g. `ICMP type 8 code 0`. */
  text: string;
}

export const ianaProtocol: Record<Protocol, number> = { icmp: 1, tcp: 6, udp: 17 };

function packet(protocol: Protocol, icmpType: number, icmpCode: number, port: number, srcPort = -1): Packet {
  const key = `${protocol}:${icmpType}:${icmpCode}:${port}:${srcPort}`;
  const text = protocol === 'icmp' ? `ICMP type ${icmpType} code ${icmpCode}` : `${protocol.toUpperCase()} port ${port}`;
  return Object.freeze({ protocol, icmpType, icmpCode, port, srcPort, key, text });
}

/** A flow's request and the reply that comes back. */
export interface Packets {
  request: Packet;
  reply: Packet;
}

const packetMemo = new Map<string, Packets>();
const icmpEcho = { request: packet('icmp', 8, 0, -1), reply: packet('icmp', 0, 0, -1) };

/** The request packet of a flow and the reply that comes back (interned: equal flows share packets); only the protocol and ports count. */
export function packetsOf(flow: Flow | Pick<Flow, 'protocol' | 'port' | 'sourcePort'>): Packets {
  const protocol = flow.protocol ?? 'icmp';
  if (protocol === 'icmp') return icmpEcho; // ports mean nothing to ICMP: one pair, no key to build
  const memoKey = `${protocol}:${flow.port}:${flow.sourcePort}`;
  const hit = packetMemo.get(memoKey);
  if (hit) return hit;
  if (flow.port === undefined) throw new RangeError(`a ${protocol} flow needs a destination port`);
  const sourcePort = flow.sourcePort ?? 49152;
  const pair = { request: packet(protocol, -1, -1, flow.port, sourcePort), reply: packet(protocol, -1, -1, sourcePort, flow.port) };
  if (packetMemo.size > 10_000) packetMemo.clear();
  packetMemo.set(memoKey, pair);
  return pair;
}

export const describePacket = (p: Packet): string => p.text;
