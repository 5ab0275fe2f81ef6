// A route table compiled for longest-prefix lookups; prefix-list routes contribute one prefix per entry.
// IPv6 routes and IPv6 entries never match an IPv4 address. A prefix-list route whose entries are not in
// the data (VMC's Managed Prefix List mode exported without get-managed-prefix-list-entries) can match
// anything: it is kept apart in `unknown` so the caller can say the lookup is undecided.
import type { Route, RouteTable, World } from '../world';
import { routeDestination, routeTarget } from '../world';
import { PrefixTable } from './prefix-table';
import { prefixListUnknown } from './missing-data';

export interface RouteMatcher {
  lookup(ip: number): { route: Route; matchedCidr: string } | null;
  /** Prefix-list routes whose entries are unknown: any of them might be the longest match. */
  unknown: readonly Route[];
}

export function compileRouteMatcher(world: World, rt: RouteTable): RouteMatcher {
  const table = new PrefixTable<{ route: Route; matchedCidr: string }>();
  const unknown: Route[] = [];
  rt.routes.forEach((route, i) => {
    if (route.destinationCidrBlock !== undefined)
      table.add(route.destinationCidrBlock, { route, matchedCidr: route.destinationCidrBlock }, i);
    if (route.destinationPrefixListId !== undefined) {
      const list = world.ec2.prefixLists.get(route.destinationPrefixListId);
      if (prefixListUnknown(list)) unknown.push(route);
      for (const e of list?.entries ?? []) table.add(e.cidr, { route, matchedCidr: e.cidr }, i);
    }
  });
  return { lookup: (ip) => table.longest(ip)?.value ?? null, unknown };
}

export const describeRoute = (r: Route): string =>
  `${routeDestination(r)} → ${routeTarget(r) ?? '?'}${r.state === 'blackhole' ? ' (blackhole)' : ''}`;
