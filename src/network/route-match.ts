// A route table compiled for longest-prefix lookups; prefix-list routes contribute one prefix per entry.
import type { Route, RouteTable, World } from '../world';
import { routeDestination, routeTarget } from '../world';
import { PrefixTable } from './prefix-table';

export interface RouteMatcher {
  lookup(ip: number): { route: Route; matchedCidr: string } | null;
}

export function compileRouteMatcher(world: World, rt: RouteTable): RouteMatcher {
  const table = new PrefixTable<{ route: Route; matchedCidr: string }>();
  rt.routes.forEach((route, i) => {
    if (route.destinationCidrBlock !== undefined) table.add(route.destinationCidrBlock, { route, matchedCidr: route.destinationCidrBlock }, i);
    if (route.destinationPrefixListId !== undefined) {
      for (const e of world.ec2.prefixLists.get(route.destinationPrefixListId)?.entries ?? []) table.add(e.cidr, { route, matchedCidr: e.cidr }, i);
    }
  });
  return { lookup: (ip) => table.longest(ip)?.value ?? null };
}

export const describeRoute = (r: Route): string => `${routeDestination(r)} → ${routeTarget(r) ?? '?'}${r.state === 'blackhole' ? ' (blackhole)' : ''}`;
