// What an NSX route handler gets: the context, the world, the VMware state, the request and its query,
// and the CSP user the access token belongs to (for the audit fields).
import type { World } from '../../../src/world';
import type { MockContext } from '../../mock-context';
import type { Route } from '../router';
import type { VmwareMockState } from '../state';

export interface NsxCall {
  ctx: MockContext;
  world: World;
  state: VmwareMockState;
  request: Request;
  query: URLSearchParams;
  user: string;
}

export type NsxRoute = Route<NsxCall>;
