// VMC's side of the connected VPC's routing: the managed route tables hold one route per routed,
// connected segment (and the management CIDR), pointing at the active cross-link ENI. Routes to
// cross-link ENIs in those tables that no longer match a segment are removed.
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
 * Brings the managed route tables in line with the SDDC.
 * Mock note: VMC applies these changes some seconds after the NSX change; the world applies them at
 * once, and the mocks add the realization delay of their latency profile.
 */
export function syncManagedRoutes(world: World): void {
  const linked = world.nsx.linkedVpc;
  if (!linked) return;
  const wanted = new Set(advertisedCidrs(world));
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
