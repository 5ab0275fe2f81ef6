// `vmc-reach reap --older-than` against `vmc-reach mock serve`: resources tagged `vmc-reach:run-id` by an
// old run are listed (nothing changes), then removed with --yes in dependency order; young ones, ones of
// unknown age and foreign look-alikes (tag key `vmc-reach:run`, Name `vmc-reach-x`, another NSX scope)
// stay byte for byte. An instance is as young as its LaunchTime, whatever its run id says.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateNetworkAclCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  RunInstancesCommand,
  type TagSpecification,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createVmcClient, type NsxClient } from '../../clients/vmc';
import { newRunId } from '../../target/run-id';
import { cli, repo, startServe, type Served } from '../test-support/serve';

let served: Served;
let cwd: string;
let ec2: EC2Client;
let nsx: NsxClient;
const oldRun = 'vr-250101-000000-abcd';
const youngRun = newRunId();
const ids: Record<string, string> = {};

const tags = (type: TagSpecification['ResourceType'], name: string, extra: { Key: string; Value: string }[]): TagSpecification[] => [
  { ResourceType: type, Tags: [{ Key: 'Name', Value: name }, ...extra] },
];
const ours = (run: string) => [{ Key: 'vmc-reach:run-id', Value: run }];

async function ec2State(): Promise<string> {
  const [sgs, subnets, rts, acls, inst] = await Promise.all([
    ec2.send(new DescribeSecurityGroupsCommand({})),
    ec2.send(new DescribeSubnetsCommand({})),
    ec2.send(new DescribeRouteTablesCommand({})),
    ec2.send(new DescribeNetworkAclsCommand({})),
    ec2.send(new DescribeInstancesCommand({})),
  ]);
  return JSON.stringify([sgs.SecurityGroups, subnets.Subnets, rts.RouteTables, acls.NetworkAcls, inst.Reservations]);
}
const nsxState = async (): Promise<string> => JSON.stringify(await Promise.all([nsx.segments.list(), nsx.groups.list(), nsx.rules.list()]));
const sgJson = async (id: string): Promise<string> =>
  JSON.stringify((await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }))).SecurityGroups);
