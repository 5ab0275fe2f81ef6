// CSP's JSON conventions: the token response and the error body (`statusCode`, `errorCode`,
// `cspErrorCode`, `message`, `moduleCode`, `requestId`).
// Mock note: the `errorCode`/`cspErrorCode`/`moduleCode` values are ours (CSP documents the fields,
// not a catalogue); `requestId` is a counter-derived UUID.
import { HttpResponse } from 'msw';
import { derivedUuid } from '../ids';

let requests = 0;

export function cspErrorResponse(status: number, errorCode: string, message: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(
    {
      requestId: derivedUuid('csp-request', String(++requests)),
      statusCode: status,
      errorCode,
      cspErrorCode: `vmc-reach.${errorCode}`,
      moduleCode: 'CSP-IAM',
      message,
    },
    { status, headers },
  );
}
