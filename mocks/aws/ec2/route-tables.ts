// DescribeRouteTables on the wire. Filters: route-table-id, vpc-id, owner-id, association.main,
// association.subnet-id, association.route-table-association-id, association.route-table-id,
// route.destination-cidr-block, route.destination-prefix-list-id, route.gateway-id,
// route.instance-id, route.nat-gateway-id, route.transit-gateway-id, route.vpc-peering-connection-id,
// route.network-interface-id (mock extension), route.origin, route.state, tag:<k>, tag-key.
import { describeRouteTables, ec2Error, type Route, type RouteTable } from '../../../src/world';
import { items } from '../protocols/ec2-xml';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { parseDescribe, tagSet } from './render';

const routes = <K extends keyof Route>(key: K) => (rt: RouteTable) => rt.routes.map((r) => r[key] as string | undefined);

export const routeTableFilters: FilterTable<RouteTable> = {
  'route-table-id': (rt) => rt.routeTableId,
  'vpc-id': (rt) => rt.vpcId,
  'owner-id': (rt) => rt.ownerId,
  'association.main': (rt) => rt.associations.some((a) => a.main),
  'association.subnet-id': (rt) => rt.associations.map((a) => a.subnetId),
  'association.route-table-association-id': (rt) => rt.associations.map((a) => a.routeTableAssociationId),
  'association.route-table-id': (rt) => rt.associations.map((a) => a.routeTableId),
  'route.destination-cidr-block': routes('destinationCidrBlock'),
  'route.destination-prefix-list-id': routes('destinationPrefixListId'),
  'route.gateway-id': routes('gatewayId'),
  'route.instance-id': routes('instanceId'),
  'route.nat-gateway-id': routes('natGatewayId'),
  'route.transit-gateway-id': routes('transitGatewayId'),
  'route.vpc-peering-connection-id': routes('vpcPeeringConnectionId'),
  'route.network-interface-id': routes('networkInterfaceId'),
  'route.origin': routes('origin'),
  'route.state': routes('state'),
};

const renderRoute = (ownerId: string, r: Route) => ({
  destinationCidrBlock: r.destinationCidrBlock,
  destinationPrefixListId: r.destinationPrefixListId,
  gatewayId: r.gatewayId,
  instanceId: r.instanceId,
  instanceOwnerId: r.instanceId ? ownerId : undefined,
  natGatewayId: r.natGatewayId,
  transitGatewayId: r.transitGatewayId,
  networkInterfaceId: r.networkInterfaceId,
  vpcPeeringConnectionId: r.vpcPeeringConnectionId,
  state: r.state,
  origin: r.origin,
});

export const renderRouteTable = (rt: RouteTable) => ({
  routeTableId: rt.routeTableId,
  vpcId: rt.vpcId,
  ownerId: rt.ownerId,
  routeSet: items(rt.routes.map((r) => renderRoute(rt.ownerId, r))),
  associationSet: items(
    rt.associations.map((a) => ({
      routeTableAssociationId: a.routeTableAssociationId,
      routeTableId: a.routeTableId,
      subnetId: a.subnetId,
      main: a.main,
      associationState: { state: 'associated' },
    })),
  ),
  propagatingVgwSet: '',
  tagSet: tagSet(rt.tags),
});

export const routeTableOperations: Ec2OperationTable = {
  DescribeRouteTables: operation({
    parse: (p) => parseDescribe(p, 'RouteTableId'),
    run: ({ world }, input) => {
      const all = applyFilters(describeRouteTables(world, input.ids), input.filters, routeTableFilters, (rt) => rt.tags);
      const { page: tables, nextToken } = page(all, input, { min: 5, max: 100 });
      return { routeTableSet: items(tables.map(renderRouteTable)), nextToken };
    },
    notFound: (input) => (input.ids.length ? ec2Error('InvalidRouteTableID.NotFound', `The routeTable ID '${input.ids[0]}' does not exist`) : { routeTableSet: '' }),
  }),
};
