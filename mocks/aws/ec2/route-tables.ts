// Route tables on the wire: Create/DeleteRouteTable, Create/Replace/DeleteRoute,
// Associate/DisassociateRouteTable and DescribeRouteTables. DescribeRouteTables filters: route-table-id, vpc-id, owner-id, association.main,
// association.subnet-id, association.route-table-association-id, association.route-table-id,
// route.destination-cidr-block, route.destination-ipv6-cidr-block, route.destination-prefix-list-id,
// route.egress-only-internet-gateway-id, route.gateway-id,
// route.instance-id, route.nat-gateway-id, route.transit-gateway-id, route.vpc-peering-connection-id,
// route.network-interface-id (mock extension), route.origin, route.state, tag:<k>, tag-key.
import {
  associateRouteTable,
  createRoute,
  createRouteTable,
  deleteRoute,
  deleteRouteTable,
  describeRouteTables,
  disassociateRouteTable,
  ec2Error,
  getRouteTable,
  replaceRoute,
  type Route,
  type RouteInput,
  type RouteTable,
} from '../../../src/world';
import type { QueryParams } from '../protocols/query-params';
import { items } from '../protocols/ec2-xml';
import { routeShape } from '../../../src/shapes/ec2';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { parseDescribe, tagSet, unsupported } from './render';

const routes =
  <K extends keyof Route>(key: K) =>
  (rt: RouteTable) =>
    rt.routes.map((r) => r[key] as string | undefined);

export const routeTableFilters: FilterTable<RouteTable> = {
  'route-table-id': (rt) => rt.routeTableId,
  'vpc-id': (rt) => rt.vpcId,
  'owner-id': (rt) => rt.ownerId,
  'association.main': (rt) => rt.associations.some((a) => a.main),
  'association.subnet-id': (rt) => rt.associations.map((a) => a.subnetId),
  'association.route-table-association-id': (rt) => rt.associations.map((a) => a.routeTableAssociationId),
  'association.route-table-id': (rt) => rt.associations.map((a) => a.routeTableId),
  'route.destination-cidr-block': routes('destinationCidrBlock'),
  'route.destination-ipv6-cidr-block': routes('destinationIpv6CidrBlock'),
  'route.destination-prefix-list-id': routes('destinationPrefixListId'),
  'route.egress-only-internet-gateway-id': routes('egressOnlyInternetGatewayId'),
  'route.gateway-id': routes('gatewayId'),
  'route.instance-id': routes('instanceId'),
  'route.nat-gateway-id': routes('natGatewayId'),
  'route.transit-gateway-id': routes('transitGatewayId'),
  'route.vpc-peering-connection-id': routes('vpcPeeringConnectionId'),
  'route.network-interface-id': routes('networkInterfaceId'),
  'route.origin': routes('origin'),
  'route.state': routes('state'),
};

const renderRoute = (ownerId: string, r: Route) => ({ ...routeShape(r), ...(r.instanceId ? { instanceOwnerId: ownerId } : {}) });

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

const tableNotFound = (id: string) => ec2Error('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`);

/** The destination and the one target of Create/ReplaceRoute (targets the world does not model are refused). */
function parseRoute(p: QueryParams): RouteInput {
  for (const name of [
    'VpcEndpointId',
    'NatGatewayId',
    'VpcPeeringConnectionId',
    'EgressOnlyInternetGatewayId',
    'LocalGatewayId',
    'CarrierGatewayId',
    'CoreNetworkArn',
    'DestinationIpv6CidrBlock',
  ]) {
    unsupported(p, name, 'the world routes to gateways, ENIs, instances and transit gateways only');
  }
  const fields: (keyof RouteInput)[] = [
    'destinationCidrBlock',
    'destinationPrefixListId',
    'gatewayId',
    'networkInterfaceId',
    'instanceId',
    'transitGatewayId',
  ];
  const input: RouteInput = { routeTableId: p.required('RouteTableId') };
  for (const f of fields) {
    const v = p.str(f.charAt(0).toUpperCase() + f.slice(1));
    if (v !== undefined) input[f] = v;
  }
  return input;
}

export const routeTableOperations: Ec2OperationTable = {
  CreateRouteTable: operation({
    parse: (p) => ({
      vpcId: p.required('VpcId'),
      clientToken: p.str('ClientToken'),
      tags: p.tagSpecifications(['route-table']).flatMap((t) => t.tags),
    }),
    run: ({ world }, input) => ({
      routeTable: renderRouteTable(createRouteTable(world, { vpcId: input.vpcId, tags: input.tags })),
      clientToken: input.clientToken,
    }),
  }),
  DeleteRouteTable: operation<string>({
    parse: (p) => p.required('RouteTableId'),
    run: ({ world }, id) => {
      deleteRouteTable(world, id);
      return { return: true };
    },
    notFound: tableNotFound,
  }),
  CreateRoute: operation<RouteInput>({
    parse: parseRoute,
    run: ({ world }, input) => {
      createRoute(world, input);
      return { return: true };
    },
    notFound: (input) => tableNotFound(input.routeTableId),
  }),
  ReplaceRoute: operation<RouteInput>({
    parse: parseRoute,
    run: ({ world }, input) => {
      replaceRoute(world, input);
      return { return: true };
    },
    notFound: (input) => tableNotFound(input.routeTableId),
  }),
  DeleteRoute: operation({
    parse: (p) => {
      const dest = p.str('DestinationCidrBlock');
      const pl = p.str('DestinationPrefixListId');
      return {
        routeTableId: p.required('RouteTableId'),
        ...(dest !== undefined ? { destinationCidrBlock: dest } : {}),
        ...(pl !== undefined ? { destinationPrefixListId: pl } : {}),
      };
    },
    run: ({ world }, input) => {
      deleteRoute(world, input);
      return { return: true };
    },
    notFound: (input) => tableNotFound(input.routeTableId),
  }),
  AssociateRouteTable: operation({
    parse: (p) => {
      unsupported(p, 'GatewayId', 'gateway route tables are not modelled');
      return { routeTableId: p.required('RouteTableId'), subnetId: p.required('SubnetId') };
    },
    run: ({ world }, input) => {
      getRouteTable(world, input.routeTableId);
      return { associationId: associateRouteTable(world, input), associationState: { state: 'associated' } };
    },
    notFound: (input) => tableNotFound(input.routeTableId),
  }),
  DisassociateRouteTable: operation<string>({
    parse: (p) => p.required('AssociationId'),
    run: ({ world }, id) => {
      disassociateRouteTable(world, id);
      return { return: true };
    },
  }),
  DescribeRouteTables: operation({
    parse: (p) => parseDescribe(p, 'RouteTableId'),
    run: ({ world }, input) => {
      const all = applyFilters(describeRouteTables(world, input.ids), input.filters, routeTableFilters, (rt) => rt.tags);
      const { page: tables, nextToken } = page(all, input, { min: 5, max: 100 });
      return { routeTableSet: items(tables.map(renderRouteTable)), nextToken };
    },
    notFound: (input) =>
      input.ids.length
        ? ec2Error('InvalidRouteTableID.NotFound', `The routeTable ID '${input.ids[0]}' does not exist`)
        : { routeTableSet: '' },
  }),
};
