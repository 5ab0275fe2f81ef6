// What a VMC API route handler gets: the context, the request's URL, and the CSP user of the token.
import type { MockContext } from '../../mock-context';
import type { Route } from '../router';

export interface VmcCall {
  ctx: MockContext;
  request: Request;
  url: URL;
  user: string;
}

export type VmcRoute = Route<VmcCall>;
