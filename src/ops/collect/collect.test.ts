// `collect` → `reproduce` round trip against `vmc-reach mock serve`: the article's case B is built on the
// served world through the clients (NSX steps 1–3, CJ-AWS01 in the default SG, CJ-AWS02 in CJ-SG), then
// `vmc-reach collect` writes a snapshot, and `reproduce --all` on it gives the same verdicts as on the
// article-case-b fixture (CJ-AWS02 → CJ-VM01 blocked by ENI_SG_INGRESS_NO_MATCH). No secret reaches the
// snapshot; --scrub replaces the account id everywhere and the snapshot still reproduces.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSubnetsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createVmcClient } from '../../clients/vmc';
import { cli, repo, startServe, type Served } from '../test-support/serve';

let served: Served;
let cwd: string;

async function buildCaseB(env: Record<string, string>): Promise<void> {
  const aws = {
    region: env.AWS_REGION!,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    maxAttempts: 1,
  };
  const ec2 = new EC2Client({ ...aws, endpoint: env.AWS_ENDPOINT_URL_EC2! });
  const ssm = new SSMClient({ ...aws, endpoint: env.AWS_ENDPOINT_URL_SSM! });
  const { discovery, nsx } = await createVmcClient({
    apiToken: env.VMC_API_TOKEN!,
    orgId: env.VMC_ORG_ID!,
    sddcId: env.VMC_SDDC_ID!,
    cspUrl: env.VMC_CSP_URL!,
    vmcUrl: env.VMC_URL!,
  }).connect();
  await nsx.segments.patch('cj-seg', { display_name: 'CJ-Segment', subnets: [{ gateway_address: '192.168.100.1/24' }] });
  const group = await nsx.groups.patch('cj-vm', {
    display_name: 'CJ-VM',
    expression: [{ resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: 'CJ-VM01' }],
  });
  const common = { services: ['ANY'], scope: ['/infra/labels/cgw-cross-vpc'], action: 'ALLOW' as const, direction: 'IN_OUT' as const };
  await nsx.rules.patch('cj-vm-inbound', {
    ...common,
    display_name: 'CJ-VM Inbound',
    sequence_number: 10,
    source_groups: ['ANY'],
    destination_groups: [group.path],
  });
  await nsx.rules.patch('cj-vm-outbound', {
    ...common,
    display_name: 'CJ-VM Outbound',
    sequence_number: 20,
    source_groups: [group.path],
    destination_groups: ['ANY'],
  });
  const vpcId = discovery.connectedVpc.vpcId;
  const subnet =
    discovery.connectedVpc.connectedSubnetId ??
    (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets![0]!.SubnetId!;
  const cjSg = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'CJ-SG', Description: 'CJ-SG', VpcId: vpcId }))).GroupId!;
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({ GroupId: cjSg, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
  );
  const image = (await ssm.send(new GetParameterCommand({ Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' })))
    .Parameter!.Value!;
  const launch = (name: string, groups?: string[]) =>
    ec2.send(
      new RunInstancesCommand({
        ImageId: image,
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnet,
        ...(groups ? { SecurityGroupIds: groups } : {}),
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
      }),
    );
  await launch('CJ-AWS01');
  await launch('CJ-AWS02', [cjSg]);
  ec2.destroy();
  ssm.destroy();
}

/** reproduce --all --json as name-level verdicts, independent of the ids. */
function verdicts(dir: string): string[] {
  const r = cli(['reproduce', dir, '--all', '--json'], { cwd, env: {} });
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as {
    verdicts: { source: { name: string }; destination: { name: string }; reachable: boolean; blockedBy?: { code: string } | null }[];
  };
  return out.verdicts
    .map((v) => `${v.source.name} → ${v.destination.name}: ${v.reachable ? 'reachable' : `blocked ${v.blockedBy?.code}`}`)
    .sort();
}

async function allText(dir: string): Promise<string> {
  const names = (await readdir(dir, { recursive: true })) as string[];
  const texts = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => readFile(join(dir, n), 'utf8')));
  return texts.join('\n');
}

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vmc-reach-collect-'));
  served = await startServe(join(repo, 'fixtures', 'snapshots', 'article-before-step-1'));
  await buildCaseB(served.env);
}, 60_000);

afterAll(async () => {
  served?.stop();
  await rm(cwd, { recursive: true, force: true });
});

test('collect → reproduce gives the verdicts of article case B; no secret in the snapshot', async () => {
  const out = join(cwd, 'case-b');
  const r = cli(['collect', '--out', out], { cwd, env: served.env });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(`reproduce ${out} --all`);
  const got = verdicts(out);
  expect(got).toContain('CJ-AWS02 → CJ-VM01: blocked ENI_SG_INGRESS_NO_MATCH');
  expect(got).toEqual(verdicts(join(repo, 'fixtures', 'snapshots', 'article-case-b')));
  expect(await allText(out)).not.toContain(served.env.VMC_API_TOKEN);
}, 60_000);

test('collect --scrub: the account id is gone everywhere and the snapshot still reproduces', async () => {
  const out = join(cwd, 'case-b-scrubbed');
  const r = cli(['collect', '--out', out, '--scrub'], { cwd, env: served.env });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/scrubbed: 1 account ids/);
  const text = await allText(out);
  expect(text).not.toContain('123456789012');
  expect(text).toContain('000000000001');
  expect(verdicts(out)).toEqual(verdicts(join(cwd, 'case-b')));
}, 60_000);

test('collect without --out is a usage error (exit 2)', () => {
  expect(cli(['collect'], { cwd, env: served.env }).status).toBe(2);
});
