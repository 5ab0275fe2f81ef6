// The SDDC record and its linked (connected) VPC: which cross-link ENI is active and which route tables
// VMC keeps in sync with the SDDC's networks.
import { ec2Error, nsxError } from '../errors';
import type { World } from '../world';
import type { LinkedVpc, Sddc } from './types';
import { repointManagedRoutes, syncManagedRoutes } from './managed-routes';

export function setSddc(world: World, sddc: Sddc): void {
  world.nsx.sddc = { ...sddc };
  world.touch();
}

export function setLinkedVpc(world: World, linked: LinkedVpc): void {
  if (!world.ec2.vpcs.has(linked.linkedVpcId)) throw ec2Error('InvalidVpcID.NotFound', `The vpc ID '${linked.linkedVpcId}' does not exist`);
  if (!linked.crossLinkEniIds.includes(linked.activeEni))
    throw new RangeError(`active ENI ${linked.activeEni} is not one of the cross-link ENIs`);
  world.nsx.linkedVpc = { ...linked, crossLinkEniIds: [...linked.crossLinkEniIds], routeTableIds: [...linked.routeTableIds] };
  world.touch();
  syncManagedRoutes(world);
}

export function getLinkedVpc(world: World): LinkedVpc {
  if (!world.nsx.linkedVpc) throw nsxError(500090, 'No linked VPC is configured for this SDDC.', 404);
  return world.nsx.linkedVpc;
}

/** Edge failover: another cross-link ENI becomes active and VMC repoints the managed routes to it. */
export function setActiveEni(world: World, eniId: string): void {
  const linked = getLinkedVpc(world);
  if (!linked.crossLinkEniIds.includes(eniId)) throw nsxError(500012, `ENI ${eniId} is not a cross-link ENI of the linked VPC.`, 400);
  linked.activeEni = eniId;
  world.touch();
  repointManagedRoutes(world);
}
