// The read-only tier-0 groups VMC predefines for CGW rules, `/policy/api/v1/infra/tier-0s/vmc/groups[/{id}]`
// (`connected_vpc`, `s3_prefixes`, `directConnect_prefixes`): list and get; writes get NSX's 403.
// Mock notes: only tier-0 `vmc` exists; the groups show an empty expression (VMC fills their members
// from the connected VPC's prefixes, which the engine derives from the linked VPC).
import { deleteGroup, getGroup, listGroups, nsxError, patchGroup, tier0Domain } from '../../../src/world';
import type { NsxRoute } from './call';
import { renderGroup } from './groups';
import { nsxJson, nsxListResponse } from './protocol';

function requireVmc(tier0: string): void {
  if (tier0 !== 'vmc') throw nsxError(500090, `The path=[/infra/tier-0s/${tier0}] is invalid: on VMC the tier-0 gateway is vmc.`, 404);
}

const base = '/policy/api/v1/infra/tier-0s/:tier0/groups';
const path = (id: string): string => `/infra/tier-0s/vmc/groups/${id}`;

export const systemGroupRoutes: NsxRoute[] = [
  {
    method: 'GET',
    pattern: base,
    operation: 'GET tier-0 groups',
    handle: (call, p) => (
      requireVmc(p.tier0!),
      nsxListResponse(
        call.query,
        listGroups(call.world, tier0Domain).map((g) => renderGroup(call.state.audit, g)),
      )
    ),
  },
  {
    method: 'GET',
    pattern: `${base}/:id`,
    operation: 'GET tier-0 group',
    handle: (call, p) => (requireVmc(p.tier0!), nsxJson(renderGroup(call.state.audit, getGroup(call.world, path(p.id!))))),
  },
  ...(['PATCH', 'PUT'] as const).map((method): NsxRoute => ({
    method,
    pattern: `${base}/:id`,
    operation: `${method} tier-0 group`,
    handle: (call, p) => {
      requireVmc(p.tier0!);
      patchGroup(call.world, tier0Domain, p.id!, {}); // always refused: system owned (403)
      throw nsxError(500105, `Group ${path(p.id!)} is system owned.`, 403);
    },
  })),
  {
    method: 'DELETE',
    pattern: `${base}/:id`,
    operation: 'DELETE tier-0 group',
    handle: (call, p) => {
      requireVmc(p.tier0!);
      deleteGroup(call.world, tier0Domain, p.id!); // 404 when unknown, else 403
      throw nsxError(500105, `Group ${path(p.id!)} is system owned.`, 403);
    },
  },
];
