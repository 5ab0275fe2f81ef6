// The VMC API dispatcher: one MSW handler for `{origin}/vmc/api/…` on any origin, with an operation
// table inside (orgs, SDDCs, account-link SDDC connections). Each call: the fault plan (and call log),
// the `csp-auth-token` check (401), then the operation. Errors use VMC's ErrorResponse body; a path the
// table does not know is a loud 501 naming the method and path, never an empty 200.
// Mock note: `account-link/connected-accounts` and every write (SDDC create/delete, …) are not modelled.
import { isWorldError } from '../../../src/world';
import type { MockContext } from '../../mock-context';
import type { VmwareEntry } from '../entry';
import { authFailureMessage, checkAuth } from '../auth';
import { vmwareFault } from '../faults';
import { matchRoute } from '../router';
import type { VmcRoute } from './call';
import { orgRoutes } from './orgs';
import { vmcErrorResponse } from './protocol';
import { sddcConnectionRoutes } from './sddc-connections';
import { sddcRoutes } from './sddcs';

const routes: VmcRoute[] = [...orgRoutes, ...sddcRoutes, ...sddcConnectionRoutes];

/** The operations the VMC mock implements, as `METHOD /pattern`. */
export const vmcOperations = (): string[] => routes.map((r) => `${r.method} ${r.pattern}`);

const errorCodes: Record<number, string> = {
  401: 'unauthenticated',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  429: 'too_many_requests',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

async function dispatch(ctx: MockContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.replace(/\/+$/, '');
  const method = request.method.toUpperCase();
  const match = matchRoute(routes, method, path);
  const operation = match.kind === 'found' ? match.route.operation : `${method} ${path}`;
  const fault = ctx.faults.take('vmc', operation);
  if (fault) {
    const f = vmwareFault(fault, operation);
    return vmcErrorResponse(f.status, path, errorCodes[f.status] ?? 'error', f.message, f.headers);
  }
  const auth = checkAuth(ctx, request);
  if (!auth.ok) return vmcErrorResponse(401, path, 'unauthenticated', authFailureMessage(auth.reason));
  if (match.kind !== 'found') {
    return vmcErrorResponse(
      501,
      path,
      'unsupported',
      `The vmc-reach mock does not implement ${method} ${path} of the VMC API (it implements: ${vmcOperations().join('; ')}).`,
    );
  }
  try {
    return await match.route.handle({ ctx, request, url, user: auth.user }, match.params);
  } catch (e) {
    if (isWorldError(e)) return vmcErrorResponse(e.httpStatus, path, errorCodes[e.httpStatus] ?? 'invalid_request', e.message);
    return vmcErrorResponse(
      500,
      path,
      'internal_error',
      `The vmc-reach mock failed on ${method} ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

export function vmcApiEntries(ctx: MockContext): VmwareEntry[] {
  return [{ method: 'ALL', path: '*/vmc/api/*', answer: (request) => dispatch(ctx, request) }];
}
