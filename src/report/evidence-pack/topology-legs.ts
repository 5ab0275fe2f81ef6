// What the drawing draws for each probe, before any geometry: the legs (the request, and for a probe whose
// reply is blocked, the reply), each as the stations it passes in order (instance, its route table, its
// subnet's edge, the active cross-link ENI, the SDDC edge, the segment, the VM), where it stops (the station
// of the blocking hop) and which stations hold a hop the data cannot decide. Read off the verdict's hops;
// the verdict itself is never changed.
import type { Hop, Verdict } from '../../network';
import type { TopologyModel } from './topology-model';

export interface DrawnProbe {
  n: number;
  label: string;
  from: { kind: 'instance' | 'vm'; id: string };
  to: { kind: 'instance' | 'vm'; id: string };
  verdict: Verdict | null;
}

/** Stations in their order from the VPC side (left) to the SDDC side (right). */
export const stationKinds = ['instance', 'rtb', 'subnet', 'eni', 'edge', 'segment', 'vm'] as const;
export type StationKind = (typeof stationKinds)[number];

export type LegClass = 'reachable' | 'blocked' | 'indeterminate' | 'unknown';

export interface Leg {
  probe: DrawnProbe;
  /** The reply of a probe whose return path is blocked (drawn from the destination back). */
  reply: boolean;
  /** ltr: from the VPC side to the SDDC side. */
  dir: 'ltr' | 'rtl';
  /** The box key of each station, indexed by its position in `stationKinds` (left to right). */
  keys: Record<StationKind, string>;
  /** Index (in `stationKinds`) of the station where the leg stops blocked; null: it reaches its end. */
  stop: number | null;
  /** The blocking hop, when `stop` is set. */
  blockHop?: Hop;
  /** Indices (in `stationKinds`) of the stations with an undecided hop, with the hops. */
  undecided: { station: number; hops: Hop[] }[];
  cls: LegClass;
}

export interface ProbeDrawing {
  probe: DrawnProbe;
  legs: Leg[];
  /** Why the probe is not drawn (an endpoint outside the drawn topology, both ends on one side). */
  notDrawn?: string;
}

const keysOf = (model: TopologyModel, instanceId: string, vmId: string): Record<StationKind, string> | string => {
  const subnet = model.subnets.find((s) => s.instances.some((i) => i.id === instanceId));
  if (!subnet) return `instance ${instanceId} is not in the connected VPC's drawn subnets`;
  const segment = model.segments.find((s) => s.vms.some((v) => v.id === vmId));
  if (!segment) return `VM ${vmId} is on no drawn segment`;
  const eni = model.enis.find((e) => e.active);
  if (!eni) return 'no active cross-link ENI was discovered';
  return {
    instance: `instance:${instanceId}`,
    rtb: `rtb:${subnet.routeTableId ?? 'none'}@${subnet.id}`,
    subnet: `subnet:${subnet.id}`,
    eni: `eni:${eni.id}`,
    edge: 'edge',
    segment: `segment:${segment.path}`,
    vm: `vm:${vmId}`,
  };
};

/** The station (index in `stationKinds`) where a hop of a verdict is drawn. */
export function stationOfHop(hop: Hop, model: TopologyModel, instanceId: string): number {
  const at = (k: StationKind): number => stationKinds.indexOf(k);
  const r = hop.resource;
  const crossLink = new Set(model.enis.map((e) => e.id));
  switch (r.type) {
    case 'instance':
      return at('instance');
    case 'route-table':
      return at('rtb');
    case 'network-interface':
      return at(crossLink.has(r.id) ? 'eni' : 'instance');
    case 'security-group':
      return at(hop.kind === 'eni-sg-ingress' || hop.kind === 'eni-sg-egress' ? 'eni' : 'instance');
    case 'network-acl': {
      const own = model.subnets.find((s) => s.instances.some((i) => i.id === instanceId));
      return at(own?.naclId === r.id ? 'subnet' : 'eni');
    }
    case 'cgw-rule':
    case 'cgw-gateway-policy':
    case 'linked-vpc':
      return at('edge');
    case 'segment':
      return at('segment');
    case 'vm':
    case 'dfw-policy':
    case 'dfw-rule':
      return at('vm');
    case 'guest-os':
      return at(r.id === instanceId ? 'instance' : 'vm');
    default:
      break;
  }
  const byKind: Partial<Record<Hop['kind'], StationKind>> = {
    route: 'rtb',
    'sddc-route': 'segment',
    cgw: 'edge',
    dfw: 'vm',
    'vm-power': 'vm',
    segment: 'segment',
  };
  return at(byKind[hop.kind] ?? 'edge');
}

export function legsOf(model: TopologyModel, probe: DrawnProbe): ProbeDrawing {
  if (probe.from.kind === probe.to.kind)
    return {
      probe,
      legs: [],
      notDrawn: `both ends are ${probe.from.kind === 'vm' ? 'SDDC VMs' : 'EC2 instances'}: the drawing shows paths between the VPC and the SDDC`,
    };
  const instanceId = probe.from.kind === 'instance' ? probe.from.id : probe.to.id;
  const vmId = probe.from.kind === 'vm' ? probe.from.id : probe.to.id;
  const keys = keysOf(model, instanceId, vmId);
  if (typeof keys === 'string') return { probe, legs: [], notDrawn: keys };
  const v = probe.verdict;
  const dir = probe.from.kind === 'instance' ? 'ltr' : 'rtl';
  const cls: LegClass = !v ? 'unknown' : v.blockedBy ? 'blocked' : v.status === 'indeterminate' ? 'indeterminate' : 'reachable';
  const undecided = (path: 'forward' | 'return'): Leg['undecided'] => {
    const m = new Map<number, Hop[]>();
    for (const h of v?.hops ?? []) {
      if (h.outcome !== 'indeterminate') continue;
      // A reply's undecided hop is marked on the request's leg when the reply is not drawn on its own.
      if (path === 'return' && h.path !== 'return') continue;
      const s = stationOfHop(h, model, instanceId);
      m.set(s, [...(m.get(s) ?? []), h]);
    }
    return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([station, hops]) => ({ station, hops }));
  };
  const block = v?.blockedBy;
  const blockHop = block ? v.hops[block.hopIndex] : undefined;
  const stop = blockHop ? stationOfHop(blockHop, model, instanceId) : null;
  const request: Leg = {
    probe,
    reply: false,
    dir,
    keys,
    stop: block?.direction === 'forward' ? stop : null,
    undecided: undecided('forward'),
    cls,
  };
  if (block?.direction === 'forward' && blockHop) request.blockHop = blockHop;
  if (block?.direction !== 'return' || !blockHop) return { probe, legs: [request] };
  const reply: Leg = { probe, reply: true, dir: dir === 'ltr' ? 'rtl' : 'ltr', keys, stop, blockHop, undecided: undecided('return'), cls };
  return { probe, legs: [request, reply] };
}
