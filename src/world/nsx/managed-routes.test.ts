// Unit tests for the routes VMC keeps in the managed route tables, and their realization delay.
import { fakeClock, newWorldWithSddc, routesTo } from '../test-support';
import { instantLatency, type World } from '../world';
import { advertisedCidrs, segmentIsRouted, syncManagedRoutes } from './managed-routes';
import { deleteSegment, patchSegment } from './segments';
import { getLinkedVpc, setActiveEni, setLinkedVpc } from './linked-vpc';
import { createRoute, createRouteTable, describeRouteTables, routeTableForSubnet } from '../ec2/route-tables';
import type { Segment } from './types';

const segment = (type: Segment['type'], connectivity: Segment['connectivity']): Segment => ({
  id: 's',
  path: '/infra/tier-1s/cgw/segments/s',
  displayName: 's',
  type,
  connectivity,
  subnets: [],
  revision: 0,
  tags: [],
});

describe('segmentIsRouted', () => {
  it('is true only for a routed type with connectivity ON', () => {
    expect(segmentIsRouted(segment('ROUTED', 'ON'))).toBe(true);
    expect(segmentIsRouted(segment('ROUTED_AND_EXTENDED', 'ON'))).toBe(true);
    expect(segmentIsRouted(segment('ROUTED', 'OFF'))).toBe(false);
    expect(segmentIsRouted(segment('EXTENDED', 'ON'))).toBe(false);
    expect(segmentIsRouted(segment('DISCONNECTED', 'OFF'))).toBe(false);
  });
});

describe('advertisedCidrs', () => {
  it('lists the management CIDR and the networks of routed segments', () => {
    const { world } = newWorldWithSddc();
    patchSegment(world, 'a', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
    patchSegment(world, 'b', { subnets: [{ gatewayAddress: '192.168.101.1/24' }], connectivity: 'OFF' });
    expect(advertisedCidrs(world)).toEqual(['10.2.0.0/16', '192.168.100.0/24']);
  });
});

describe('syncManagedRoutes', () => {
  it('adds routes to every managed table', () => {
    const { world, vpc, mainTable, activeEni } = newWorldWithSddc();
    const second = createRouteTable(world, { vpcId: vpc.vpcId });
    setLinkedVpc(world, { ...getLinkedVpc(world), routeTableIds: [mainTable.routeTableId, second.routeTableId] });
    patchSegment(world, 'a', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
    expect(routesTo(world, second, '192.168.100.0/24')).toMatchObject([{ networkInterfaceId: activeEni }]);
    expect(routesTo(world, second, '10.2.0.0/16')).toMatchObject([{ networkInterfaceId: activeEni }]);
  });

  it('leaves a route of the customer to the same CIDR alone and adds no second one', () => {
    const { world, mainTable } = newWorldWithSddc();
    createRoute(world, {
      routeTableId: mainTable.routeTableId,
      destinationCidrBlock: '192.168.100.0/24',
      gatewayId: 'vgw-0123456789abcdef0',
    });
    patchSegment(world, 'a', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([
      { destinationCidrBlock: '192.168.100.0/24', gatewayId: 'vgw-0123456789abcdef0', state: 'active', origin: 'CreateRoute' },
    ]);
  });

  it('does nothing, and does not bump the revision, when the tables are already in line', () => {
    const { world, mainTable } = newWorldWithSddc();
    const before = structuredClone(mainTable.routes);
    const revision = world.revision;
    syncManagedRoutes(world);
    expect(mainTable.routes).toEqual(before);
    expect(world.revision).toBe(revision);
  });
});

describe('realization delay (latency profile segmentRealizationMs)', () => {
  const delayed = () => {
    const clock = fakeClock();
    const base = newWorldWithSddc({ clock: clock.now, latency: { ...instantLatency, segmentRealizationMs: 10_000 } });
    return { ...base, clock };
  };
  const cidrsOfMain = (world: World, tableId: string): (string | undefined)[] =>
    describeRouteTables(world, [tableId])[0]!.routes.map((r) => r.destinationCidrBlock);

  it('a new routed segment shows in the main table only once the delay has passed', () => {
    const { world, clock, mainTable } = delayed();
    patchSegment(world, 'a', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
    clock.advance(9_999);
    expect(cidrsOfMain(world, mainTable.routeTableId)).not.toContain('192.168.100.0/24');
    clock.advance(1);
    expect(cidrsOfMain(world, mainTable.routeTableId)).toContain('192.168.100.0/24');
  });

  it('a deleted segment leaves the main table only once the delay has passed', () => {
    const { world, clock, mainTable } = delayed();
    patchSegment(world, 'a', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
    clock.advance(10_000);
    deleteSegment(world, 'a');
    expect(cidrsOfMain(world, mainTable.routeTableId)).toContain('192.168.100.0/24');
    clock.advance(10_000);
    expect(cidrsOfMain(world, mainTable.routeTableId)).not.toContain('192.168.100.0/24');
  });

  it('the route table a subnet uses (what the engine reads) settles due changes too', () => {
    const { world, clock, subnet, activeEni } = delayed();
    patchSegment(world, 'a', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
    clock.advance(10_000);
    expect(routeTableForSubnet(world, subnet.subnetId)!.routes).toContainEqual(
      expect.objectContaining({ destinationCidrBlock: '192.168.100.0/24', networkInterfaceId: activeEni }),
    );
  });

  it('a failover before the change is realized leaves the change queued, then routes it to the new ENI', () => {
    const { world, clock, mainTable, standbyEni } = delayed();
    patchSegment(world, 'a', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
    setActiveEni(world, standbyEni);
    expect(routesTo(world, mainTable, '10.2.0.0/16')).toMatchObject([{ networkInterfaceId: standbyEni }]);
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([]);
    clock.advance(10_000);
    expect(describeRouteTables(world, [mainTable.routeTableId])[0]!.routes).toContainEqual(
      expect.objectContaining({ destinationCidrBlock: '192.168.100.0/24', networkInterfaceId: standbyEni }),
    );
  });

  it('the instant profile queues nothing', () => {
    const { world } = newWorldWithSddc();
    patchSegment(world, 'a', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
    expect(world.nsx.pendingRoutes).toEqual([]);
  });
});
