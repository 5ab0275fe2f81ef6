// NSX services, `/policy/api/v1/infra/services[/{id}]`: list and get of the services the world knows
// (the predefined ones rules name, `/infra/services/ICMP-ALL`, …). Backed by src/world/nsx/predefined-services.ts.
// Mock notes: NSX predefines several hundred services, the world the few probes and common rules use;
// creating custom services is not modelled (501); service entries come back without `id`/`path`.
import { mustGetNsx, type NsxService, type ServiceEntry } from '../../../src/world';
import type { NsxAudit } from './audit';
import type { NsxRoute } from './call';
import { nsxJson, nsxListResponse, policyFields } from './protocol';

function entryJson(e: ServiceEntry): Record<string, unknown> {
  switch (e.resourceType) {
    case 'L4PortSetServiceEntry':
      return { resource_type: e.resourceType, l4_protocol: e.protocol, source_ports: [], destination_ports: [...(e.destinationPorts ?? [])] };
    case 'ICMPTypeServiceEntry':
      return {
        resource_type: e.resourceType,
        protocol: e.protocol,
        ...(e.icmpType !== undefined ? { icmp_type: e.icmpType } : {}),
        ...(e.icmpCode !== undefined ? { icmp_code: e.icmpCode } : {}),
      };
    case 'IPProtocolServiceEntry':
      return { resource_type: e.resourceType, protocol_number: e.protocolNumber };
  }
}

export function renderService(audit: NsxAudit, s: NsxService): Record<string, unknown> {
  return {
    resource_type: 'Service',
    display_name: s.displayName,
    service_entries: s.entries.map(entryJson),
    is_default: true,
    ...policyFields(audit, { id: s.id, path: s.path, revision: 0, systemOwned: true }),
  };
}

const base = '/policy/api/v1/infra/services';

export const serviceRoutes: NsxRoute[] = [
  { method: 'GET', pattern: base, operation: 'GET services', handle: (call) => nsxListResponse(call.query, [...call.world.nsx.services.values()].map((s) => renderService(call.state.audit, s))) },
  {
    method: 'GET',
    pattern: `${base}/:id`,
    operation: 'GET service',
    handle: (call, p) => nsxJson(renderService(call.state.audit, mustGetNsx(call.world.nsx.services, `/infra/services/${p.id!}`, `service ${p.id!}`))),
  },
];
