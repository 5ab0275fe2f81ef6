// NSX services ⇄ nsx/services.json (optional, our addition): services beyond the predefined ones every
// world has. The writer writes only those; the reader adds (or replaces) services by path.
import { predefinedServices, type NsxService, type ServiceEntry, type World } from '../../world';
import { files } from '../layout';
import { servicesSchema, type ServicesJson } from '../schemas/services';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson } from '../json-shapes';

type EntryJson = ServicesJson['results'][number]['service_entries'][number];

function toEntry(e: EntryJson): ServiceEntry | undefined {
  switch (e.resource_type) {
    case 'L4PortSetServiceEntry':
      return { resourceType: e.resource_type, ...(e.l4_protocol ? { protocol: e.l4_protocol } : {}), destinationPorts: [...(e.destination_ports ?? [])] };
    case 'ICMPTypeServiceEntry':
      return {
        resourceType: e.resource_type,
        ...(e.protocol !== undefined ? { protocol: e.protocol } : {}),
        ...(e.icmp_type !== undefined ? { icmpType: e.icmp_type } : {}),
        ...(e.icmp_code !== undefined ? { icmpCode: e.icmp_code } : {}),
      };
    case 'IPProtocolServiceEntry':
      return { resourceType: e.resource_type, ...(e.protocol_number !== undefined ? { protocolNumber: e.protocol_number } : {}) };
    default:
      return undefined;
  }
}

export function readServices(src: SnapshotSource, world: World): void {
  const json = src.readOptional(files.services, servicesSchema);
  for (const s of json?.results ?? []) {
    const service: NsxService = {
      id: s.id,
      path: s.path ?? `/infra/services/${s.id}`,
      displayName: s.display_name ?? s.id,
      entries: s.service_entries.flatMap((e) => toEntry(e) ?? []),
    };
    world.nsx.services.set(service.path, service);
  }
}

function entryJson(e: ServiceEntry): Record<string, unknown> {
  if (e.resourceType === 'L4PortSetServiceEntry') return { resource_type: e.resourceType, l4_protocol: e.protocol, destination_ports: e.destinationPorts };
  if (e.resourceType === 'ICMPTypeServiceEntry') return { resource_type: e.resourceType, protocol: e.protocol, icmp_type: e.icmpType, icmp_code: e.icmpCode };
  return { resource_type: e.resourceType, protocol_number: e.protocolNumber };
}

/** Undefined when the world has only the predefined services (the file is then not written). */
export function renderServices(world: World): unknown {
  const predefined = new Map(predefinedServices().map((s) => [s.path, JSON.stringify(s)]));
  const extra = [...world.nsx.services.values()].filter((s) => predefined.get(s.path) !== JSON.stringify(s));
  if (extra.length === 0) return undefined;
  return nsxListJson(
    extra.map((s) => ({ resource_type: 'Service', id: s.id, display_name: s.displayName, path: s.path, service_entries: s.entries.map(entryJson) })),
  );
}
