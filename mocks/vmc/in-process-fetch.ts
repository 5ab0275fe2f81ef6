// The embedded mock's fetch for the VMC client of a mock run: each request goes to the VMware mock's
// handlers (CSP, VMC, NSX) through MSW's getResponse, which matches and runs them as MSW's interception of
// fetch would, without the interception itself (the global fetch patched, the request's events). The
// request and answer are the same Request and Response objects; a request no handler takes fails, as the
// in-process server's 'error' strategy makes it fail, and is sent nowhere.
import { getResponse } from 'msw';
import type { MockContext } from '../mock-context';
import { vmcHandlers } from './handlers';

export type InProcessFetch = (input: string, init: RequestInit) => Promise<Response>;

export function inProcessFetch(ctx: MockContext): InProcessFetch {
  const handlers = vmcHandlers(ctx);
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request);
    if (!response)
      throw new TypeError(`vmc-reach mock: no mock handler for ${request.method} ${request.url} (nothing is sent anywhere else)`);
    return response;
  };
}
