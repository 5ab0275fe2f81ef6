// VMware handlers: CSP auth, the VMC API and the NSX Policy / cloud-service APIs behind the SDDC's
// reverse proxy. One dispatcher per service (csp/, vmc/, nsx/), each matching its paths on any origin,
// so the same list answers the real hosts in-process and the loopback origin in served mode.
import type { RequestHandler } from 'msw';
import type { MockContext } from '../mock-context';
import { cspHandlers } from './csp/dispatch';
import { nsxHandlers } from './nsx/dispatch';
import { vmcApiHandlers } from './vmc/dispatch';

export function vmcHandlers(ctx: MockContext): RequestHandler[] {
  return [...cspHandlers(ctx), ...vmcApiHandlers(ctx), ...nsxHandlers(ctx)];
}
