// The CSP dispatcher: `POST {origin}/csp/gateway/am/api/auth/api-tokens/authorize` exchanges an API token
// (form field `api_token`, or the deprecated `refresh_token`; the deprecated query parameter is accepted
// too) for an access token: `{access_token, expires_in, id_token, refresh_token, scope, token_type}`.
// An unknown or missing token gets CSP's 400 error body. Any other `/csp/gateway/…` path is a loud 501
// naming it (the OAuth client-credentials flows are not modelled).
// Mock note: MFA `passcode` is accepted and ignored; a token that is valid is valid for every org.
import { HttpResponse } from 'msw';
import type { VmwareEntry } from '../entry';
import type { MockContext } from '../../mock-context';
import { vmwareFault } from '../faults';
import { vmwareState } from '../state';
import { cspErrorResponse } from './protocol';

const authorizePath = '/csp/gateway/am/api/auth/api-tokens/authorize';

async function authorize(ctx: MockContext, request: Request): Promise<Response> {
  const fault = ctx.faults.take('csp', 'POST authorize');
  if (fault) {
    const f = vmwareFault(fault, 'POST authorize');
    return cspErrorResponse(f.status, fault, f.message, f.headers);
  }
  const url = new URL(request.url);
  const form = new URLSearchParams(await request.text());
  const token =
    form.get('api_token') ?? form.get('refresh_token') ?? url.searchParams.get('api_token') ?? url.searchParams.get('refresh_token');
  if (!token)
    return cspErrorResponse(
      400,
      'invalid_request',
      'Invalid request body: the form field api_token is required (application/x-www-form-urlencoded).',
    );
  const csp = vmwareState(ctx).csp;
  const issued = csp.exchange(token, ctx.world.nsx.sddc?.orgId);
  if (!issued)
    return cspErrorResponse(
      400,
      'invalid_grant',
      'The API token is invalid or expired: generate a new API token in the VMware Cloud console.',
    );
  return HttpResponse.json({
    id_token: issued.idToken,
    token_type: 'bearer',
    expires_in: issued.expiresIn,
    scope: 'ALL_PERMISSIONS customer_number openid group_ids group_names',
    access_token: issued.accessToken,
    refresh_token: token,
  });
}

export function cspEntries(ctx: MockContext): VmwareEntry[] {
  return [
    { method: 'POST', path: `*${authorizePath}`, answer: (request) => authorize(ctx, request) },
    {
      method: 'ALL',
      path: '*/csp/gateway/*',
      answer: (request) => {
        const path = new URL(request.url).pathname;
        ctx.faults.take('csp', `${request.method} ${path}`);
        return cspErrorResponse(
          501,
          'not_implemented',
          `The vmc-reach mock does not implement ${request.method} ${path} of CSP (it implements POST ${authorizePath}).`,
        );
      },
    },
  ];
}
