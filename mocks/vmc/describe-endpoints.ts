// What `vmc-reach mock serve` prints about the VMware side (CSP token, org and SDDC ids, the base URLs).
// Being built under the VMC mock issue.
import type { MockContext } from '../mock-context';

export function describeVmcEndpoints(_ctx: MockContext, _baseUrl: string): string[] {
  return [];
}
