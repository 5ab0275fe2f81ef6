// The VMC API's JSON conventions: bodies as they are, arrays for lists, and its error body
// (`ErrorResponse`: `status`, `path`, `retryable`, `error_code`, `error_messages[]`), with
// `WWW-Authenticate` on a 401. Timestamps are ISO-8601 strings.
// Mock note: the `error_code` strings are ours (VMC's catalogue is not public); statuses follow the API.
import { HttpResponse } from 'msw';

export function vmcErrorResponse(
  status: number,
  path: string,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return HttpResponse.json(
    { status, path, retryable: status === 429 || status === 503 || status === 504, error_code: errorCode, error_messages: [message] },
    { status, headers: { ...(status === 401 ? { 'www-authenticate': 'csp-auth-token' } : {}), ...headers } },
  );
}

export const vmcJson = (body: unknown): Response => HttpResponse.json(body as Record<string, unknown>);

export const isoTime = (ms: number): string => new Date(ms).toISOString();
