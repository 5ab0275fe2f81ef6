// A small path router for the VMware dispatchers: a table of (method, pattern, operation name,
// handler), where a pattern is a path with `:name` segments. Matching also tells a path the table
// knows under another method from a path it does not know at all, so each can get its loud error.

export type Params = Record<string, string>;

export interface Route<C> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** E.g. `/policy/api/v1/infra/tier-1s/:tier1/segments/:id`. */
  pattern: string;
  /** The name the fault plan and the call log use, e.g. `PATCH segment`. */
  operation: string;
  handle: (call: C, params: Params) => Response | Promise<Response>;
}

export type RouteMatch<C> =
  { kind: 'found'; route: Route<C>; params: Params } | { kind: 'method-not-allowed'; allowed: string[] } | { kind: 'unknown' };

function matchPattern(pattern: string, path: string): Params | undefined {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

export function matchRoute<C>(routes: readonly Route<C>[], method: string, path: string): RouteMatch<C> {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'unknown' };
}
