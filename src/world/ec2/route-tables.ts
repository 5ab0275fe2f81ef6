// Route table operations: create, routes (create/replace/delete), subnet associations, and the lookup
// of the table a subnet uses (its explicit association, else the VPC's main table).
import { ec2Error } from '../errors';
import { isIpv4Cidr, parseCidr, formatCidr } from '../cidr';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import { getVpc } from './vpcs';
import { getSubnet } from './subnets';
import type { Route, RouteTable } from './types';
import { settleManagedRoutes } from '../nsx/managed-routes';

/** Reads of route tables first apply the SDDC route changes VMC has realized by now (nsx/managed-routes). */
export function getRouteTable(world: World, routeTableId: string): RouteTable {
  settleManagedRoutes(world);
  return mustGet(world.ec2.routeTables, routeTableId, 'InvalidRouteTableID.NotFound', 'routeTable ID');
}

export function createRouteTable(world: World, input: { vpcId: string; tags?: Tag[] }): RouteTable {
  const vpc = getVpc(world, input.vpcId);
  const rt: RouteTable = {
    routeTableId: world.ids.next('rtb'),
    vpcId: vpc.vpcId,
    ownerId: world.accountId,
    routes: [vpc.cidrBlock, ...vpc.secondaryCidrBlocks].map((c) => ({
      destinationCidrBlock: c,
      gatewayId: 'local',
      state: 'active',
      origin: 'CreateRouteTable',
    })),
    associations: [],
    tags: [...(input.tags ?? [])],
  };
  world.ec2.routeTables.set(rt.routeTableId, rt);
  world.touch();
  return rt;
}

/** The route's target, whichever kind it is. */
export const routeTarget = (r: Route): string | undefined =>
  r.gatewayId ??
  r.networkInterfaceId ??
  r.instanceId ??
  r.transitGatewayId ??
  r.vpcPeeringConnectionId ??
  r.natGatewayId ??
  r.egressOnlyInternetGatewayId;

/** The route's destination: an IPv4 or IPv6 CIDR or a prefix list id. */
export const routeDestination = (r: Route): string =>
  r.destinationCidrBlock ?? r.destinationIpv6CidrBlock ?? r.destinationPrefixListId ?? '?';

export interface RouteInput {
  routeTableId: string;
  destinationCidrBlock?: string;
  destinationPrefixListId?: string;
  gatewayId?: string;
  networkInterfaceId?: string;
  instanceId?: string;
  transitGatewayId?: string;
}

function buildRoute(world: World, input: RouteInput): Route {
  if (input.destinationCidrBlock === undefined && input.destinationPrefixListId === undefined) {
    throw ec2Error('MissingParameter', 'The request must contain either DestinationCidrBlock or DestinationPrefixListId.');
  }
  const route: Route = { state: 'active', origin: 'CreateRoute' };
  if (input.destinationCidrBlock !== undefined) {
    if (!isIpv4Cidr(input.destinationCidrBlock))
      throw ec2Error('InvalidParameterValue', `Value (${input.destinationCidrBlock}) for parameter destinationCidrBlock is invalid.`);
    route.destinationCidrBlock = formatCidr(parseCidr(input.destinationCidrBlock));
  } else {
    mustGet(world.ec2.prefixLists, input.destinationPrefixListId!, 'InvalidPrefixListID.NotFound', 'prefix list ID');
    route.destinationPrefixListId = input.destinationPrefixListId!;
  }
  const targets = [input.gatewayId, input.networkInterfaceId, input.instanceId, input.transitGatewayId].filter((t) => t !== undefined);
  if (targets.length !== 1) throw ec2Error('InvalidParameterCombination', 'Exactly one route target must be given.');
  if (input.networkInterfaceId !== undefined) {
    mustGet(world.ec2.networkInterfaces, input.networkInterfaceId, 'InvalidNetworkInterfaceID.NotFound', 'networkInterface ID');
    route.networkInterfaceId = input.networkInterfaceId;
  }
  if (input.gatewayId !== undefined) route.gatewayId = input.gatewayId;
  if (input.instanceId !== undefined) {
    const inst = mustGet(world.ec2.instances, input.instanceId, 'InvalidInstanceID.NotFound', 'instance ID');
    route.instanceId = inst.instanceId;
    route.networkInterfaceId = inst.networkInterfaceId;
  }
  if (input.transitGatewayId !== undefined) route.transitGatewayId = input.transitGatewayId;
  return route;
}

const sameDestination = (a: Route, b: Route): boolean =>
  a.destinationCidrBlock === b.destinationCidrBlock &&
  a.destinationIpv6CidrBlock === b.destinationIpv6CidrBlock &&
  a.destinationPrefixListId === b.destinationPrefixListId;

export function createRoute(world: World, input: RouteInput): Route {
  const rt = getRouteTable(world, input.routeTableId);
  const route = buildRoute(world, input);
  if (rt.routes.some((r) => sameDestination(r, route))) {
    throw ec2Error('RouteAlreadyExists', `The route identified by ${routeDestination(route)} already exists.`);
  }
  rt.routes.push(route);
  world.touch();
  return route;
}

