// Routing of the lab, compiled from the world's route tables. The VPC router keeps one table per subnet
// (the subnet's route table: explicit association, else the main table) and picks it by the interface a
// packet came in on, so each packet is routed by its source subnet's table, longest prefix first, as the
// VPC router does. In those tables the local route is a `throw` to the instances' table, a route to the
// active cross-link ENI leads over `xlink`, and every other target (an inactive cross-link ENI, an
// internet gateway, a blackholed route, no route at all) is a blackhole: AWS drops such packets silently.
// The SDDC edge routes the linked VPC's CIDRs over `xlink` and each VM whose segment is routed,
// connected and holds its address. Nodes route the other side's addresses via their gateway; no
// namespace has a default route to anything.
import type { World } from '../world';
import { formatCidr, isIpv4Cidr, parseCidr, routeTableForSubnet } from '../world';
import type { RoutePlan, RulePlan } from './plan';
import { crossLinkIfname, ipv4Subnets, nodeIfname, type InstanceNode, type LabTopology, type VmNode } from './lab-topology';

export const instancesTable = 99;
export const edgeTable = 10;
const firstSubnetTable = 100;

/** Adds routes to `out`, keeping the first route per (table, prefix), as the engine's lookup does. */
class RouteList {
  readonly routes: RoutePlan[] = [];
  private readonly seen = new Set<string>();
  add(r: RoutePlan): void {
    const prefix = formatCidr(parseCidr(r.prefix));
    const key = `${r.table} ${prefix}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.routes.push({ ...r, prefix });
  }
}

export interface RouterRouting {
  rules: RulePlan[];
  routes: RoutePlan[];
}

/** Table number of each subnet with a router interface. */
export function subnetTables(topo: LabTopology): Map<string, number> {
  return new Map([...topo.subnets.keys()].map((id, i) => [id, firstSubnetTable + i]));
}

export function vpcRouterRouting(world: World, topo: LabTopology): RouterRouting {
  const tables = subnetTables(topo);
  const list = new RouteList();
  const rules: RulePlan[] = [];
  const active = world.nsx.linkedVpc?.activeEni;
  const eniIp = topo.crossLink?.eni.privateIpAddress;
  for (const [subnetId, table] of tables) {
    const rt = routeTableForSubnet(world, subnetId);
    let hasDefault = false;
    for (const route of rt?.routes ?? []) {
      const prefixes =
        route.destinationCidrBlock !== undefined
          ? [route.destinationCidrBlock]
          : (world.ec2.prefixLists.get(route.destinationPrefixListId ?? '')?.entries ?? []).map((e) => e.cidr).filter(isIpv4Cidr);
      const target =
        route.gatewayId ??
        route.networkInterfaceId ??
        route.natGatewayId ??
        route.transitGatewayId ??
        route.vpcPeeringConnectionId ??
        route.instanceId ??
        '?';
      for (const prefix of prefixes) {
        if (parseCidr(prefix).prefix === 0) hasDefault = true;
        const comment = `${rt!.routeTableId} ${prefix} -> ${target}`;
        if (route.gatewayId === 'local') list.add({ table, prefix, type: 'throw', comment });
        else if (
          route.state === 'active' &&
          route.networkInterfaceId !== undefined &&
          route.networkInterfaceId === active &&
          eniIp !== undefined
        ) {
          list.add({ table, prefix, type: 'unicast', via: eniIp, dev: crossLinkIfname, comment });
        } else list.add({ table, prefix, type: 'blackhole', comment });
      }
    }
    if (!hasDefault)
      list.add({
        table,
        prefix: '0.0.0.0/0',
        type: 'blackhole',
        comment: rt ? `${rt.routeTableId}: no route` : `${subnetId} has no route table`,
      });
  }
  topo.instances.forEach((n, k) => {
    if (!n.ifname) return;
    list.add({ table: instancesTable, prefix: `${n.ip}/32`, type: 'unicast', dev: n.ifname, comment: n.instance.instanceId });
    rules.push({ pref: 1000 + k, iif: n.ifname, action: 'lookup', table: tables.get(n.subnetId)! });
  });
  if (topo.crossLink) rules.push({ pref: 900, iif: crossLinkIfname, action: 'lookup', table: tables.get(topo.crossLink.subnetId)! });
  rules.push({ pref: 2000, action: 'lookup', table: instancesTable }, { pref: 3000, action: 'blackhole' });
  return { rules, routes: list.routes };
}

export function sddcEdgeRouting(world: World, topo: LabTopology): RouterRouting {
  const list = new RouteList();
  if (topo.crossLink) {
    for (const cidr of world.nsx.linkedVpc?.linkedVpcAddresses ?? []) {
      list.add({
        table: edgeTable,
        prefix: cidr,
        type: 'unicast',
        via: topo.crossLink.routerIp,
        dev: crossLinkIfname,
        comment: `connected VPC via ${topo.crossLink.eni.networkInterfaceId}`,
      });
    }
  }
  for (const n of topo.vms) {
    if (n.routed)
      list.add({
        table: edgeTable,
        prefix: `${n.ip}/32`,
        type: 'unicast',
        dev: n.ifname,
        comment: `${n.vm.displayName} on ${n.segment!.displayName}`,
      });
  }
  return {
    rules: [
      { pref: 1000, action: 'lookup', table: edgeTable },
      { pref: 3000, action: 'blackhole' },
    ],
    routes: list.routes,
  };
}

function nodeRoutes(gateway: string, destinations: readonly string[]): RoutePlan[] {
  const list = new RouteList();
  list.add({ table: 'main', prefix: `${gateway}/32`, type: 'unicast', dev: nodeIfname });
  for (const d of destinations)
    list.add({ table: 'main', prefix: d.includes('/') ? d : `${d}/32`, type: 'unicast', via: gateway, dev: nodeIfname });
  return list.routes;
}

/** An instance routes the SDDC's segments and VMs via its subnet's router address. */
export function instanceRoutes(world: World, topo: LabTopology, n: InstanceNode): RoutePlan[] {
  if (!n.ifname || !n.up) return [];
  const dests = [...[...world.nsx.segments.values()].flatMap((s) => ipv4Subnets(s).map((x) => x.network)), ...topo.vms.map((v) => v.ip)];
  return nodeRoutes(n.gateway, dests);
}

/** A VM routes the VPCs' CIDRs and the instances via its segment gateway. */
export function vmRoutes(world: World, topo: LabTopology, n: VmNode): RoutePlan[] {
  if (!n.gateway || !n.up) return [];
  const dests = [
    ...[...world.ec2.vpcs.values()].flatMap((v) => [v.cidrBlock, ...v.secondaryCidrBlocks]).filter((c) => !c.includes(':')),
    ...topo.instances.map((i) => i.ip),
  ];
  return nodeRoutes(n.gateway, dests);
}
