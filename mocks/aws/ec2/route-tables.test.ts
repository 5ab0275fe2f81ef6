// DescribeRouteTables through the SDK: the main table VMC manages, association filters, NotFound.
import { DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import { articleCaseA } from '../../../src/snapshot';
import { mockAws, rejection } from '../test-helpers';

const mock = mockAws();

test('the main table of the connected VPC routes the SDDC segment to the active cross-link ENI', async () => {
  const world = articleCaseA();
  const { ec2 } = mock.use(world);
  const out = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.main', Values: ['true'] }] }));
  const table = out.RouteTables![0]!;
  expect(table.Associations).toEqual([expect.objectContaining({ Main: true, AssociationState: { State: 'associated' } })]);
  expect(table.Routes).toContainEqual({ DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' });
  expect(table.Routes).toContainEqual(expect.objectContaining({ DestinationCidrBlock: '192.168.100.0/24', NetworkInterfaceId: world.nsx.linkedVpc!.activeEni, State: 'active' }));
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
  expect(await rejection(ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: ['rtb-0123456789abcdef0'] })))).toMatchObject({ name: 'InvalidRouteTableID.NotFound' });
});
