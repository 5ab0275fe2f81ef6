// World → plan: nodes, links, addresses and routes (filters are in compile-filters.test.ts).
import { associateRouteTable, createRoute, createRouteTable, describeInstances, stopInstances } from '../world';
import { buildTopology } from '../network/test-support/topology';
import { compilePlan } from './compile-plan';
import { findNode, structureKey, type LabPlan } from './plan';

const ns = (plan: LabPlan, name: string) => {
  const found = findNode(plan, name);
  if (!found) throw new Error(`no namespace ${name}`);
  return found;
};

describe('compilePlan', () => {
  test('one node per instance and VM, a VPC router and an SDDC edge; each node linked to its router', () => {
    const t = buildTopology({ instances: { near: {}, far: { subnet: 'other' } } });
    const plan = compilePlan(t.world);
    expect(plan.namespaces.map((n) => n.role).sort()).toEqual(['instance', 'instance', 'sddc-edge', 'vm', 'vpc-router']);
    expect(plan.links).toEqual(
      expect.arrayContaining([
        { a: { namespace: 'vpc-router', ifname: 'xlink' }, b: { namespace: 'sddc-edge', ifname: 'xlink' } },
        { a: { namespace: 'vpc-router', ifname: 'i1' }, b: { namespace: t.instances.far!.instanceId, ifname: 'eth0' } },
        { a: { namespace: 'sddc-edge', ifname: 'vm0' }, b: { namespace: 'vm-a-uuid', ifname: 'eth0' } },
      ]),
    );
    expect(ns(plan, 'far').interfaces).toEqual([{ name: 'eth0', addresses: [`${t.instances.far!.privateIpAddress}/32`], up: true }]);
  });

  test("the edge holds the active cross-link ENI's address; the managed route to the segment leads there", () => {
    const t = buildTopology();
    const plan = compilePlan(t.world);
    const eniIp = t.world.ec2.networkInterfaces.get(t.activeEni)!.privateIpAddress;
    expect(ns(plan, 'sddc-edge').interfaces.find((i) => i.name === 'xlink')!.addresses).toEqual([`${eniIp}/32`]);
    expect(ns(plan, 'vpc-router').routes).toContainEqual(
      expect.objectContaining({ prefix: '192.168.10.0/24', type: 'unicast', via: eniIp, dev: 'xlink' }),
    );
  });

  test("the local route throws to the instances' table; a route to the inactive ENI is a blackhole", () => {
    const t = buildTopology({ instances: { far: { subnet: 'other' } } });
    const rt = createRouteTable(t.world, { vpcId: t.vpc.vpcId });
    createRoute(t.world, { routeTableId: rt.routeTableId, destinationCidrBlock: '192.168.10.0/24', networkInterfaceId: t.inactiveEni });
    associateRouteTable(t.world, { routeTableId: rt.routeTableId, subnetId: t.otherSubnet.subnetId });
    const router = ns(compilePlan(t.world), 'vpc-router');
    const table = router.rules.find((r) => r.iif === 'i0')!.table;
    expect(router.routes.filter((r) => r.table === table).map((r) => `${r.type} ${r.prefix}`)).toEqual([
      'throw 10.0.0.0/16',
      'blackhole 192.168.10.0/24',
      'blackhole 0.0.0.0/0',
    ]);
    expect(router.routes).toContainEqual(
      expect.objectContaining({ table: 99, prefix: `${t.instances.far!.privateIpAddress}/32`, dev: 'i0' }),
    );
  });

  test('no namespace gets a default route that leads anywhere', () => {
    const t = buildTopology();
    createRoute(t.world, {
      routeTableId: t.mainRouteTable.routeTableId,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: 'igw-0123456789abcdef0',
    });
    const defaults = compilePlan(t.world).namespaces.flatMap((n) => n.routes.filter((r) => r.prefix === '0.0.0.0/0'));
    expect(defaults.length).toBeGreaterThan(0);
    expect(defaults.every((r) => r.type === 'blackhole')).toBe(true);
  });

  test('a stopped instance keeps its node with the interface down and no routes', () => {
    const t = buildTopology();
    stopInstances(t.world, [t.instances['ec2-a']!.instanceId]);
    describeInstances(t.world);
    const node = ns(compilePlan(t.world), 'ec2-a');
    expect(node.interfaces[0]!.up).toBe(false);
    expect(node.routes).toEqual([]);
  });

  test('a disconnected segment: the edge has no route to its VMs', () => {
    const routed = ns(compilePlan(buildTopology().world), 'sddc-edge').routes.map((r) => r.prefix);
    const off = ns(compilePlan(buildTopology({ segmentConnectivity: 'OFF' }).world), 'sddc-edge').routes.map((r) => r.prefix);
    expect(routed).toContain('192.168.10.10/32');
    expect(off).not.toContain('192.168.10.10/32');
  });

  test('a rule change keeps the shape (apply needs no rebuild)', () => {
    const a = buildTopology();
    const b = buildTopology({ cgw: 'none' });
    expect(structureKey(compilePlan(a.world))).toBe(structureKey(compilePlan(b.world)));
  });

  test('nodes are found by instance id, Name tag, VM external id, display name or IP', () => {
    const t = buildTopology();
    const plan = compilePlan(t.world);
    const id = t.instances['ec2-a']!.instanceId;
    expect(
      [findNode(plan, id), findNode(plan, 'ec2-a'), findNode(plan, t.instances['ec2-a']!.privateIpAddress)].map((n) => n?.name),
    ).toEqual([id, id, id]);
    expect([findNode(plan, 'vm-a-uuid'), findNode(plan, 'vm-a'), findNode(plan, '192.168.10.10')].map((n) => n?.name)).toEqual([
      'vm-a-uuid',
      'vm-a-uuid',
      'vm-a-uuid',
    ]);
  });

  test("Windows nodes take their source ports from Windows' dynamic range; Linux nodes keep the kernel's", () => {
    const t = buildTopology({ instances: { near: {} } });
    t.vms['vm-a']!.osName = 'Microsoft Windows Server 2022 (64-bit)';
    const plan = compilePlan(t.world);
    expect(ns(plan, 'vm-a-uuid').localPorts).toEqual([49152, 65535]);
    expect(ns(plan, 'near').localPorts).toBeUndefined();
  });
});
