// The Applied-To labels, `/policy/api/v1/infra/labels[/{id}]`: list and get (`cgw-cross-vpc` is the VPC
// interface, `cgw-all` All Uplinks, …). Backed by src/world/nsx/labels.ts.
// Mock note: the labels' `refs` (the interfaces they stand for) are not rendered.
import { getLabel, listLabels, type NsxLabel } from '../../../src/world';
import type { NsxAudit } from './audit';
import type { NsxRoute } from './call';
import { nsxJson, nsxListResponse, policyFields } from './protocol';

export function renderLabel(audit: NsxAudit, l: NsxLabel): Record<string, unknown> {
  return {
    resource_type: 'PolicyLabel',
    display_name: l.displayName,
    ...policyFields(audit, { id: l.id, path: l.path, revision: 0, systemOwned: true }),
  };
}

const base = '/policy/api/v1/infra/labels';

export const labelRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: base,
    operation: 'GET labels',
    handle: (call) =>
      nsxListResponse(
        call.query,
        listLabels().map((l) => renderLabel(call.state.audit, l)),
      ),
  },
  {
    method: 'GET',
    pattern: `${base}/:id`,
    operation: 'GET label',
    handle: (call, p) => nsxJson(renderLabel(call.state.audit, getLabel(`/infra/labels/${p.id!}`))),
  },
];
