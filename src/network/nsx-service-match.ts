// Does a CGW rule's service side cover a packet, as NSX evaluates it? `services` (paths, or ANY) and the
// rule's inline `service_entries` together (a match of either). Entries:
// - L4PortSet: TCP/UDP, destination and source ports as single ports, `a-b` ranges or comma lists.
// - ICMPType: ICMPv4 entries match IPv4 ICMP (type/code when given); ICMPv6 entries never do.
// - IPProtocol: the IP protocol number. IGMP entries match IGMP only; EtherType entries never match IP.
// - ALGType: the ALG's control connection (FTP → TCP 21, TFTP → UDP 69, …, ports from the entry).
// - NestedServiceService: the nested service's entries.
// A service path not in the data → unknown (NSX_OBJECT_MISSING); an unknown entry type → unknown
// (SERVICE_ENTRY_UNKNOWN).
import { algPort, type CgwRule, type ServiceEntry, type World } from '../world';
import { ianaProtocol, type Packet } from './flow';
import { or, some, unknown, type Tri } from './tri';

/** Whether `port` is in an NSX port set (empty = any port). */
export function portSetCovers(ports: readonly string[] | undefined, port: number): boolean {
  if (!ports || ports.length === 0) return true;
  return ports
    .flatMap((p) => p.split(','))
    .some((spec) => {
      const [a, b] = spec
        .trim()
        .split('-')
        .map((x) => Number(x.trim()));
      return b === undefined ? a === port : a! <= port && port <= b;
    });
}

const isAny = (values: readonly string[]): boolean => values.some((v) => v.toUpperCase() === 'ANY');

export function entryCovers(world: World, entry: ServiceEntry, p: Packet, depth = 0): Tri {
  switch (entry.resourceType) {
    case 'L4PortSetServiceEntry':
      return (
        entry.protocol?.toLowerCase() === p.protocol &&
        portSetCovers(entry.destinationPorts, p.port) &&
        portSetCovers(entry.sourcePorts, p.srcPort)
      );
    case 'ICMPTypeServiceEntry':
      return (
        p.protocol === 'icmp' &&
        (entry.protocol ?? 'ICMPv4').toUpperCase() === 'ICMPV4' &&
        (entry.icmpType === undefined || entry.icmpType === p.icmpType) &&
        (entry.icmpCode === undefined || entry.icmpCode === p.icmpCode)
      );
    case 'IPProtocolServiceEntry':
      return entry.protocolNumber === ianaProtocol[p.protocol];
    case 'ALGTypeServiceEntry': {
      const alg = algPort(entry.alg);
      if (!alg)
        return unknown({
          code: 'SERVICE_ENTRY_UNKNOWN',
          missing: `ALG ${entry.alg}`,
          what: `ALG ${entry.alg} is not one this model knows`,
          settle: 'check the ALG service by hand',
        });
      const ports = entry.destinationPorts && entry.destinationPorts.length > 0 ? entry.destinationPorts : [String(alg.port)];
      return p.protocol === alg.protocol && portSetCovers(ports, p.port) && portSetCovers(entry.sourcePorts, p.srcPort);
    }
    case 'IGMPTypeServiceEntry':
      return ianaProtocol[p.protocol] === 2;
    case 'EtherTypeServiceEntry':
      return false;
    case 'NestedServiceServiceEntry':
      return depth > 8 ? false : serviceCovers(world, entry.nestedServicePath ?? '', p, depth + 1);
    case 'UnknownServiceEntry':
      return unknown({
        code: 'SERVICE_ENTRY_UNKNOWN',
        missing: entry.type ?? 'UnknownServiceEntry',
        what: `service entry type ${entry.type} is not evaluated by this model`,
        settle: 'check by hand whether the entry covers this packet',
      });
  }
}

/** A service (by path) covers the packet: one of its entries does. */
export function serviceCovers(world: World, path: string, p: Packet, depth = 0): Tri {
  const service = world.nsx.services.get(path);
  if (!service) {
    return unknown({
      code: 'NSX_OBJECT_MISSING',
      missing: path,
      what: `service ${path} is referenced but not in the data`,
      settle: 'export nsx/services.json (GET /policy/api/v1/infra/services) so that it holds the service',
    });
  }
  return some(service.entries, (e) => entryCovers(world, e, p, depth));
}

/** The rule's service side (`services` and `service_entries`) covers the packet. */
export function ruleServiceCovers(world: World, rule: Pick<CgwRule, 'services' | 'serviceEntries'>, p: Packet): Tri {
  const entries = rule.serviceEntries ?? [];
  if (isAny(rule.services) || (rule.services.length === 0 && entries.length === 0)) return true;
  return or(
    some(rule.services, (path) => serviceCovers(world, path, p)),
    some(entries, (e) => entryCovers(world, e, p)),
  );
}

/** A context profile (L7 App ID, FQDN, …) other than ANY: the packet's layer-7 identity is not in the data. */
export function ruleProfileCovers(rule: Pick<CgwRule, 'profiles' | 'displayName'>): Tri {
  const profiles = (rule.profiles ?? []).filter((p) => p.toUpperCase() !== 'ANY');
  if (profiles.length === 0) return true;
  return profiles.map((missing) => ({
    code: 'CONTEXT_PROFILE' as const,
    missing,
    what: `rule ${rule.displayName} carries context profile ${missing} (layer 7): whether the traffic matches it cannot be judged from the data`,
    settle: 'test the flow for real, or check the application the profile names',
  }));
}
