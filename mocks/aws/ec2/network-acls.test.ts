// DescribeNetworkAcls through the SDK: the default ACL's entries and associations, filters, NotFound.
import {
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  DeleteNetworkAclCommand,
  DeleteNetworkAclEntryCommand,
  DescribeNetworkAclsCommand,
  ReplaceNetworkAclAssociationCommand,
  ReplaceNetworkAclEntryCommand,
} from '@aws-sdk/client-ec2';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';

const mock = mockAws();

test('the default ACL allows all then denies with rule 32767, both ways, and holds the subnet', async () => {
  const { world, vpc, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const acl = (
    await ec2.send(
      new DescribeNetworkAclsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpc.vpcId] },
          { Name: 'default', Values: ['true'] },
        ],
      }),
    )
  ).NetworkAcls![0]!;
  expect(acl.IsDefault).toBe(true);
  expect(acl.Entries).toContainEqual({ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' });
  expect(acl.Associations?.map((a) => a.SubnetId)).toEqual([subnet.subnetId]);
});

test('association.subnet-id finds the ACL of a subnet', async () => {
  const { world, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const out = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnet.subnetId] }] }));
  expect(out.NetworkAcls).toHaveLength(1);
});

test('an unknown id is InvalidNetworkAclID.NotFound', async () => {
  const { ec2 } = mock.use(smallWorld().world);
  expect(await rejection(ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: ['acl-0123456789abcdef0'] })))).toMatchObject({
    name: 'InvalidNetworkAclID.NotFound',
  });
});

test('a new ACL has only the deny-all entries; entries are created, replaced and deleted', async () => {
  const { world, vpc } = smallWorld();
  const { ec2 } = mock.use(world);
  const acl = (await ec2.send(new CreateNetworkAclCommand({ VpcId: vpc.vpcId }))).NetworkAcl!;
  expect(acl.Entries?.map((e) => [e.RuleNumber, e.RuleAction, e.Egress])).toEqual([
    [32767, 'deny', false],
    [32767, 'deny', true],
  ]);
  const entry = {
    NetworkAclId: acl.NetworkAclId!,
    RuleNumber: 100,
    Protocol: '1',
    Egress: false,
    CidrBlock: '192.168.100.0/24',
    IcmpTypeCode: { Type: -1, Code: -1 },
  };
  await ec2.send(new CreateNetworkAclEntryCommand({ ...entry, RuleAction: 'allow' }));
  expect(await rejection(ec2.send(new CreateNetworkAclEntryCommand({ ...entry, RuleAction: 'allow' })))).toMatchObject({
    name: 'NetworkAclEntryAlreadyExists',
  });
  await ec2.send(new ReplaceNetworkAclEntryCommand({ ...entry, RuleAction: 'deny' }));
  await ec2.send(
    new CreateNetworkAclEntryCommand({
      NetworkAclId: acl.NetworkAclId!,
      RuleNumber: 110,
      Protocol: '6',
      RuleAction: 'allow',
      Egress: true,
      CidrBlock: '0.0.0.0/0',
      PortRange: { From: 1024, To: 65535 },
    }),
  );
  await ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: acl.NetworkAclId!, RuleNumber: 110, Egress: true }));
  const entries = (await ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [acl.NetworkAclId!] }))).NetworkAcls![0]!.Entries!;
  expect(entries.filter((e) => e.RuleNumber === 100)).toEqual([
    {
      RuleNumber: 100,
      Protocol: '1',
      RuleAction: 'deny',
      Egress: false,
      CidrBlock: '192.168.100.0/24',
      IcmpTypeCode: { Type: -1, Code: -1 },
    },
  ]);
  expect(entries.some((e) => e.RuleNumber === 110)).toBe(false);
});

test('ReplaceNetworkAclAssociation moves a subnet; an ACL in use or the default one cannot be deleted', async () => {
  const { world, vpc, subnet } = smallWorld();
  const { ec2 } = mock.use(world);
  const custom = (await ec2.send(new CreateNetworkAclCommand({ VpcId: vpc.vpcId }))).NetworkAcl!.NetworkAclId!;
  const current = (
    await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnet.subnetId] }] }))
  ).NetworkAcls![0]!;
  const assoc = current.Associations!.find((a) => a.SubnetId === subnet.subnetId)!.NetworkAclAssociationId!;
  const moved = await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: assoc, NetworkAclId: custom }));
  expect(moved.NewAssociationId).toMatch(/^aclassoc-/);
  expect(await rejection(ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: custom })))).toMatchObject({ name: 'DependencyViolation' });
  await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: moved.NewAssociationId!, NetworkAclId: current.NetworkAclId! }));
  await ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: custom }));
  expect(await rejection(ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: current.NetworkAclId! })))).toMatchObject({
    name: 'InvalidParameterValue',
  });
});

test('an IPv6 entry (Ipv6CidrBlock) is created and described as EC2 shows it', async () => {
  const { world, vpc } = smallWorld();
  const { ec2 } = mock.use(world);
  const acl = (await ec2.send(new CreateNetworkAclCommand({ VpcId: vpc.vpcId }))).NetworkAcl!;
  await ec2.send(
    new CreateNetworkAclEntryCommand({
      NetworkAclId: acl.NetworkAclId,
      RuleNumber: 101,
      Protocol: '-1',
      RuleAction: 'allow',
      Egress: false,
      Ipv6CidrBlock: '::/0',
    }),
  );
  const out = (await ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [acl.NetworkAclId!] }))).NetworkAcls![0]!;
  expect(out.Entries).toContainEqual({ RuleNumber: 101, Protocol: '-1', RuleAction: 'allow', Egress: false, Ipv6CidrBlock: '::/0' });
});
