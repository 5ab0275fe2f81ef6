// VMC's side of the connected VPC's routing: the managed route tables hold one route per routed,
// connected segment (and the management CIDR), pointing at the active cross-link ENI. Routes to
// cross-link ENIs in those tables that no longer match a segment are removed.
//
// Realization delay: VMC applies a segment change to the route tables some seconds after the NSX
// change. With a latency profile whose `segmentRealizationMs` is above 0, a segment change is queued
// (world.nsx.pendingRoutes) and applied when due on the world's clock, the next time anyone reads the
// route tables (settleManagedRoutes, called by the route-table reads), as instance states settle.
// With the instant profile the change shows at once.
// Mock notes: an edge failover (setActiveEni) repoints the routes already there at once (VMC takes
// seconds there too; not modelled); linking a VPC (setLinkedVpc) syncs at once.
import { formatCidr, parseCidr } from '../cidr';
import type { World } from '../world';
import type { Route } from '../ec2/types';
import type { Segment } from './types';

/** A segment is routed into the VPC when its type routes and its connectivity is ON. */
export const segmentIsRouted = (s: Segment): boolean =>
  (s.type === 'ROUTED' || s.type === 'ROUTED_AND_EXTENDED') && s.connectivity === 'ON';

/** The CIDRs VMC advertises to the connected VPC. */
export function advertisedCidrs(world: World): string[] {
  const out = new Set<string>();
  if (world.nsx.sddc?.managementCidr) out.add(formatCidr(parseCidr(world.nsx.sddc.managementCidr)));
  for (const s of world.nsx.segments.values()) {
    if (!segmentIsRouted(s)) continue;
    for (const sub of s.subnets) out.add(formatCidr(parseCidr(sub.network)));
  }
  return [...out];
}

/**
 * Makes the managed route tables route exactly `cidrs` (besides the customer's own routes) to the
 * active cross-link ENI. Bumps the world's revision only when a table changed.
 */
function realizeManagedRoutes(world: World, cidrs: readonly string[]): void {
  const linked = world.nsx.linkedVpc;
  if (!linked) return;
  const wanted = new Set(cidrs);
  const crossLink = new Set(linked.crossLinkEniIds);
  let changed = false;
  for (const rtId of linked.routeTableIds) {
    const rt = world.ec2.routeTables.get(rtId);
    if (!rt) continue;
    const kept: Route[] = [];
    const have = new Set<string>();
    for (const r of rt.routes) {
      const vmcRoute = r.networkInterfaceId !== undefined && crossLink.has(r.networkInterfaceId) && r.destinationCidrBlock !== undefined;
      if (!vmcRoute) {
        kept.push(r);
        continue;
      }
      if (!wanted.has(r.destinationCidrBlock!)) {
        changed = true;
        continue;
      }
      if (r.networkInterfaceId !== linked.activeEni) {
        r.networkInterfaceId = linked.activeEni;
        changed = true;
      }
      have.add(r.destinationCidrBlock!);
      kept.push(r);
    }
    for (const cidr of wanted) {
      if (have.has(cidr) || kept.some((r) => r.destinationCidrBlock === cidr)) continue;
      kept.push({ destinationCidrBlock: cidr, networkInterfaceId: linked.activeEni, state: 'active', origin: 'CreateRoute' });
      changed = true;
    }
    rt.routes = kept;
  }
  if (changed) world.touch();
}

/** Brings the managed route tables in line with the SDDC at once, dropping any queued change. */
export function syncManagedRoutes(world: World): void {
  world.nsx.pendingRoutes.length = 0;
  realizeManagedRoutes(world, advertisedCidrs(world));
}

/**
 * After a segment change: the managed route tables follow once the realization delay has passed
 * (at once with the instant profile).
 */
export function scheduleManagedRoutes(world: World): void {
  const delay = world.latency.segmentRealizationMs;
  if (delay <= 0 || !world.nsx.linkedVpc) {
    syncManagedRoutes(world);
    return;
  }
  world.nsx.pendingRoutes.push({ dueAt: world.clock() + delay, cidrs: advertisedCidrs(world) });
}

/** Applies the queued segment changes that are due, oldest first. Every read of route tables calls it. */
export function settleManagedRoutes(world: World): void {
  const pending = world.nsx.pendingRoutes;
  if (pending.length === 0) return;
  const now = world.clock();
  while (pending.length > 0 && pending[0]!.dueAt <= now) realizeManagedRoutes(world, pending.shift()!.cidrs);
}

/** The CIDRs the managed tables route to a cross-link ENI now (what VMC has realized so far). */
function realizedCidrs(world: World): string[] {
  const linked = world.nsx.linkedVpc;
  if (!linked) return [];
  const crossLink = new Set(linked.crossLinkEniIds);
  const out = new Set<string>();
  for (const rtId of linked.routeTableIds) {
    for (const r of world.ec2.routeTables.get(rtId)?.routes ?? []) {
      if (r.destinationCidrBlock !== undefined && r.networkInterfaceId !== undefined && crossLink.has(r.networkInterfaceId))
        out.add(r.destinationCidrBlock);
    }
  }
  return [...out];
}

/**
 * Edge failover: the routes VMC has realized point at the new active ENI at once; queued segment
 * changes stay queued (with the instant profile there are none, and this is a full sync).
 */
export function repointManagedRoutes(world: World): void {
  if (world.nsx.pendingRoutes.length === 0) {
    syncManagedRoutes(world);
    return;
  }
  settleManagedRoutes(world);
  realizeManagedRoutes(world, realizedCidrs(world));
}