export function replaceRoute(world: World, input: RouteInput): Route {
  const rt = getRouteTable(world, input.routeTableId);
  const route = buildRoute(world, input);
  const i = rt.routes.findIndex((r) => sameDestination(r, route));
  if (i < 0) throw ec2Error('InvalidRoute.NotFound', `There is no route defined for '${routeDestination(route)}' in the route table.`);
  if (rt.routes[i]!.gatewayId === 'local') throw ec2Error('InvalidParameterValue', 'The local route cannot be replaced.');
  rt.routes[i] = route;
  world.touch();
  return route;
}

export function deleteRoute(
  world: World,
  input: { routeTableId: string; destinationCidrBlock?: string; destinationPrefixListId?: string },
): void {
  const rt = getRouteTable(world, input.routeTableId);
  if (input.destinationCidrBlock === undefined && input.destinationPrefixListId === undefined) {
    throw ec2Error('MissingParameter', 'The request must contain either DestinationCidrBlock or DestinationPrefixListId.');
  }
  if (input.destinationCidrBlock !== undefined && !isIpv4Cidr(input.destinationCidrBlock)) {
    throw ec2Error('InvalidParameterValue', `Value (${input.destinationCidrBlock}) for parameter destinationCidrBlock is invalid.`);
  }
  const dest = input.destinationCidrBlock !== undefined ? formatCidr(parseCidr(input.destinationCidrBlock)) : undefined;
  const i = rt.routes.findIndex((r) =>
    dest !== undefined ? r.destinationCidrBlock === dest : r.destinationPrefixListId === input.destinationPrefixListId,
  );
  if (i < 0)
    throw ec2Error('InvalidRoute.NotFound', `There is no route defined for '${dest ?? input.destinationPrefixListId}' in the route table.`);
  if (rt.routes[i]!.gatewayId === 'local') throw ec2Error('InvalidParameterValue', 'cannot remove local route in route table');
  rt.routes.splice(i, 1);
  world.touch();
}

/** AssociateRouteTable: a subnet has at most one explicit association. */
export function associateRouteTable(world: World, input: { routeTableId: string; subnetId: string }): string {
  const rt = getRouteTable(world, input.routeTableId);
  const subnet = getSubnet(world, input.subnetId);
  if (subnet.vpcId !== rt.vpcId)
    throw ec2Error('InvalidParameterValue', `Route table ${rt.routeTableId} and subnet ${subnet.subnetId} belong to different networks`);
  for (const other of world.ec2.routeTables.values()) {
    if (other.associations.some((a) => a.subnetId === subnet.subnetId)) {
      throw ec2Error(
        'Resource.AlreadyAssociated',
        `the specified association for route table ${other.routeTableId} conflicts with an existing association`,
      );
    }
  }
  const id = world.ids.next('rtbassoc');
  rt.associations.push({ routeTableAssociationId: id, routeTableId: rt.routeTableId, subnetId: subnet.subnetId, main: false });
  world.touch();
  return id;
}

export function disassociateRouteTable(world: World, associationId: string): void {
  for (const rt of world.ec2.routeTables.values()) {
    const a = rt.associations.find((x) => x.routeTableAssociationId === associationId);
    if (!a) continue;
    if (a.main) throw ec2Error('InvalidParameterValue', 'cannot disassociate the main route table association');
    rt.associations = rt.associations.filter((x) => x !== a);
    world.touch();
    return;
  }
  throw ec2Error('InvalidAssociationID.NotFound', `The association ID '${associationId}' does not exist`);
}

export function deleteRouteTable(world: World, routeTableId: string): void {
  const rt = getRouteTable(world, routeTableId);
  if (rt.associations.length > 0)
    throw ec2Error('DependencyViolation', `The routeTable '${routeTableId}' has dependencies and cannot be deleted.`);
  world.ec2.routeTables.delete(routeTableId);
  world.touch();
}

export function mainRouteTable(world: World, vpcId: string): RouteTable | undefined {
  settleManagedRoutes(world);
  return [...world.ec2.routeTables.values()].find((rt) => rt.vpcId === vpcId && rt.associations.some((a) => a.main));
}

/** The route table a subnet uses: its explicit association, else the VPC's main table. */
export function routeTableForSubnet(world: World, subnetId: string): RouteTable | undefined {
  settleManagedRoutes(world);
  const subnet = getSubnet(world, subnetId);
  for (const rt of world.ec2.routeTables.values()) if (rt.associations.some((a) => a.subnetId === subnetId)) return rt;
  return mainRouteTable(world, subnet.vpcId);
}

export function describeRouteTables(world: World, routeTableIds: readonly string[] = []): RouteTable[] {
  settleManagedRoutes(world);
  if (routeTableIds.length === 0) return [...world.ec2.routeTables.values()];
  return routeTableIds.map((id) => getRouteTable(world, id));
}
