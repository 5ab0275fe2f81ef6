// Route tables ⇄ aws/describe-route-tables.json (route shape: src/shapes/ec2). Routes are kept as the file
// has them, stale or not: a route to a cross-link ENI that is no longer active is exactly what the engine
// must report. IPv6 routes are kept too (an IPv4 lookup skips them). References the export lacks (a
// deleted ENI, a prefix list) load with a warning.
import type { Route, RouteTable, RouteTableAssociation, World } from '../../world';
import { files, howToProduce, prefixListEntriesFile } from '../layout';
import { routeTablesSchema, type RouteJson } from '../schemas/route-tables';
import type { SnapshotSource } from '../snapshot-source';
import { routeJson } from '../../shapes/ec2';

function readRoute(src: SnapshotSource, world: World, r: RouteJson, at: string): Route | undefined {
  const file = files.routeTables;
  // A route with none of the destinations the model knows (a carrier or core-network route) decides nothing here.
  if (r.destinationCidrBlock === undefined && r.destinationIpv6CidrBlock === undefined && r.destinationPrefixListId === undefined)
    return undefined;
  const pl = r.destinationPrefixListId;
  if (pl !== undefined && !world.ec2.prefixLists.has(pl)) {
    src.missing(
      file,
      `${at}.DestinationPrefixListId`,
      pl,
      files.prefixLists,
      `flows whose route may come from ${pl} are indeterminate (PREFIX_LIST_ENTRIES_MISSING) until its entries are exported (${howToProduce(prefixListEntriesFile(pl))})`,
    );
  }
  // A blackhole route may point at something deleted; an active one to a target the export lacks is kept (it leads nowhere the engine knows).
  if (
    r.state === 'active' &&
    r.networkInterfaceId !== undefined &&
    !world.ec2.networkInterfaces.has(r.networkInterfaceId) &&
    !isCrossLinkEni(src, r.networkInterfaceId)
  ) {
    src.missing(
      file,
      `${at}.NetworkInterfaceId`,
      r.networkInterfaceId,
      files.networkInterfaces,
      'the route is kept; traffic it carries goes to an ENI the snapshot does not know',
    );
  }
  if (r.state === 'active' && r.instanceId !== undefined && !world.ec2.instances.has(r.instanceId)) {
    src.missing(
      file,
      `${at}.InstanceId`,
      r.instanceId,
      files.instances,
      'the route is kept; traffic it carries goes to an instance the snapshot does not know',
    );
  }
  return r;
}

/** The linked VPC names the cross-link ENIs; a route to one of them is VMC's, even when the ENI list is filtered. */
function isCrossLinkEni(src: SnapshotSource, eniId: string): boolean {
  const text = src.files.get(files.linkedVpcs);
  return text !== undefined && text.includes(`"${eniId}"`);
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
      if (a.SubnetId !== undefined && !world.ec2.subnets.has(a.SubnetId)) {
        src.missing(
          file,
          `${at}.Associations[${k}].SubnetId`,
          a.SubnetId,
          files.subnets,
          `the association of ${t.RouteTableId} is kept but decides nothing (a deleted subnet carries no flow)`,
        );
      }
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
      Routes: t.routes.map(routeJson),
      Tags: t.tags.map((x) => ({ Key: x.key, Value: x.value })),
      VpcId: t.vpcId,
      OwnerId: t.ownerId,
    })),
  };
}
