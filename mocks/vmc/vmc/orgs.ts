// VMC organizations, `GET /vmc/api/orgs` and `GET /vmc/api/orgs/{org}`: the one org of the world's SDDC.
// Mock notes: the org's `name`/`display_name` are made up (the world does not name orgs); a world
// without an SDDC has no org; `created`/`updated` are the time the mock first showed the org.
import { nsxError, type World } from '../../../src/world';
import { vmwareState } from '../state';
import type { VmcCall, VmcRoute } from './call';
import { isoTime, vmcJson } from './protocol';

export function renderOrg(call: VmcCall, orgId: string): Record<string, unknown> {
  const audit = vmwareState(call.ctx).audit.fields(`vmc:/orgs/${orgId}`);
  return {
    id: orgId,
    name: `vmc-reach-${orgId.slice(0, 8)}`,
    display_name: 'vmc-reach mock org',
    org_type: 'CUSTOMER',
    project_state: 'CREATED',
    properties: { values: {} },
    created: isoTime(audit._create_time),
    updated: isoTime(audit._last_modified_time),
    user_id: 'vmc-reach-mock',
    user_name: 'vmc-reach mock',
    version: 1,
  };
}

/** The world's org, or 404 (a WorldError the dispatcher renders as VMC's ErrorResponse). */
export function requireOrg(world: World, orgId: string): void {
  if (world.nsx.sddc?.orgId !== orgId)
    throw nsxError(404, `Organization ${orgId} was not found (or the token's user is not a member).`, 404);
}

export const orgRoutes: VmcRoute[] = [
  {
    method: 'GET',
    pattern: '/vmc/api/orgs',
    operation: 'GET orgs',
    handle: (call) => vmcJson(call.ctx.world.nsx.sddc ? [renderOrg(call, call.ctx.world.nsx.sddc.orgId)] : []),
  },
  {
    method: 'GET',
    pattern: '/vmc/api/orgs/:org',
    operation: 'GET org',
    handle: (call, p) => (requireOrg(call.ctx.world, p.org!), vmcJson(renderOrg(call, p.org!))),
  },
];
