// Route tables ⇄ aws/describe-route-tables.json. Routes are kept as the file has them, stale or not:
// a route to a cross-link ENI that is no longer active is exactly what the engine must report.
import type { Route, RouteTable, RouteTableAssociation, World } from '../../world';
import { files } from '../layout';
import { routeTablesSchema, type RouteJson } from '../schemas/route-tables';
import type { SnapshotSource } from '../snapshot-source';

function readRoute(src: SnapshotSource, world: World, r: RouteJson, at: string): Route | undefined {
  const file = files.routeTables;
  // IPv6-only routes are not modelled.
  if (r.DestinationCidrBlock === undefined && r.DestinationPrefixListId === undefined) return undefined;
  if (r.DestinationPrefixListId !== undefined && src.has(files.prefixLists) && !world.ec2.prefixLists.has(r.DestinationPrefixListId)) {
    src.dangling(file, `${at}.DestinationPrefixListId`, r.DestinationPrefixListId, files.prefixLists);
  }
  // A blackhole route may point at something deleted; an active one may not.
  if (r.State === 'active' && r.NetworkInterfaceId !== undefined && !world.ec2.networkInterfaces.has(r.NetworkInterfaceId)) {
    src.dangling(file, `${at}.NetworkInterfaceId`, r.NetworkInterfaceId, files.networkInterfaces);
  }
  if (r.State === 'active' && r.InstanceId !== undefined && !world.ec2.instances.has(r.InstanceId)) {
    src.dangling(file, `${at}.InstanceId`, r.InstanceId, files.instances);
  }
  const route: Route = { state: r.State, origin: r.Origin };
  if (r.DestinationCidrBlock !== undefined) route.destinationCidrBlock = r.DestinationCidrBlock;
  else route.destinationPrefixListId = r.DestinationPrefixListId!;
  if (r.GatewayId !== undefined) route.gatewayId = r.GatewayId;
  if (r.NetworkInterfaceId !== undefined) route.networkInterfaceId = r.NetworkInterfaceId;
  if (r.InstanceId !== undefined) route.instanceId = r.InstanceId;
  if (r.TransitGatewayId !== undefined) route.transitGatewayId = r.TransitGatewayId;
  if (r.VpcPeeringConnectionId !== undefined) route.vpcPeeringConnectionId = r.VpcPeeringConnectionId;
  if (r.NatGatewayId !== undefined) route.natGatewayId = r.NatGatewayId;
  return route;
}

export function readRouteTables(src: SnapshotSource, world: World): void {
  const file = files.routeTables;
  const json = src.read(file, routeTablesSchema);
  json.RouteTables.forEach((t, i) => {
    const at = `RouteTables[${i}]`;
    if (world.ec2.routeTables.has(t.RouteTableId)) src.duplicate(file, `${at}.RouteTableId`, t.RouteTableId);
    if (!world.ec2.vpcs.has(t.VpcId)) src.dangling(file, `${at}.VpcId`, t.VpcId, files.vpcs);
    const routes = t.Routes.flatMap((r, k) => readRoute(src, world, r, `${at}.Routes[${k}]`) ?? []);
    const associations: RouteTableAssociation[] = [];
    t.Associations.forEach((a, k) => {
      // Gateway (edge) associations and disassociated entries do not decide a subnet's table.
      if (a.AssociationState !== undefined && a.AssociationState.State !== 'associated') return;
      if (a.SubnetId === undefined && !a.Main) return;
      if (a.SubnetId !== undefined && !world.ec2.subnets.has(a.SubnetId)) src.dangling(file, `${at}.Associations[${k}].SubnetId`, a.SubnetId, files.subnets);
      associations.push({
        routeTableAssociationId: a.RouteTableAssociationId,
        routeTableId: t.RouteTableId,
        ...(a.SubnetId !== undefined ? { subnetId: a.SubnetId } : {}),
        main: a.Main,
      });
    });
    const table: RouteTable = {
      routeTableId: t.RouteTableId,
      vpcId: t.VpcId,
      ownerId: t.OwnerId ?? world.accountId,
      routes,
      associations,
      tags: t.Tags.map((x) => ({ key: x.Key, value: x.Value })),
    };
    world.ec2.routeTables.set(table.routeTableId, table);
  });
}

export function renderRouteTables(world: World): unknown {
  return {
    RouteTables: [...world.ec2.routeTables.values()].map((t) => ({
      Associations: t.associations.map((a) => ({
        Main: a.main,
        RouteTableAssociationId: a.routeTableAssociationId,
        RouteTableId: a.routeTableId,
        SubnetId: a.subnetId,
        AssociationState: { State: 'associated' },
      })),
      PropagatingVgws: [],
      RouteTableId: t.routeTableId,
      Routes: t.routes.map((r) => ({
        DestinationCidrBlock: r.destinationCidrBlock,
        DestinationPrefixListId: r.destinationPrefixListId,
        GatewayId: r.gatewayId,
        InstanceId: r.instanceId,
        NatGatewayId: r.natGatewayId,
        TransitGatewayId: r.transitGatewayId,
        NetworkInterfaceId: r.networkInterfaceId,
        VpcPeeringConnectionId: r.vpcPeeringConnectionId,
        Origin: r.origin,
        State: r.state,
      })),
      Tags: t.tags.map((x) => ({ Key: x.key, Value: x.value })),
      VpcId: t.vpcId,
      OwnerId: t.ownerId,
    })),
  };
}