const exists = async (id: string): Promise<boolean> =>
  (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-id', Values: [id] }] }))).SecurityGroups!.length > 0;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vmc-reach-reap-'));
  served = await startServe(join(repo, 'fixtures', 'snapshots', 'harness-before-runs'));
  const e = served.env;
  const aws = {
    region: e.AWS_REGION!,
    credentials: { accessKeyId: e.AWS_ACCESS_KEY_ID!, secretAccessKey: e.AWS_SECRET_ACCESS_KEY! },
    maxAttempts: 1,
  };
  ec2 = new EC2Client({ ...aws, endpoint: e.AWS_ENDPOINT_URL_EC2! });
  const ssm = new SSMClient({ ...aws, endpoint: e.AWS_ENDPOINT_URL_SSM! });
  nsx = (
    await createVmcClient({
      apiToken: e.VMC_API_TOKEN!,
      orgId: e.VMC_ORG_ID!,
      sddcId: e.VMC_SDDC_ID!,
      cspUrl: e.VMC_CSP_URL!,
      vmcUrl: e.VMC_URL!,
    }).connect()
  ).nsx;
  const vpcId = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs![0]!.VpcId!;
  const connectedSubnet = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets![0]!
    .SubnetId!;
  const sg = async (key: string, name: string, extra: { Key: string; Value: string }[]) =>
    (ids[key] = (
      await ec2.send(
        new CreateSecurityGroupCommand({
          GroupName: name,
          Description: key,
          VpcId: vpcId,
          TagSpecifications: tags('security-group', name, extra),
        }),
      )
    ).GroupId!);
  await sg('oldSg', 'old-sg', ours(oldRun));
  await sg('youngSg', 'young-sg', ours(youngRun));
  await sg('unknownAgeSg', 'manual-sg', ours('manual'));
  await sg('foreignKeySg', 'foreign-key', [{ Key: 'vmc-reach:run', Value: oldRun }]);
  await sg('foreignNameSg', 'vmc-reach-x', []);
  ids.subnet = (
    await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: '172.31.200.0/24',
        TagSpecifications: tags('subnet', 'old-subnet', ours(oldRun)),
      }),
    )
  ).Subnet!.SubnetId!;
  ids.rt = (
    await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: tags('route-table', 'old-rt', ours(oldRun)) }))
  ).RouteTable!.RouteTableId!;
  ids.acl = (
    await ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId, TagSpecifications: tags('network-acl', 'old-acl', ours(oldRun)) }))
  ).NetworkAcl!.NetworkAclId!;
  const image = (await ssm.send(new GetParameterCommand({ Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' })))
    .Parameter!.Value!;
  ids.instance = (
    await ec2.send(
      new RunInstancesCommand({
        ImageId: image,
        MinCount: 1,
        MaxCount: 1,
        SubnetId: connectedSubnet,
        TagSpecifications: tags('instance', 'old-run-instance', ours(oldRun)),
      }),
    )
  ).Instances![0]!.InstanceId!;
  ssm.destroy();
  await nsx.groups.patch('old-group', {
    display_name: 'old group',
    expression: [{ resource_type: 'IPAddressExpression', ip_addresses: ['10.9.9.9'] }],
    tags: [{ scope: 'vmc-reach:run-id', tag: oldRun }],
  });
  await nsx.groups.patch('foreign-group', {
    display_name: 'vmc-reach-x',
    expression: [{ resource_type: 'IPAddressExpression', ip_addresses: ['10.9.9.8'] }],
    tags: [
      { scope: 'vmc-reach:run', tag: oldRun },
      { scope: 'owner', tag: 'vmc-reach:run-id' },
    ],
  });
  await nsx.rules.patch('old-rule', {
    resource_type: 'Rule',
    display_name: 'old rule',
    sequence_number: 5,
    source_groups: ['ANY'],
    destination_groups: ['ANY'],
    services: ['ANY'],
    scope: ['/infra/labels/cgw-cross-vpc'],
    action: 'DROP',
    direction: 'IN_OUT',
    tags: [{ scope: 'vmc-reach:run-id', tag: oldRun }],
  });
  await nsx.segments.patch('old-segment', {
    display_name: 'old segment',
    subnets: [{ gateway_address: '192.168.150.1/24' }],
    tags: [{ scope: 'vmc-reach:run-id', tag: oldRun }],
  });
  await nsx.segments.patch('foreign-segment', { display_name: 'vmc-reach-x', subnets: [{ gateway_address: '192.168.151.1/24' }] });
}, 60_000);

afterAll(async () => {
  ec2?.destroy();
  served?.stop();
  await rm(cwd, { recursive: true, force: true });
});

test("without --yes: lists the old run's tagged resources and changes nothing", async () => {
  const before = [await ec2State(), await nsxState()];
  const r = cli(['reap', '--older-than', '6h'], { cwd, env: served.env });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(`run ${oldRun} (found by its tags):`);
  for (const id of [ids.oldSg, ids.subnet, ids.rt, ids.acl, 'old-group', 'old-rule', 'old-segment']) expect(r.stdout).toContain(id!);
  for (const id of [ids.instance, ids.youngSg, ids.unknownAgeSg, ids.foreignKeySg, ids.foreignNameSg, 'foreign-group', 'foreign-segment'])
    expect(r.stdout).not.toContain(id!);
  expect(r.stdout).toContain('nothing was changed');
  expect([await ec2State(), await nsxState()]).toEqual(before);
}, 60_000);

test('with --yes: removes exactly the old tagged resources; the instance (launched now), young, unknown-age and foreign ones stay byte for byte', async () => {
  const keep = [ids.youngSg!, ids.unknownAgeSg!, ids.foreignKeySg!, ids.foreignNameSg!];
  const before = await Promise.all(keep.map(sgJson));
  const foreignNsx = JSON.stringify([await nsx.groups.get('foreign-group'), await nsx.segments.get('foreign-segment')]);
  const r = cli(['reap', '--older-than', '6h', '--yes'], { cwd, env: served.env });
  expect(r.stdout).toContain('by tags: removed 7, failed 0');
  expect(r.status).toBe(0);
  expect(await exists(ids.oldSg!)).toBe(false);
  expect((await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: [ids.subnet!] }] }))).Subnets).toEqual([]);
  expect(
    (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route-table-id', Values: [ids.rt!] }] }))).RouteTables,
  ).toEqual([]);
  expect(
    (await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'network-acl-id', Values: [ids.acl!] }] }))).NetworkAcls,
  ).toEqual([]);
  expect(await Promise.all([nsx.groups.find('old-group'), nsx.rules.find('old-rule'), nsx.segments.find('old-segment')])).toEqual([
    undefined,
    undefined,
    undefined,
  ]);
  expect(await Promise.all(keep.map(sgJson))).toEqual(before);
  expect(JSON.stringify([await nsx.groups.get('foreign-group'), await nsx.segments.get('foreign-segment')])).toBe(foreignNsx);
  const inst = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [ids.instance!] }))).Reservations![0]!.Instances![0]!;
  expect(inst.State!.Name).toBe('running');
}, 60_000);

test("--run with --older-than 0s: the old run's instance goes too; another run's and unknown-age resources stay", async () => {
  const r = cli(['reap', '--older-than', '0s', '--run', oldRun, '--yes'], { cwd, env: served.env });
  expect(r.stdout).toContain('by tags: removed 1, failed 0');
  expect(r.status).toBe(0);
  const inst = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [ids.instance!] }))).Reservations![0]!.Instances![0]!;
  expect(inst.State!.Name).toBe('terminated');
  expect(await exists(ids.youngSg!)).toBe(true);
  expect(await exists(ids.unknownAgeSg!)).toBe(true);
}, 60_000);

test('a bad --older-than is a usage error (exit 2)', () => {
  const r = cli(['reap', '--older-than', '6 hours'], { cwd, env: served.env });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('is not a duration');
});
