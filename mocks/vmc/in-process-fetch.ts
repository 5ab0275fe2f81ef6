// The embedded mock's fetch for the VMC client of a mock run: each request goes straight to the VMware
// mock's dispatchers (CSP, VMC, NSX), picked by the same entries and the same matcher (MSW's
// matchRequestUrl) as the MSW handlers, without MSW's handler machinery (its request cloning, cookie
// store and events) or its interception of fetch. The request and answer are the same Request and
// Response objects; a request no entry takes fails, as the in-process server's 'error' strategy makes it
// fail, and is sent nowhere.
import type { MockContext } from '../mock-context';
import { entryFor } from './entry';
import { vmcEntries } from './handlers';

export type InProcessFetch = (input: string, init: RequestInit) => Promise<Response>;

export function inProcessFetch(ctx: MockContext): InProcessFetch {
  const entries = vmcEntries(ctx);
  return async (input, init) => {
    const request = new Request(input, init);
    const entry = entryFor(entries, request);
    if (!entry) throw new TypeError(`vmc-reach mock: no mock handler for ${request.method} ${request.url} (nothing is sent anywhere else)`);
    return entry.answer(request);
  };
}
