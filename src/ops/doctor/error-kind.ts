// What an AWS error says about the account, by its code and HTTP status, so a doctor line blames the
// right thing: a permission (UnauthorizedOperation, AccessDenied*), throttling, the service itself (HTTP
// 5xx, or a body that is not the service's format: an endpoint that does not implement the call), the
// network (refused, unresolved, timed out), or the request (anything else, reported as it came).
import { errorName, errorText, fail, type CheckResult } from './check';

export type ErrorKind = 'denied' | 'throttled' | 'server' | 'network' | 'request';

const networkCodes = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)$/;

export function errorKind(e: unknown): ErrorKind {
  const err = e as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = errorName(e);
  const status = err.$metadata?.httpStatusCode;
  if (name === 'UnauthorizedOperation' || /^AccessDenied/.test(name)) return 'denied';
  if (/Throttl|RequestLimitExceeded|TooManyRequests|SlowDown/.test(name) || status === 429) return 'throttled';
  if ((status !== undefined && status >= 500) || /^(InternalError|InternalFailure|InternalServerError|ServiceUnavailable)/.test(name))
    return 'server';
  if (
    networkCodes.test(err.code ?? '') ||
    networkCodes.test(name) ||
    name === 'TimeoutError' ||
    /socket hang up|ECONNREFUSED|getaddrinfo/.test(err.message ?? '')
  )
    return 'network';
  return 'request';
}

/** One line for a failed call: what kind of failure, the call and the endpoint, and the fix that fits. */
export function failFromError(
  name: string,
  e: unknown,
  o: { call: string; endpoint: string; permission: string; policyFix: string },
): CheckResult {
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  switch (errorKind(e)) {
    case 'denied':
      return fail(name, `${o.call} was denied (${errorText(e)})`, `${o.policyFix} (${o.permission})`);
    case 'throttled':
      return fail(
        name,
        `${o.call} at ${o.endpoint} was throttled (${errorName(e)})`,
        "not a permission problem: run doctor again in a minute; if it persists, other clients share this account's request rate",
      );
    case 'server': {
      const notJson = errorName(e) === 'SyntaxError' || /Deserialization error|is not valid JSON/.test(String((e as Error).message));
      return fail(
        name,
        `${o.call} at ${o.endpoint} answered HTTP ${status ?? '5xx'}${notJson ? " with a body that is not the service's JSON (does this endpoint implement the call?)" : ` (${errorText(e)})`}`,
        'not a permission problem: the service (or the endpoint override) failed; check AWS_ENDPOINT_URL_* and the service health, then run doctor again',
      );
    }
    case 'network':
      return fail(
        name,
        `${o.endpoint} could not be reached for ${o.call} (${errorText(e)})`,
        'not a permission problem: check the network path (proxy, VPC endpoint, DNS) to the endpoint, and AWS_ENDPOINT_URL_*',
      );
    default:
      return fail(name, `${o.call}: ${errorText(e)}`, 'fix the request parameter the error names, then run doctor again');
  }
}
