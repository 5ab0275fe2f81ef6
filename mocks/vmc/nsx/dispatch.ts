// The NSX dispatcher: one MSW handler for the SDDC's reverse proxy on any origin,
//   {origin}/vmc/reverse-proxy/api/orgs/{org}/sddcs/{sddc}/sks-nsxt-manager/policy/api/v1/…   (Policy API)
//   {origin}/vmc/reverse-proxy/api/orgs/{org}/sddcs/{sddc}/cloud-service/api/v1/…             (cloud service)
// with an operation table inside. Each call: the fault plan is consulted (and logs the call), the
// `csp-auth-token` is checked (401), the org/SDDC must be the world's (503 as VMC's proxy answers for
// a wrong id), then the operation runs against the world. World errors become NSX error bodies; a path
// the table does not know is a loud NSX-shaped 404 (outside the API bases) or 501 (inside them),
// naming the method and path, never an empty 200.
// Mock note: the cloud-service API is also answered under `/sks-nsxt-manager` (pyVMC calls it there).
import { isWorldError } from '../../../src/world';
import type { MockContext } from '../../mock-context';
import type { VmwareEntry } from '../entry';
import { authFailureMessage, checkAuth } from '../auth';
import { vmwareFault } from '../faults';
import { matchRoute } from '../router';
import { vmwareState } from '../state';
import type { NsxCall, NsxRoute } from './call';
import { gatewayRuleRoutes } from './gateway-rules';
import { groupRoutes } from './groups';
import { labelRoutes } from './labels';
import { linkedVpcRoutes } from './linked-vpc';
import { serviceRoutes } from './predefined-services';
import { nsxErrorResponse, nsxWorldErrorResponse } from './protocol';
import { securityPolicyRoutes } from './security-policies';
import { segmentRoutes } from './segments';
import { systemGroupRoutes } from './system-groups';
import { vmRoutes } from './vms';

const policyRoutes: NsxRoute[] = [
  ...segmentRoutes,
  ...groupRoutes,
  ...systemGroupRoutes,
  ...gatewayRuleRoutes,
  ...securityPolicyRoutes,
  ...serviceRoutes,
  ...labelRoutes,
  ...vmRoutes,
];
const cloudServiceRoutes: NsxRoute[] = [...linkedVpcRoutes];

/** The operations the NSX mock implements, as `METHOD /pattern` (for coverage listings). */
export const nsxOperations = (): string[] => [...policyRoutes, ...cloudServiceRoutes].map((r) => `${r.method} ${r.pattern}`);

const proxyPath = /^\/vmc\/reverse-proxy\/api\/orgs\/([^/]+)\/sddcs\/([^/]+)(\/.*)?$/;

async function dispatch(ctx: MockContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const m = proxyPath.exec(url.pathname);
  const [org, sddc, rest] = [decodeURIComponent(m?.[1] ?? ''), decodeURIComponent(m?.[2] ?? ''), m?.[3] ?? '/'];
  const method = request.method.toUpperCase();
  const underManager = rest.startsWith('/sks-nsxt-manager/');
  const inner = underManager ? rest.slice('/sks-nsxt-manager'.length) : rest;
  const routes = underManager ? [...policyRoutes, ...cloudServiceRoutes] : cloudServiceRoutes;
  const match = matchRoute(routes, method, inner);
  const operation = match.kind === 'found' ? match.route.operation : `${method} ${inner}`;

  const fault = ctx.faults.take('nsx', operation);
  if (fault) {
    const f = vmwareFault(fault, operation);
    return nsxErrorResponse(f.status, f.nsxCode, f.message, f.headers ? { headers: f.headers } : {});
  }
  const auth = checkAuth(ctx, request);
  if (!auth.ok) return nsxErrorResponse(401, 401, authFailureMessage(auth.reason));
  const known = ctx.world.nsx.sddc;
  if (!known || known.orgId !== org || known.id !== sddc) {
    return nsxErrorResponse(
      503,
      503,
      `The reverse proxy knows no SDDC ${sddc} in org ${org}${known ? '' : ' (the mock world has no SDDC)'}; check the org and SDDC ids.`,
    );
  }
  if (match.kind === 'method-not-allowed') {
    return nsxErrorResponse(
      501,
      501,
      `The vmc-reach mock does not implement ${method} ${inner} (it answers ${match.allowed.join(', ')} there).`,
    );
  }
  if (match.kind === 'unknown') {
    const inApi = /^\/(policy|cloud-service)\/api\/v1\//.test(inner);
    return inApi
      ? nsxErrorResponse(
          501,
          501,
          `The vmc-reach mock does not implement ${method} ${rest}: no such operation in its NSX Policy / cloud-service tables.`,
        )
      : nsxErrorResponse(
          404,
          500090,
          `${method} ${rest}: no such API under the SDDC's reverse proxy (expected /sks-nsxt-manager/policy/api/v1/… or /cloud-service/api/v1/…).`,
        );
  }
  const call: NsxCall = { ctx, world: ctx.world, state: vmwareState(ctx), request, query: url.searchParams, user: auth.user };
  try {
    return await match.route.handle(call, match.params);
  } catch (e) {
    if (isWorldError(e)) return nsxWorldErrorResponse(e);
    return nsxErrorResponse(500, 500, `The vmc-reach mock failed on ${method} ${inner}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function nsxEntries(ctx: MockContext): VmwareEntry[] {
  return [{ method: 'ALL', path: '*/vmc/reverse-proxy/api/orgs/:org/sddcs/:sddc/*', answer: (request) => dispatch(ctx, request) }];
}
