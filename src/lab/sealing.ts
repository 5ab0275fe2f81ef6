// Is a running lab sealed? Checked by inspection only, never by sending a packet: every interface of
// every lab namespace is loopback or a veth whose peer is the planned interface in another lab namespace
// (so no interface leads out of the lab: no uplink, no bridge, no Docker network); no table holds a
// default route other than a blackhole; and the nodes have no route to an address outside the lab
// (`ip route get` for TEST-NET-1, which only asks the kernel).
import type { NamespaceInspection } from './backend';
import type { LabPlan } from './plan';

export const outsideAddress = '192.0.2.1';

interface LinkInfo {
  index: number;
  name: string;
  peerIndex?: number;
  kind: string;
}

/** `ip -d -o link show` → index, name, veth peer index and link kind. */
export function parseLinks(text: string): LinkInfo[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^(\d+): ([^:@]+)(?:@if(\d+))?:/.exec(line);
      const kind =
        /\b(veth|bridge|vxlan|macvlan|ipvlan|dummy|tun|gre|ipip|wireguard|bond|vlan)\b/.exec(line)?.[1] ??
        (line.includes('LOOPBACK') ? 'loopback' : 'device');
      return { index: Number(m?.[1]), name: m?.[2] ?? '?', ...(m?.[3] ? { peerIndex: Number(m[3]) } : {}), kind };
    });
}

/** What is unsealed about a lab (empty when sealed). `routeGet` maps node namespace → `ip route get` result. */
export function sealingProblems(
  plan: LabPlan,
  inspections: readonly NamespaceInspection[],
  routeGet: ReadonlyMap<string, { exitCode: number | null; stdout: string }>,
): string[] {
  const problems: string[] = [];
  const links = new Map(inspections.map((i) => [i.namespace, parseLinks(i.links)]));
  const planned = new Map<string, { peerNs: string; peerIf: string }>();
  for (const l of plan.links) {
    planned.set(`${l.a.namespace}/${l.a.ifname}`, { peerNs: l.b.namespace, peerIf: l.b.ifname });
    planned.set(`${l.b.namespace}/${l.b.ifname}`, { peerNs: l.a.namespace, peerIf: l.a.ifname });
  }
  for (const ns of plan.namespaces) {
    const mine = links.get(ns.name);
    if (!mine) {
      problems.push(`${ns.name}: not inspected`);
      continue;
    }
    for (const link of mine) {
      if (link.kind === 'loopback' && link.name === 'lo') continue;
      const peer = planned.get(`${ns.name}/${link.name}`);
      if (link.kind !== 'veth' || !peer) {
        problems.push(`${ns.name}: interface ${link.name} (${link.kind}) is not a planned lab veth`);
        continue;
      }
      const other = links.get(peer.peerNs)?.find((l) => l.name === peer.peerIf);
      if (!other || other.index !== link.peerIndex || other.peerIndex !== link.index)
        problems.push(`${ns.name}: ${link.name}'s peer is not ${peer.peerNs}/${peer.peerIf}`);
    }
  }
  for (const i of inspections) {
    for (const line of i.routes.split('\n')) {
      if (/^default\b/.test(line) || /^(unicast )?0\.0\.0\.0\/0\b/.test(line))
        problems.push(`${i.namespace}: default route "${line.trim()}"`);
    }
  }
  for (const [ns, r] of routeGet) {
    if (r.exitCode === 0) problems.push(`${ns}: has a route to ${outsideAddress}: ${r.stdout.trim()}`);
  }
  return problems;
}
