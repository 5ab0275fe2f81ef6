// Unit tests for the routes VMC keeps in the managed route tables.
import { newWorldWithSddc, routesTo } from '../test-helpers';
import { advertisedCidrs, segmentIsRouted, syncManagedRoutes } from './managed-routes';
import { patchSegment } from './segments';
import { getLinkedVpc, setLinkedVpc } from './linked-vpc';
import { createRoute, createRouteTable } from '../ec2/route-tables';
import type { Segment } from './types';

const segment = (type: Segment['type'], connectivity: Segment['connectivity']): Segment => ({ id: 's', path: '/infra/tier-1s/cgw/segments/s', displayName: 's', type, connectivity, subnets: [], revision: 0, tags: [] });

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
    createRoute(world, { routeTableId: mainTable.routeTableId, destinationCidrBlock: '192.168.100.0/24', gatewayId: 'vgw-0123456789abcdef0' });
    patchSegment(world, 'a', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([{ destinationCidrBlock: '192.168.100.0/24', gatewayId: 'vgw-0123456789abcdef0', state: 'active', origin: 'CreateRoute' }]);
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
