// VMware handlers (CSP auth, VMC API, NSX Policy API). Being built under the VMC mock issue.
import type { RequestHandler } from 'msw';
import type { MockContext } from '../mock-context';

export function vmcHandlers(_ctx: MockContext): RequestHandler[] {
  return [];
}
