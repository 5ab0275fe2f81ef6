// Unit tests for the linked VPC: edge failover (setActiveEni) and the lookups of the link.
import { World } from '../world';
import { expectWorldError, newWorldWithSddc, routesTo } from '../test-support';
import { getLinkedVpc, setActiveEni, setLinkedVpc } from './linked-vpc';
import { patchSegment } from './segments';
import { associateRouteTable, createRoute, createRouteTable } from '../ec2/route-tables';
import { createNetworkInterface } from '../ec2/network-interfaces';

const withSegment = () => {
  const base = newWorldWithSddc();
  patchSegment(base.world, 'cj-seg', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] });
  return base;
};

describe('setActiveEni (edge failover)', () => {
  it('makes the other cross-link ENI active', () => {
    const { world, standbyEni } = withSegment();
    setActiveEni(world, standbyEni);
    expect(getLinkedVpc(world).activeEni).toBe(standbyEni);
  });

  it('repoints the segment and management routes of the managed table to the new ENI', () => {
    const { world, mainTable, standbyEni } = withSegment();
    setActiveEni(world, standbyEni);
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toMatchObject([{ networkInterfaceId: standbyEni, state: 'active' }]);
    expect(routesTo(world, mainTable, '10.2.0.0/16')).toMatchObject([{ networkInterfaceId: standbyEni, state: 'active' }]);
  });

  it("leaves a custom table's copied route pointing at the old ENI", () => {
    const { world, vpc, subnet, activeEni, standbyEni } = withSegment();
    const custom = createRouteTable(world, { vpcId: vpc.vpcId });
    createRoute(world, { routeTableId: custom.routeTableId, destinationCidrBlock: '192.168.100.0/24', networkInterfaceId: activeEni });
    associateRouteTable(world, { routeTableId: custom.routeTableId, subnetId: subnet.subnetId });
    setActiveEni(world, standbyEni);
    expect(routesTo(world, custom, '192.168.100.0/24')).toEqual([
      { destinationCidrBlock: '192.168.100.0/24', networkInterfaceId: activeEni, state: 'active', origin: 'CreateRoute' },
    ]);
  });

  it('failing back restores the original target', () => {
    const { world, mainTable, activeEni, standbyEni } = withSegment();
    setActiveEni(world, standbyEni);
    setActiveEni(world, activeEni);
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toMatchObject([{ networkInterfaceId: activeEni }]);
  });

  it('refuses an ENI that is not a cross-link ENI (500012, 400)', () => {
    const { world, subnet } = withSegment();
    const stranger = createNetworkInterface(world, { subnetId: subnet.subnetId });
    expectWorldError(world, () => setActiveEni(world, stranger.networkInterfaceId), {
      code: '500012',
      message: `ENI ${stranger.networkInterfaceId} is not a cross-link ENI of the linked VPC.`,
    });
  });
});

describe('getLinkedVpc / setLinkedVpc', () => {
  it('answers 404 when no VPC is linked', () => {
    const world = new World();
    expectWorldError(world, () => getLinkedVpc(world), {
      code: '500090',
      message: 'No linked VPC is configured for this SDDC.',
      httpStatus: 404,
    });
  });

  it('refuses to link an unknown VPC', () => {
    const world = new World();
    expectWorldError(
      world,
      () =>
        setLinkedVpc(world, {
          linkedVpcId: 'vpc-00000000000000000',
          linkedAccount: world.accountId,
          linkedVpcAddresses: [],
          subnets: [],
          activeEni: 'eni-1',
          crossLinkEniIds: ['eni-1'],
          routeTableIds: [],
        }),
      {
        code: 'InvalidVpcID.NotFound',
        message: "The vpc ID 'vpc-00000000000000000' does not exist",
      },
    );
  });

  it('keeps its own copy of the lists it is given', () => {
    const { world } = newWorldWithSddc();
    const linked = getLinkedVpc(world);
    const ids = [...linked.crossLinkEniIds];
    setLinkedVpc(world, { ...linked, crossLinkEniIds: ids });
    ids.push('eni-00000000000000000');
    expect(getLinkedVpc(world).crossLinkEniIds).toHaveLength(2);
  });
});
