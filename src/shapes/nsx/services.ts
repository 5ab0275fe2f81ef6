// NSX services and service entries ⇄ world: `Service.service_entries` and `Rule.service_entries` share
// the entry shape. Known entry types: L4PortSet, ICMPType, IPProtocol, ALGType, IGMPType, EtherType,
// NestedServiceService; any other (or a malformed one) is kept as `UnknownServiceEntry`, and a rule using
// it is indeterminate for the packets it could cover.
import { z } from 'zod';
import type { NsxService, ServiceEntry } from '../../world';
import { nsxListSchema } from './common';
import type { ShapeWarn } from './groups';

export const serviceEntryJsonSchema = z.looseObject({ resource_type: z.string() });

const ports = z.array(z.string()).optional();
const num = z.number().int().optional();
const known = {
  L4PortSetServiceEntry: z.looseObject({ l4_protocol: z.string(), destination_ports: ports, source_ports: ports }),
  ICMPTypeServiceEntry: z.looseObject({ protocol: z.string().optional(), icmp_type: num, icmp_code: num }),
  IPProtocolServiceEntry: z.looseObject({ protocol_number: z.number().int() }),
  ALGTypeServiceEntry: z.looseObject({ alg: z.string(), destination_ports: ports, source_ports: ports }),
  IGMPTypeServiceEntry: z.looseObject({}),
  EtherTypeServiceEntry: z.looseObject({ ether_type: num }),
  NestedServiceServiceEntry: z.looseObject({ nested_service_path: z.string() }),
};

export function serviceEntryFromJson(json: Record<string, unknown> & { resource_type: string }, warn: ShapeWarn = () => {}): ServiceEntry {
  const type = json.resource_type;
  const id = typeof json.id === 'string' ? { id: json.id } : {};
  const unknown = (why: string): ServiceEntry => {
    warn(`${type}: ${why}; flows it could cover are indeterminate`);
    return { resourceType: 'UnknownServiceEntry', ...id, type, json: { ...json } };
  };
  if (!(type in known)) return unknown('a service entry type this model does not know');
  const parsed = known[type as keyof typeof known].safeParse(json);
  if (!parsed.success) return unknown(`malformed (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  const e = parsed.data as Record<string, unknown>;
  const opt = <K extends keyof ServiceEntry>(key: K, v: unknown): Partial<ServiceEntry> =>
    v === undefined ? {} : { [key]: Array.isArray(v) ? [...(v as string[])] : v };
  switch (type) {
    case 'L4PortSetServiceEntry':
      return {
        resourceType: type,
        ...id,
        protocol: e.l4_protocol as string,
        ...opt('destinationPorts', e.destination_ports),
        ...opt('sourcePorts', e.source_ports),
      };
    case 'ICMPTypeServiceEntry':
      return {
        resourceType: type,
        ...id,
        ...opt('protocol', e.protocol),
        ...opt('icmpType', e.icmp_type),
        ...opt('icmpCode', e.icmp_code),
      };
    case 'IPProtocolServiceEntry':
      return { resourceType: type, ...id, protocolNumber: e.protocol_number as number };
    case 'ALGTypeServiceEntry':
      return {
        resourceType: type,
        ...id,
        alg: e.alg as string,
        ...opt('destinationPorts', e.destination_ports),
        ...opt('sourcePorts', e.source_ports),
      };
    case 'IGMPTypeServiceEntry':
      return { resourceType: type, ...id };
    case 'EtherTypeServiceEntry':
      return { resourceType: type, ...id, ...opt('etherType', e.ether_type) };
    default:
      return { resourceType: 'NestedServiceServiceEntry', ...id, nestedServicePath: e.nested_service_path as string };
  }
}

/** A service entry in the NSX Policy API's JSON. */
export function serviceEntryJson(e: ServiceEntry): Record<string, unknown> {
  const id = e.id !== undefined ? { id: e.id } : {};
  switch (e.resourceType) {
    case 'L4PortSetServiceEntry':
      return {
        resource_type: e.resourceType,
        ...id,
        l4_protocol: e.protocol,
        source_ports: e.sourcePorts,
        destination_ports: e.destinationPorts,
      };
    case 'ICMPTypeServiceEntry':
      return { resource_type: e.resourceType, ...id, protocol: e.protocol, icmp_type: e.icmpType, icmp_code: e.icmpCode };
    case 'IPProtocolServiceEntry':
      return { resource_type: e.resourceType, ...id, protocol_number: e.protocolNumber };
    case 'ALGTypeServiceEntry':
      return { resource_type: e.resourceType, ...id, alg: e.alg, source_ports: e.sourcePorts, destination_ports: e.destinationPorts };
    case 'IGMPTypeServiceEntry':
      return { resource_type: e.resourceType, ...id };
    case 'EtherTypeServiceEntry':
      return { resource_type: e.resourceType, ...id, ether_type: e.etherType };
    case 'NestedServiceServiceEntry':
      return { resource_type: e.resourceType, ...id, nested_service_path: e.nestedServicePath };
    case 'UnknownServiceEntry':
      return { ...e.json, resource_type: e.type };
  }
}

export const serviceJsonSchema = z.looseObject({
  id: z.string().min(1),
  display_name: z.string().optional(),
  path: z.string().optional(),
  service_entries: z.array(serviceEntryJsonSchema).default([]),
});

export const servicesJsonSchema = nsxListSchema(serviceJsonSchema);

/**
 * A real manager's export as published may wrap the list as `{"services": [...]}`; both forms are read.
 */
export const servicesFileSchema = z.union([
  servicesJsonSchema,
  z.looseObject({ services: z.array(serviceJsonSchema) }).transform((o) => ({ results: o.services })),
]);

export type ServiceJson = z.output<typeof serviceJsonSchema>;

export function serviceFromJson(s: ServiceJson, warn: ShapeWarn = () => {}): NsxService {
  const path = s.path ?? `/infra/services/${s.id}`;
  return {
    id: s.id,
    path,
    displayName: s.display_name ?? s.id,
    entries: s.service_entries.map((e) => serviceEntryFromJson(e, (m) => warn(`service ${path}: ${m}`))),
  };
}

export function serviceJson(s: NsxService): Record<string, unknown> {
  return {
    resource_type: 'Service',
    id: s.id,
    display_name: s.displayName,
    path: s.path,
    service_entries: s.entries.map(serviceEntryJson),
  };
}
