// Unit tests for route table operations: routes, associations and the table a subnet uses.
import { looksLikeId } from '../ids';
import { expectWorldError, newWorldWithVpc } from '../test-support';
import {
  associateRouteTable,
  createRoute,
  createRouteTable,
  deleteRoute,
  deleteRouteTable,
  describeRouteTables,
  disassociateRouteTable,
  replaceRoute,
  routeDestination,
  routeTableForSubnet,
  routeTarget,
} from './route-tables';
import { createNetworkInterface } from './network-interfaces';
import { createManagedPrefixList } from './prefix-lists';
import { createVpc } from './vpcs';
import { createSubnet } from './subnets';
import { runInstances } from './instances';

const withCustomTable = () => {
  const base = newWorldWithVpc();
  const table = createRouteTable(base.world, { vpcId: base.vpc.vpcId });
  const eni = createNetworkInterface(base.world, { subnetId: base.subnet.subnetId });
  return { ...base, table, eni };
};

describe('createRouteTable', () => {
  it('returns a table with a real-looking id, the local route and no association', () => {
    const { world, vpc, table } = withCustomTable();
    expect(looksLikeId('rtb', table.routeTableId)).toBe(true);
    expect(table).toMatchObject({ vpcId: vpc.vpcId, ownerId: world.accountId, associations: [] });
    expect(table.routes).toEqual([
      { destinationCidrBlock: '10.0.0.0/16', gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' },
    ]);
  });
});

describe('createRoute', () => {
  it('adds a route to an ENI', () => {
    const { world, table, eni } = withCustomTable();
    const route = createRoute(world, {
      routeTableId: table.routeTableId,
      destinationCidrBlock: '192.168.100.0/24',
      networkInterfaceId: eni.networkInterfaceId,
    });
    expect(route).toEqual({
      destinationCidrBlock: '192.168.100.0/24',
      networkInterfaceId: eni.networkInterfaceId,
      state: 'active',
      origin: 'CreateRoute',
    });
    expect(describeRouteTables(world, [table.routeTableId])[0]!.routes).toContainEqual(route);
    expect(routeTarget(route)).toBe(eni.networkInterfaceId);
    expect(routeDestination(route)).toBe('192.168.100.0/24');
  });

  it('stores the destination as its network', () => {
    const { world, table } = withCustomTable();
    expect(
      createRoute(world, { routeTableId: table.routeTableId, destinationCidrBlock: '192.168.100.7/24', gatewayId: 'igw-0123456789abcdef0' })
        .destinationCidrBlock,
    ).toBe('192.168.100.0/24');
  });

  it("adds a route to an instance, targeting the instance's primary ENI too", () => {
    const { world, subnet, table } = withCustomTable();
    const inst = runInstances(world, { imageId: 'ami-0123456789abcdef0', subnetId: subnet.subnetId });
    expect(
      createRoute(world, { routeTableId: table.routeTableId, destinationCidrBlock: '0.0.0.0/0', instanceId: inst.instanceId }),
    ).toMatchObject({ instanceId: inst.instanceId, networkInterfaceId: inst.networkInterfaceId });
  });

  it('adds a route to a prefix list destination', () => {
    const { world, table, eni } = withCustomTable();
    const pl = createManagedPrefixList(world, { prefixListName: 'sddc', entries: [{ cidr: '192.168.100.0/24' }] });
    const route = createRoute(world, {
      routeTableId: table.routeTableId,
      destinationPrefixListId: pl.prefixListId,
      networkInterfaceId: eni.networkInterfaceId,
    });
    expect(routeDestination(route)).toBe(pl.prefixListId);
  });

  it('rejects a second route to the same destination with RouteAlreadyExists', () => {
    const { world, table, eni } = withCustomTable();
    createRoute(world, {
      routeTableId: table.routeTableId,
      destinationCidrBlock: '192.168.100.0/24',
      networkInterfaceId: eni.networkInterfaceId,
    });
    expectWorldError(
      world,
      () =>
        createRoute(world, {
          routeTableId: table.routeTableId,
          destinationCidrBlock: '192.168.100.0/24',
          gatewayId: 'igw-0123456789abcdef0',
        }),
      {
        code: 'RouteAlreadyExists',
        message: 'The route identified by 192.168.100.0/24 already exists.',
      },
    );
  });

  it('rejects the VPC CIDR (the local route) with RouteAlreadyExists', () => {
    const { world, table, eni } = withCustomTable();
    expectWorldError(
      world,
      () =>
        createRoute(world, {
          routeTableId: table.routeTableId,
          destinationCidrBlock: '10.0.0.0/16',
          networkInterfaceId: eni.networkInterfaceId,
        }),
      {
        code: 'RouteAlreadyExists',
        message: '10.0.0.0/16',
      },
    );
  });

  it('requires exactly one target', () => {
    const { world, table, eni } = withCustomTable();
    expectWorldError(world, () => createRoute(world, { routeTableId: table.routeTableId, destinationCidrBlock: '192.168.0.0/16' }), {
      code: 'InvalidParameterCombination',
      message: 'Exactly one route target',
    });
    expectWorldError(
      world,
      () =>
        createRoute(world, {
          routeTableId: table.routeTableId,
          destinationCidrBlock: '192.168.0.0/16',
          gatewayId: 'igw-0123456789abcdef0',
          networkInterfaceId: eni.networkInterfaceId,
        }),
      {
        code: 'InvalidParameterCombination',
        message: 'Exactly one route target',
      },
    );
  });

  it('requires a destination', () => {
    const { world, table } = withCustomTable();
    expectWorldError(world, () => createRoute(world, { routeTableId: table.routeTableId, gatewayId: 'igw-0123456789abcdef0' }), {
      code: 'MissingParameter',
      message: 'DestinationCidrBlock or DestinationPrefixListId',
    });
  });

  it('rejects a malformed destination with InvalidParameterValue', () => {
    const { world, table } = withCustomTable();
    expectWorldError(
      world,
      () =>
        createRoute(world, {
          routeTableId: table.routeTableId,
          destinationCidrBlock: '192.168.0.0/33',
          gatewayId: 'igw-0123456789abcdef0',
        }),
      {
        code: 'InvalidParameterValue',
        message: 'Value (192.168.0.0/33) for parameter destinationCidrBlock is invalid.',
      },
    );
  });

  it('rejects an unknown ENI with InvalidNetworkInterfaceID.NotFound', () => {
    const { world, table } = withCustomTable();
    expectWorldError(
      world,
      () =>
        createRoute(world, {
          routeTableId: table.routeTableId,
          destinationCidrBlock: '192.168.0.0/16',
          networkInterfaceId: 'eni-00000000000000000',
        }),
      {
        code: 'InvalidNetworkInterfaceID.NotFound',
        message: "'eni-00000000000000000' does not exist",
      },
    );
  });

  it('rejects an unknown table with InvalidRouteTableID.NotFound', () => {
    const { world, eni } = withCustomTable();
    expectWorldError(
      world,
      () =>
        createRoute(world, {
          routeTableId: 'rtb-00000000000000000',
          destinationCidrBlock: '192.168.0.0/16',
          networkInterfaceId: eni.networkInterfaceId,
        }),
      {
        code: 'InvalidRouteTableID.NotFound',
        message: "The routeTable ID 'rtb-00000000000000000' does not exist",
      },
    );
  });
});

describe('replaceRoute', () => {
  it('points an existing destination at a new target', () => {
    const { world, subnet, table, eni } = withCustomTable();
    createRoute(world, { routeTableId: table.routeTableId, destinationCidrBlock: '192.168.100.0/24', gatewayId: 'igw-0123456789abcdef0' });
    const other = createNetworkInterface(world, { subnetId: subnet.subnetId });
    replaceRoute(world, {
      routeTableId: table.routeTableId,
      destinationCidrBlock: '192.168.100.0/24',
      networkInterfaceId: other.networkInterfaceId,
    });
    const routes = table.routes.filter((r) => r.destinationCidrBlock === '192.168.100.0/24');
    expect(routes).toEqual([
      { destinationCidrBlock: '192.168.100.0/24', networkInterfaceId: other.networkInterfaceId, state: 'active', origin: 'CreateRoute' },
    ]);
    expect(eni.networkInterfaceId).not.toBe(other.networkInterfaceId);
  });

  it('fails with InvalidRoute.NotFound when there is no such route', () => {
    const { world, table, eni } = withCustomTable();
    expectWorldError(
      world,
      () =>
        replaceRoute(world, {
          routeTableId: table.routeTableId,
          destinationCidrBlock: '192.168.100.0/24',
          networkInterfaceId: eni.networkInterfaceId,
        }),
      {
        code: 'InvalidRoute.NotFound',
        message: "There is no route defined for '192.168.100.0/24' in the route table.",
      },
    );
  });

  it('refuses to replace the local route', () => {
    const { world, table, eni } = withCustomTable();
    expectWorldError(
      world,
      () =>
        replaceRoute(world, {
          routeTableId: table.routeTableId,
          destinationCidrBlock: '10.0.0.0/16',
          networkInterfaceId: eni.networkInterfaceId,
        }),
      {
        code: 'InvalidParameterValue',
        message: 'The local route cannot be replaced.',
      },
    );
  });
});

describe('deleteRoute', () => {
  it('removes a route', () => {
    const { world, table, eni } = withCustomTable();
    createRoute(world, {
      routeTableId: table.routeTableId,
      destinationCidrBlock: '192.168.100.0/24',
      networkInterfaceId: eni.networkInterfaceId,
    });
    deleteRoute(world, { routeTableId: table.routeTableId, destinationCidrBlock: '192.168.100.0/24' });
    expect(table.routes.map((r) => r.destinationCidrBlock)).toEqual(['10.0.0.0/16']);
  });

  it('removes a prefix list route', () => {
    const { world, table, eni } = withCustomTable();
    const pl = createManagedPrefixList(world, { prefixListName: 'sddc', entries: [{ cidr: '192.168.100.0/24' }] });
    createRoute(world, {
      routeTableId: table.routeTableId,
      destinationPrefixListId: pl.prefixListId,
      networkInterfaceId: eni.networkInterfaceId,
    });
    deleteRoute(world, { routeTableId: table.routeTableId, destinationPrefixListId: pl.prefixListId });
    expect(table.routes).toHaveLength(1);
  });

  it('refuses to delete the local route', () => {
    const { world, table } = withCustomTable();
    expectWorldError(world, () => deleteRoute(world, { routeTableId: table.routeTableId, destinationCidrBlock: '10.0.0.0/16' }), {
      code: 'InvalidParameterValue',
      message: 'cannot remove local route in route table',
    });
  });

  it('fails with InvalidRoute.NotFound for a destination without a route', () => {
    const { world, table } = withCustomTable();
    expectWorldError(world, () => deleteRoute(world, { routeTableId: table.routeTableId, destinationCidrBlock: '192.168.100.0/24' }), {
      code: 'InvalidRoute.NotFound',
      message: "There is no route defined for '192.168.100.0/24' in the route table.",
    });
  });

  it('rejects a malformed destination with InvalidParameterValue', () => {
    const { world, table } = withCustomTable();
    expectWorldError(world, () => deleteRoute(world, { routeTableId: table.routeTableId, destinationCidrBlock: 'not-a-cidr' }), {
      code: 'InvalidParameterValue',
      message: 'not-a-cidr',
    });
  });

  it('requires a destination', () => {
    const { world, table } = withCustomTable();
    expectWorldError(world, () => deleteRoute(world, { routeTableId: table.routeTableId }), {
      code: 'MissingParameter',
      message: 'DestinationCidrBlock or DestinationPrefixListId',
    });
  });
});

describe('route table associations', () => {
  it('makes an associated custom table the one the subnet uses', () => {
    const { world, subnet, table } = withCustomTable();
    const assoc = associateRouteTable(world, { routeTableId: table.routeTableId, subnetId: subnet.subnetId });
    expect(assoc).toMatch(/^rtbassoc-[0-9a-f]{17}$/);
    expect(routeTableForSubnet(world, subnet.subnetId)).toBe(table);
    expect(table.associations).toEqual([
      { routeTableAssociationId: assoc, routeTableId: table.routeTableId, subnetId: subnet.subnetId, main: false },
    ]);
  });

  it('falls back to the main table after disassociation', () => {
    const { world, subnet, table, mainTable } = withCustomTable();
    const assoc = associateRouteTable(world, { routeTableId: table.routeTableId, subnetId: subnet.subnetId });
    disassociateRouteTable(world, assoc);
    expect(routeTableForSubnet(world, subnet.subnetId)).toBe(mainTable);
    expect(table.associations).toEqual([]);
  });

  it('refuses a second explicit association of a subnet with Resource.AlreadyAssociated', () => {
    const { world, vpc, subnet, table } = withCustomTable();
    associateRouteTable(world, { routeTableId: table.routeTableId, subnetId: subnet.subnetId });
    const second = createRouteTable(world, { vpcId: vpc.vpcId });
    expectWorldError(world, () => associateRouteTable(world, { routeTableId: second.routeTableId, subnetId: subnet.subnetId }), {
      code: 'Resource.AlreadyAssociated',
      message: `the specified association for route table ${table.routeTableId} conflicts with an existing association`,
    });
  });

  it('refuses a table and a subnet of different VPCs', () => {
    const { world, subnet } = withCustomTable();
    const other = createRouteTable(world, { vpcId: createVpc(world, { cidrBlock: '172.31.0.0/16' }).vpcId });
    expectWorldError(world, () => associateRouteTable(world, { routeTableId: other.routeTableId, subnetId: subnet.subnetId }), {
      code: 'InvalidParameterValue',
      message: 'belong to different networks',
    });
  });

  it('refuses to disassociate the main association', () => {
    const { world, mainTable } = withCustomTable();
    expectWorldError(world, () => disassociateRouteTable(world, mainTable.associations[0]!.routeTableAssociationId), {
      code: 'InvalidParameterValue',
      message: 'cannot disassociate the main route table association',
    });
  });

  it('fails with InvalidAssociationID.NotFound for an unknown association', () => {
    const { world } = withCustomTable();
    expectWorldError(world, () => disassociateRouteTable(world, 'rtbassoc-00000000000000000'), {
      code: 'InvalidAssociationID.NotFound',
      message: "The association ID 'rtbassoc-00000000000000000' does not exist",
    });
  });

  it('keeps other subnets on the main table', () => {
    const { world, vpc, subnet, table, mainTable } = withCustomTable();
    const other = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0/24' });
    associateRouteTable(world, { routeTableId: table.routeTableId, subnetId: subnet.subnetId });
    expect(routeTableForSubnet(world, other.subnetId)).toBe(mainTable);
  });
});

describe('deleteRouteTable', () => {
  it('deletes an unassociated table', () => {
    const { world, table } = withCustomTable();
    deleteRouteTable(world, table.routeTableId);
    expect(describeRouteTables(world).map((t) => t.routeTableId)).not.toContain(table.routeTableId);
  });

  it('refuses an associated table and the main table with DependencyViolation', () => {
    const { world, subnet, table, mainTable } = withCustomTable();
    associateRouteTable(world, { routeTableId: table.routeTableId, subnetId: subnet.subnetId });
    expectWorldError(world, () => deleteRouteTable(world, table.routeTableId), {
      code: 'DependencyViolation',
      message: `The routeTable '${table.routeTableId}' has dependencies and cannot be deleted.`,
    });
    expectWorldError(world, () => deleteRouteTable(world, mainTable.routeTableId), {
      code: 'DependencyViolation',
      message: 'has dependencies',
    });
  });
});
