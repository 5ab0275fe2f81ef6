// Semantic table, routing (design §2 step 3 and the reply's route): longest prefix match, the managed
// main table that follows the active cross-link ENI, custom tables that VMC does not manage (no SDDC
// route; copied routes left on a stale ENI after failover), the VPC local route, the SDDC's own route.
import {
  associateRouteTable,
  createManagedPrefixList,
  createRoute,
  createRouteTable,
  createSubnet,
  createVpc,
  runInstances,
  describeInstances,
  setActiveEni,
} from '../world';
import { evaluate } from './evaluate';
import { blocked, buildTopology, hopsOf, runCase, type SemanticCase, type Topology, type TopologyOptions } from './test-support/topology';

/** Instance `far` in the other subnet, which the tests give a custom route table. */
const far: TopologyOptions = { instances: { 'ec2-a': {}, far: { subnet: 'other' } } };
const igw = 'igw-0123456789abcdef0';

/** A custom table for the other subnet, holding the local route and optionally a copy of the SDDC route. */
function customTable(t: Topology, withSddcRoute: boolean): string {
  const rt = createRouteTable(t.world, { vpcId: t.vpc.vpcId });
  if (withSddcRoute)
    createRoute(t.world, { routeTableId: rt.routeTableId, destinationCidrBlock: '192.168.10.0/24', networkInterfaceId: t.activeEni });
  associateRouteTable(t.world, { routeTableId: rt.routeTableId, subnetId: t.otherSubnet.subnetId });
  return rt.routeTableId;
}
const tableOf = (t: Topology): string =>
  [...t.world.ec2.routeTables.values()].find((rt) => rt.associations.some((a) => a.subnetId === t.otherSubnet.subnetId))!.routeTableId;
const main = (t: Topology): string => t.mainRouteTable.routeTableId;

