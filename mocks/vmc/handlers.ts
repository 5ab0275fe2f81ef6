// VMware handlers: CSP auth, the VMC API and the NSX Policy / cloud-service APIs behind the SDDC's
// reverse proxy. One dispatcher per service (csp/, vmc/, nsx/), each matching its paths on any origin,
// so the same list answers the real hosts in-process and the loopback origin in served mode.
import { http, type RequestHandler } from 'msw';
import type { MockContext } from '../mock-context';
import { cspEntries } from './csp/dispatch';
import type { VmwareEntry } from './entry';
import { nsxEntries } from './nsx/dispatch';
import { vmcApiEntries } from './vmc/dispatch';

/** The dispatchers' entry points, in the order MSW tries them. */
export const vmcEntries = (ctx: MockContext): VmwareEntry[] => [...cspEntries(ctx), ...vmcApiEntries(ctx), ...nsxEntries(ctx)];

export function vmcHandlers(ctx: MockContext): RequestHandler[] {
  return vmcEntries(ctx).map((e) => (e.method === 'POST' ? http.post : http.all)(e.path, ({ request }) => e.answer(request)));
}
