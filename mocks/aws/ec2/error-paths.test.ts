// The error answers of the provisioning operations, each as EC2 names it, through the SDK.
import {
  CreateManagedPrefixListCommand,
  CreateNetworkAclCommand,
  CreateRouteTableCommand,
  DeleteNetworkAclEntryCommand,
  DeleteTagsCommand,
  DisassociateRouteTableCommand,
  ReplaceNetworkAclAssociationCommand,
  ReplaceRouteCommand,
} from '@aws-sdk/client-ec2';
import { mainRouteTable } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();
const missingVpc = 'vpc-0123456789abcdef0';

test.each([
  ['CreateRouteTable in an unknown VPC', () => new CreateRouteTableCommand({ VpcId: missingVpc }), 'InvalidVpcID.NotFound'],
  ['CreateNetworkAcl in an unknown VPC', () => new CreateNetworkAclCommand({ VpcId: missingVpc }), 'InvalidVpcID.NotFound'],
  [
    'DisassociateRouteTable of an unknown association',
    () => new DisassociateRouteTableCommand({ AssociationId: 'rtbassoc-0123456789abcdef0' }),
    'InvalidAssociationID.NotFound',
  ],
  [
    'ReplaceNetworkAclAssociation of an unknown ACL',
    () => new ReplaceNetworkAclAssociationCommand({ AssociationId: 'aclassoc-0123456789abcdef0', NetworkAclId: 'acl-0123456789abcdef0' }),
    'InvalidNetworkAclID.NotFound',
  ],
  ['DeleteTags on an unknown instance', () => new DeleteTagsCommand({ Resources: ['i-0123456789abcdef0'] }), 'InvalidInstanceID.NotFound'],
  [
    'a prefix list of an unknown address family',
    () => new CreateManagedPrefixListCommand({ PrefixListName: 'v5', MaxEntries: 1, AddressFamily: 'IPv5' }),
    'InvalidParameterValue',
  ],
] as const)('%s is %s', async (_what, command, code) => {
  const { ec2 } = mock.use(smallWorld().world);
  expect(await rejection(ec2.send(command() as never))).toMatchObject({ name: code, $metadata: { httpStatusCode: 400 } });
});

test('ReplaceRoute of a destination the table has no route for is InvalidRoute.NotFound', async () => {
  const { world, vpc } = smallWorld();
  const { ec2 } = mock.use(world);
  const e = await rejection(
    ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: mainRouteTable(world, vpc.vpcId)!.routeTableId,
        DestinationCidrBlock: '10.99.0.0/16',
        GatewayId: 'igw-0123456789abcdef0',
      }),
    ),
  );
  expect(e).toMatchObject({ name: 'InvalidRoute.NotFound' });
});

test('DeleteNetworkAclEntry of a rule that is not there is InvalidNetworkAclEntry.NotFound', async () => {
  const { world, vpc } = smallWorld();
  const { ec2 } = mock.use(world);
  const acl = [...world.ec2.networkAcls.values()].find((a) => a.vpcId === vpc.vpcId)!.networkAclId;
  expect(await rejection(ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber: 42, Egress: false })))).toMatchObject({
    name: 'InvalidNetworkAclEntry.NotFound',
  });
});