const cases: SemanticCase[] = [
  {
    name: 'the managed main table routes the segment to the active cross-link ENI (EC2 → VM)',
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'route', id: '192.168.10.0/24' },
  },
  {
    name: "VM → EC2: the reply is routed by the instance subnet's table to the active cross-link ENI",
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'route', path: 'return', id: '192.168.10.0/24' },
  },
  {
    name: 'VM → EC2: the request reaches the instance through the VPC local route',
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'route', id: '10.0.0.0/16' },
  },
  {
    name: 'longest prefix: a more specific route to an internet gateway wins over the managed route (EC2 → VM)',
    setup: (t) => void createRoute(t.world, { routeTableId: main(t), destinationCidrBlock: '192.168.10.0/25', gatewayId: igw }),
    flow: (t) => t.toVm('ec2-a'),
    expected: (t) => blocked('NO_ROUTE', 'forward', main(t)),
    matched: { kind: 'route', id: '192.168.10.0/25' },
  },
  {
    name: 'longest prefix: a more specific route elsewhere sends the reply of VM → EC2 away (return path)',
    setup: (t) => void createRoute(t.world, { routeTableId: main(t), destinationCidrBlock: '192.168.10.0/25', gatewayId: igw }),
    flow: (t) => t.fromVm('ec2-a'),
    expected: (t) => blocked('NO_ROUTE', 'return', main(t)),
  },
  {
    name: 'longest prefix: a more specific route to the active ENI works',
    setup: (t) =>
      void createRoute(t.world, { routeTableId: main(t), destinationCidrBlock: '192.168.10.10/32', networkInterfaceId: t.activeEni }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'route', id: '192.168.10.10/32' },
  },
  {
    name: 'longest prefix: a less specific route elsewhere does not override the managed route',
    setup: (t) => void createRoute(t.world, { routeTableId: main(t), destinationCidrBlock: '192.168.0.0/16', gatewayId: igw }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
    matched: { kind: 'route', id: '192.168.10.0/24' },
  },
  {
    name: "a route to an instance's ENI (not a cross-link ENI) does not lead to the SDDC",
    topology: far,
    setup: (t) => {
      const rt = customTable(t, false);
      createRoute(t.world, {
        routeTableId: rt,
        destinationCidrBlock: '192.168.10.0/24',
        networkInterfaceId: t.instances['ec2-a']!.networkInterfaceId,
      });
    },
    flow: (t) => t.toVm('far'),
    expected: (t) => blocked('NO_ROUTE', 'forward', tableOf(t)),
  },

  // Custom route tables: VMC manages only the main table.
  {
    name: 'custom table without the SDDC route: EC2 → VM has no route',
    topology: far,
    setup: (t) => void customTable(t, false),
    flow: (t) => t.toVm('far'),
    expected: (t) => blocked('NO_ROUTE', 'forward', tableOf(t)),
  },
  {
    name: 'custom table without the SDDC route: VM → EC2 reaches the instance but the reply has no route',
    topology: far,
    setup: (t) => void customTable(t, false),
    flow: (t) => t.fromVm('far'),
    expected: (t) => blocked('NO_ROUTE', 'return', tableOf(t)),
  },
  {
    name: 'custom table with a copied SDDC route to the active ENI: EC2 → VM is reachable',
    topology: far,
    setup: (t) => void customTable(t, true),
    flow: (t) => t.toVm('far'),
    expected: 'reachable',
    matched: { kind: 'route', id: '192.168.10.0/24' },
  },
  {
    name: 'custom table with a copied route, after failover: EC2 → VM is routed to the now-inactive ENI',
    topology: far,
    setup: (t) => {
      customTable(t, true);
      setActiveEni(t.world, t.inactiveEni);
    },
    flow: (t) => t.toVm('far'),
    expected: (t) => blocked('ROUTE_TO_INACTIVE_ENI', 'forward', tableOf(t)),
  },
  {
    name: 'custom table with a copied route, after failover: the reply of VM → EC2 is routed to the now-inactive ENI',
    topology: far,
    setup: (t) => {
      customTable(t, true);
      setActiveEni(t.world, t.inactiveEni);
    },
    flow: (t) => t.fromVm('far'),
    expected: (t) => blocked('ROUTE_TO_INACTIVE_ENI', 'return', tableOf(t)),
  },
  {
    name: 'the main table follows the failover: EC2 → VM is reachable through the new active ENI',
    setup: (t) => setActiveEni(t.world, t.inactiveEni),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'the main table follows the failover: VM → EC2 is reachable, the reply through the new active ENI',
    setup: (t) => setActiveEni(t.world, t.inactiveEni),
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'custom table with a route to a prefix list holding the segment, via the active ENI: reachable',
    topology: far,
    setup: (t) => {
      const rt = customTable(t, false);
      const pl = createManagedPrefixList(t.world, { prefixListName: 'sddc', entries: [{ cidr: '192.168.0.0/16' }] });
      createRoute(t.world, { routeTableId: rt, destinationPrefixListId: pl.prefixListId, networkInterfaceId: t.activeEni });
    },
    flow: (t) => t.toVm('far'),
    expected: 'reachable',
    matched: { kind: 'route', id: '192.168.0.0/16' },
  },
  {
    name: 'VM → EC2: a more specific route than local for the instance subnet (to a gateway) leaves no route to the instance',
    topology: far,
    setup: (t) => void createRoute(t.world, { routeTableId: main(t), destinationCidrBlock: '10.0.2.0/24', gatewayId: igw }),
    flow: (t) => t.fromVm('far'),
    expected: (t) => blocked('NO_ROUTE', 'forward', main(t)),
    matched: { kind: 'route', id: '10.0.2.0/24' },
  },
];

describe('route semantics', () => {
  test.each(cases)('$name', (c) => {
    const r = runCase(c);
    expect(r.outcome).toEqual(r.expected);
    if (r.matched) expect(r.matched.actual).toBe(r.matched.expected);
  });

  test('after failover the cross-link hops name the new active ENI', () => {
    const t = buildTopology();
    setActiveEni(t.world, t.inactiveEni);
    const v = evaluate(t.world, t.toVm('ec2-a'));
    expect(hopsOf(v, 'route')[0]?.detail).toContain(t.inactiveEni);
    expect(hopsOf(v, 'eni-sg-ingress')[0]?.via?.id).toBe(t.inactiveEni);
  });

  test('VM → EC2: an instance in a VPC other than the connected VPC is not reachable over the cross-link (the SDDC has no route)', () => {
    const t = buildTopology();
    const elsewhere = createVpc(t.world, { cidrBlock: '10.1.0.0/16' });
    const subnet = createSubnet(t.world, { vpcId: elsewhere.vpcId, cidrBlock: '10.1.1.0/24' });
    const inst = runInstances(t.world, { imageId: 'ami-0abcdef1234567890', subnetId: subnet.subnetId });
    describeInstances(t.world);
    const v = evaluate(t.world, {
      source: { kind: 'vm', externalId: 'vm-a-uuid' },
      destination: { kind: 'instance', instanceId: inst.instanceId },
    });
    expect(v.blockedBy).toMatchObject({ code: 'NO_ROUTE', direction: 'forward', resource: { type: 'linked-vpc', id: t.vpc.vpcId } });
    expect(v.hops[v.blockedBy!.hopIndex]!.kind).toBe('sddc-route');
  });
});
