// DescribeInstanceInformation through the SDK: which nodes are Online and when, the SDDC's hybrid
// nodes, both filter styles, paging and the filter errors.
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, InvalidFilterKey } from '@aws-sdk/client-ssm';
import { publicImagesOf } from '../../../src/world';
import { mockAws, rejection, smallWorld } from '../../test-support/aws';
import { caseBWithWindows } from '../../../src/world/test-support/article-windows';

const mock = mockAws();

test('an instance registers after boot plus the agent delay, and only with an instance profile', async () => {
  const { world, subnet, advance } = smallWorld({ instanceBootMs: 10_000, agentRegistrationMs: 60_000 });
  const { ec2, ssm } = mock.use(world);
  const launch = (profile?: string) =>
    ec2.send(
      new RunInstancesCommand({
        ImageId: publicImagesOf(world.region)[0]!.imageId,
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnet.subnetId,
        ...(profile ? { IamInstanceProfile: { Name: profile } } : {}),
      }),
    );
  const withProfile = (await launch('SSMInstanceProfile')).Instances![0]!.InstanceId!;
  await launch();
  const ids = async () => (await ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList!.map((n) => n.InstanceId);
  advance(69_999);
  expect(await ids()).toEqual([]);
  advance(1);
  expect(await ids()).toEqual([withProfile]);
});

test('SDDC VMs with the agent are hybrid nodes: ManagedInstance, mi- ids, their platform', async () => {
  const { ssm } = mock.use(caseBWithWindows());
  const out = await ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'ResourceType', Values: ['ManagedInstance'] }] }));
  expect(out.InstanceInformationList?.map((n) => [n.InstanceId?.slice(0, 3), n.Name, n.PlatformType, n.PingStatus, n.IPAddress])).toEqual([
    ['mi-', 'CJ-VM01', 'Linux', 'Online', '192.168.100.10'],
    ['mi-', 'CJ-WIN01', 'Windows', 'Online', '192.168.100.11'],
  ]);
  expect(out.InstanceInformationList![0]!.RegistrationDate).toBeInstanceOf(Date);
});

test('the legacy filter list works too; using both styles at once is refused', async () => {
  const { ssm } = mock.use(caseBWithWindows());
  const legacy = await ssm.send(
    new DescribeInstanceInformationCommand({ InstanceInformationFilterList: [{ key: 'PlatformTypes', valueSet: ['Windows'] }] }),
  );
  expect(legacy.InstanceInformationList?.map((n) => n.Name)).toEqual(['CJ-WIN01']);
  const both = await rejection(
    ssm.send(
      new DescribeInstanceInformationCommand({
        InstanceInformationFilterList: [{ key: 'PingStatus', valueSet: ['Online'] }],
        Filters: [{ Key: 'PingStatus', Values: ['Online'] }],
      }),
    ),
  );
  expect(both).toMatchObject({ name: 'InvalidInstanceInformationFilterValue' });
});

test('an unknown filter key is InvalidFilterKey', async () => {
  const { ssm } = mock.use(caseBWithWindows());
  const e = await rejection(ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'Colour', Values: ['blue'] }] })));
  expect(e).toBeInstanceOf(InvalidFilterKey);
});

test('pages with MaxResults (5..50) and NextToken', async () => {
  const { world, subnet } = smallWorld();
  const { ec2, ssm } = mock.use(world);
  await ec2.send(
    new RunInstancesCommand({
      ImageId: publicImagesOf(world.region)[0]!.imageId,
      MinCount: 7,
      MaxCount: 7,
      SubnetId: subnet.subnetId,
      IamInstanceProfile: { Name: 'SSM' },
    }),
  );
  const first = await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 5 }));
  const rest = await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 5, NextToken: first.NextToken! }));
  expect([first.InstanceInformationList?.length, rest.InstanceInformationList?.length, rest.NextToken]).toEqual([5, 2, undefined]);
  expect(await rejection(ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 2 })))).toMatchObject({
    name: 'ValidationException',
  });
});
