// NSX services as nftables matches, for the CGW and the DFW: a rule's `services` (paths, or ANY) and its
// inline `service_entries`, each entry one match (a rule matches when any does). L4 port sets match
// the destination and the source ports (single ports, `a-b` ranges, comma lists, merged into disjoint
// intervals as nftables wants); ALG entries their control connection (FTP → TCP 21, …); nested services
// their entries; ICMP type/code; IP protocol numbers; IGMP. The meaning follows
// src/network/nsx-service-match.ts. A rule carrying a context profile (L7 App ID, FQDN) is not compiled:
// the lab's probes carry no layer-7 data an App ID could recognise and no DNS an FQDN filter could learn
// from, and the engine calls such a rule indeterminate.
import { algPort, type CgwRule, type ServiceEntry, type World } from '../world';
import { icmpMatch } from './nft-match';

/**
 * An NSX port set as an nftables set body (`{ 22, 1024-65535 }`): undefined for "any port" (no ports
 * given), null when no listed port can match (only malformed entries).
 */
export function portSet(ports: readonly string[] | undefined): string | null | undefined {
  if (!ports || ports.length === 0) return undefined;
  const ranges = ports
    .flatMap((p) => p.split(','))
    .map((spec) => /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(spec))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ first: Number(m[1]), last: Number(m[2] ?? m[1]) }))
    .filter((r) => r.first <= r.last && r.last <= 65535)
    .sort((a, b) => a.first - b.first);
  const merged: { first: number; last: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.first <= last.last + 1) last.last = Math.max(last.last, r.last);
    else merged.push({ ...r });
  }
  if (merged.length === 0) return null;
  return `{ ${merged.map((r) => (r.first === r.last ? String(r.first) : `${r.first}-${r.last}`)).join(', ')} }`;
}

function l4Match(
  protocol: 'tcp' | 'udp',
  destination: readonly string[] | undefined,
  source: readonly string[] | undefined,
): string | null {
  const dport = portSet(destination);
  const sport = portSet(source);
  if (dport === null || sport === null) return null;
  const parts = [sport === undefined ? '' : `${protocol} sport ${sport}`, dport === undefined ? '' : `${protocol} dport ${dport}`].filter(
    Boolean,
  );
  return parts.length === 0 ? `meta l4proto ${protocol}` : parts.join(' ');
}

/** One service entry's matches ([] when it can match no IPv4 packet). */
export function entryMatches(world: World, entry: ServiceEntry, depth = 0): string[] {
  switch (entry.resourceType) {
    case 'L4PortSetServiceEntry': {
      const proto = entry.protocol?.toLowerCase();
      if (proto !== 'tcp' && proto !== 'udp') return [];
      const m = l4Match(proto, entry.destinationPorts, entry.sourcePorts);
      return m === null ? [] : [m];
    }
    case 'ALGTypeServiceEntry': {
      const alg = algPort(entry.alg);
      if (!alg) return [];
      const ports = entry.destinationPorts && entry.destinationPorts.length > 0 ? entry.destinationPorts : [String(alg.port)];
      const m = l4Match(alg.protocol, ports, entry.sourcePorts);
      return m === null ? [] : [m];
    }
    case 'ICMPTypeServiceEntry':
      return (entry.protocol ?? 'ICMPv4').toUpperCase() === 'ICMPV4' ? [icmpMatch(entry.icmpType, entry.icmpCode)] : [];
    case 'IPProtocolServiceEntry':
      return entry.protocolNumber === undefined ? [] : [`meta l4proto ${entry.protocolNumber}`];
    case 'IGMPTypeServiceEntry':
      return ['meta l4proto 2'];
    case 'NestedServiceServiceEntry':
      return depth > 8 ? [] : serviceMatches(world, entry.nestedServicePath ?? '', depth + 1);
    default:
      return []; // EtherType entries match no IP packet; unknown entry types are not compiled
  }
}

/** A service path's matches (a path missing from the data matches nothing). */
export function serviceMatches(world: World, path: string, depth = 0): string[] {
  return (world.nsx.services.get(path)?.entries ?? []).flatMap((e) => entryMatches(world, e, depth));
}

const isAny = (values: readonly string[]): boolean => values.some((v) => v.toUpperCase() === 'ANY');

/** A rule's service side as matches: [''] for any packet, [] for none (the rule is then left out). */
export function ruleServiceMatches(world: World, rule: Pick<CgwRule, 'services' | 'serviceEntries' | 'profiles'>): string[] {
  if ((rule.profiles ?? []).some((p) => p.toUpperCase() !== 'ANY')) return [];
  const entries = rule.serviceEntries ?? [];
  if (isAny(rule.services) || (rule.services.length === 0 && entries.length === 0)) return [''];
  return [...new Set([...rule.services.flatMap((p) => serviceMatches(world, p)), ...entries.flatMap((e) => entryMatches(world, e))])];
}

/**
 * An NSX REJECT as nftables: a TCP RST for TCP, an ICMP destination unreachable (administratively
 * prohibited) for everything else, as NSX rejects. Two rule lines for one match prefix.
 */
export function rejectLines(prefix: string, comment: string): string[] {
  return [
    [prefix, 'meta l4proto tcp counter reject with tcp reset', comment].filter(Boolean).join(' '),
    [prefix, 'counter reject with icmpx type admin-prohibited', comment].filter(Boolean).join(' '),
  ];
}
