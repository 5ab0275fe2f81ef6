// The `csp-auth-token` check VMC and NSX make on every call: a live access token issued by the mock's
// CSP, else 401. Mock note: the `Authorization: Bearer` header some tools add is not consulted.
import type { MockContext } from '../mock-context';
import type { TokenCheck } from './csp/tokens';
import { vmwareState } from './state';

export const authHeader = 'csp-auth-token';

export function checkAuth(ctx: MockContext, request: Request): TokenCheck {
  return vmwareState(ctx).csp.check(request.headers.get(authHeader));
}

/** Why a call was refused, in words a client can act on. */
export function authFailureMessage(reason: 'missing' | 'unknown' | 'expired'): string {
  switch (reason) {
    case 'missing':
      return `The request has no ${authHeader} header: exchange a CSP API token for an access token and send it as ${authHeader}.`;
    case 'unknown':
      return `The ${authHeader} is not a valid access token: exchange the CSP API token again.`;
    case 'expired':
      return `The ${authHeader} has expired: exchange the CSP API token for a new access token.`;
  }
}
