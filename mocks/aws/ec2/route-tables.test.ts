// DescribeRouteTables through the SDK: the main table VMC manages, association filters, NotFound.
import {
  AssociateRouteTableCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DescribeRouteTablesCommand,
  DisassociateRouteTableCommand,
  ReplaceRouteCommand,
} from '@aws-sdk/client-ec2';
import { articleCaseA } from '../../../src/world/test-support';
import { mockAws, rejection } from '../../test-support/aws';

const mock = mockAws();

test('the main table of the connected VPC routes the SDDC segment to the active cross-link ENI', async () => {
  const world = articleCaseA();
  const { ec2 } = mock.use(world);
  const out = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.main', Values: ['true'] }] }));
  const table = out.RouteTables![0]!;
  expect(table.Associations).toEqual([expect.objectContaining({ Main: true, AssociationState: { State: 'associated' } })]);
  expect(table.Routes).toContainEqual({
    DestinationCidrBlock: '172.31.0.0/16',
    GatewayId: 'local',
    State: 'active',
    Origin: 'CreateRouteTable',
  });
  expect(table.Routes).toContainEqual(
    expect.objectContaining({
      DestinationCidrBlock: '192.168.100.0/24',
      NetworkInterfaceId: world.nsx.linkedVpc!.activeEni,
      State: 'active',
    }),
  );
});

test('association.subnet-id finds no table for a subnet that uses the main one implicitly', async () => {
  const world = articleCaseA();
  const { ec2 } = mock.use(world);
  const subnetId = [...world.ec2.subnets.keys()][0]!;
  const out = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }));
  expect(out.RouteTables).toEqual([]);
});

test('an unknown id is InvalidRouteTableID.NotFound', async () => {
  const { ec2 } = mock.use(articleCaseA());
  expect(await rejection(ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: ['rtb-0123456789abcdef0'] })))).toMatchObject({
    name: 'InvalidRouteTableID.NotFound',
  });
});

test('a custom table: create, associate, route to the active ENI, replace, delete the route, disassociate, delete', async () => {
  const world = articleCaseA();
  const { ec2 } = mock.use(world);
  const vpcId = [...world.ec2.vpcs.keys()][0]!;
  const subnetId = [...world.ec2.subnets.keys()][0]!;
  const [activeEni, standbyEni] = [
    world.nsx.linkedVpc!.activeEni,
    world.nsx.linkedVpc!.crossLinkEniIds.find((e) => e !== world.nsx.linkedVpc!.activeEni)!,
  ];
  const table = (
    await ec2.send(
      new CreateRouteTableCommand({
        VpcId: vpcId,
        TagSpecifications: [{ ResourceType: 'route-table', Tags: [{ Key: 'Name', Value: 'custom' }] }],
      }),
    )
  ).RouteTable!;
  expect(table.Routes).toEqual([
    { DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' },
  ]);
  const assoc = await ec2.send(new AssociateRouteTableCommand({ RouteTableId: table.RouteTableId!, SubnetId: subnetId }));
  expect(assoc.AssociationState).toEqual({ State: 'associated' });
  await ec2.send(
    new CreateRouteCommand({ RouteTableId: table.RouteTableId!, DestinationCidrBlock: '192.168.100.0/24', NetworkInterfaceId: standbyEni }),
  );
  await ec2.send(
    new ReplaceRouteCommand({ RouteTableId: table.RouteTableId!, DestinationCidrBlock: '192.168.100.0/24', NetworkInterfaceId: activeEni }),
  );
  const routes = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table.RouteTableId!] }))).RouteTables![0]!.Routes;
  expect(routes).toContainEqual({
    DestinationCidrBlock: '192.168.100.0/24',
    NetworkInterfaceId: activeEni,
    State: 'active',
    Origin: 'CreateRoute',
  });
  await ec2.send(new DeleteRouteCommand({ RouteTableId: table.RouteTableId!, DestinationCidrBlock: '192.168.100.0/24' }));
  expect(await rejection(ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTableId! })))).toMatchObject({
    name: 'DependencyViolation',
  });
  await ec2.send(new DisassociateRouteTableCommand({ AssociationId: assoc.AssociationId! }));
  await ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTableId! }));
  expect(await rejection(ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table.RouteTableId!] })))).toMatchObject({
    name: 'InvalidRouteTableID.NotFound',
  });
});

test('a second route to the same destination is RouteAlreadyExists; a NAT gateway target is not supported', async () => {
  const world = articleCaseA();
  const { ec2 } = mock.use(world);
  const main = [...world.ec2.routeTables.values()][0]!.routeTableId;
  expect(
    await rejection(
      ec2.send(
        new CreateRouteCommand({ RouteTableId: main, DestinationCidrBlock: '192.168.100.0/24', GatewayId: 'igw-0123456789abcdef0' }),
      ),
    ),
  ).toMatchObject({ name: 'RouteAlreadyExists' });
  expect(
    await rejection(
      ec2.send(new CreateRouteCommand({ RouteTableId: main, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0' })),
    ),
  ).toMatchObject({ name: 'UnsupportedOperation' });
});
