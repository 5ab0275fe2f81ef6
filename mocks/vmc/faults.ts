// The fault plan's faults as the VMware services show them: status, message and headers; each
// dispatcher renders them in its own error body (CSP, VMC or NSX shape).
// Mock notes: `throttle` → 429 with `Retry-After: 1`; `server-error` → 503 (NSX "busy");
// `timeout` → 504 from the reverse proxy (an answer, not a hung socket); `expired-token` → 401 as for a
// token past its `expires_in`; `auth-failure` → 401 for a token that is not valid; `stale-revision` →
// 412; `conflict` → 409; `not-found` → 404.
import type { FaultKind } from '../faults';

export interface VmwareFault {
  status: number;
  /** NSX `error_code` used in NSX-shaped bodies. */
  nsxCode: number;
  message: string;
  headers?: Record<string, string>;
}

export function vmwareFault(kind: FaultKind, operation: string): VmwareFault {
  switch (kind) {
    case 'throttle':
      return {
        status: 429,
        nsxCode: 429,
        message: `Too many requests (${operation}): the rate limit was exceeded, retry later.`,
        headers: { 'retry-after': '1' },
      };
    case 'server-error':
      return { status: 503, nsxCode: 503, message: `The service is busy (${operation}); retry later.` };
    case 'timeout':
      return { status: 504, nsxCode: 504, message: `The reverse proxy timed out waiting for the manager (${operation}).` };
    case 'not-found':
      return { status: 404, nsxCode: 500090, message: `The requested object was not found (${operation}).` };
    case 'expired-token':
      return { status: 401, nsxCode: 401, message: 'The csp-auth-token has expired: exchange the API token for a new access token.' };
    case 'auth-failure':
      return { status: 401, nsxCode: 401, message: 'The csp-auth-token is not valid.' };
    case 'stale-revision':
      return { status: 412, nsxCode: 604, message: `The object was modified by somebody else (${operation}). Refetch and retry.` };
    case 'conflict':
      return { status: 409, nsxCode: 500127, message: `A concurrent update conflicted with this request (${operation}); retry.` };
  }
}
