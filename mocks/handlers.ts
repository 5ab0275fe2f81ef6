// Every mocked service's handlers, in one list: AWS (EC2 Query, SSM JSON 1.1) and VMware (CSP, VMC,
// NSX Policy through the reverse proxy). Handlers match on paths with any origin, so the same list
// answers the real service hosts in-process and the loopback origin in served mode.
import type { RequestHandler } from 'msw';
import type { MockContext } from './mock-context';
import { awsHandlers } from './aws/handlers';
import { vmcHandlers } from './vmc/handlers';

export function createHandlers(ctx: MockContext): RequestHandler[] {
  return [...awsHandlers(ctx), ...vmcHandlers(ctx)];
}
