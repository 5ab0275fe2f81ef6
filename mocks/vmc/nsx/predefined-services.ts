// NSX services, `/policy/api/v1/infra/services[/{id}]`: list and get of the services the world knows
// (the predefined ones rules name, `/infra/services/ICMP-ALL`, …). Backed by src/world/nsx/predefined-services.ts.
// The predefined services are a real NSX 4 manager's 412 (src/world/nsx/predefined-services.json).
// Mock notes: creating custom services is not modelled (501); service entries come back without `path`.
import { mustGetNsx, type NsxService } from '../../../src/world';
import { serviceEntryJson } from '../../../src/shapes/nsx';
import type { NsxAudit } from './audit';
import type { NsxRoute } from './call';
import { nsxJson, nsxListResponse, policyFields } from './protocol';

export function renderService(audit: NsxAudit, s: NsxService): Record<string, unknown> {
  return {
    resource_type: 'Service',
    display_name: s.displayName,
    service_entries: s.entries.map(serviceEntryJson),
    is_default: true,
    ...policyFields(audit, { id: s.id, path: s.path, revision: 0, systemOwned: true }),
  };
}

const base = '/policy/api/v1/infra/services';

export const serviceRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: base,
    operation: 'GET services',
    handle: (call) =>
      nsxListResponse(
        call.query,
        [...call.world.nsx.services.values()].map((s) => renderService(call.state.audit, s)),
      ),
  },
  {
    method: 'GET',
    pattern: `${base}/:id`,
    operation: 'GET service',
    handle: (call, p) =>
      nsxJson(renderService(call.state.audit, mustGetNsx(call.world.nsx.services, `/infra/services/${p.id!}`, `service ${p.id!}`))),
  },
];
