// The AWS CLI (botocore) reads the IPv6 and dual-stack fields the served mock renders: a snapshot of
// case C with the AWS CLI's own dual-stack examples spliced in (fixtures/real/ec2) is served by
// `vmc-reach mock serve --world`, and each describe command's JSON must carry them as EC2 does. The
// commands run in one Python process (scripts/aws-cli-batch.py, the AWS CLI's own driver).
// A machine without python3/awscli skips loudly; in CI (CI=true) that is a failure.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotFiles, writeSnapshotFiles } from '../../../src/snapshot';
import { articleCaseC } from '../../../src/world/test-support';
import { editJson, type Json } from '../../../src/snapshot/test-support';
import { missingTools, repoRoot, runCliCommands, startMockServe, type CliRecord, type Started } from './cli-runs';

jest.setTimeout(90_000);

const missing = missingTools(false);
if (missing && process.env['CI']) throw new Error(`the AWS CLI IPv6 test needs ${missing.replace(/ is not installed$/, '')} in CI`);
if (missing) console.warn(`SKIPPED: the AWS CLI IPv6 test (${missing})`);
const maybe = missing ? describe.skip : describe;

const corpus = async (name: string): Promise<Json> => JSON.parse(await readFile(join(repoRoot, 'fixtures', 'real', 'ec2', name), 'utf8'));

async function dualStackSnapshot(): Promise<Map<string, string>> {
  const vpc = (await corpus('describe-vpcs-ipv6.1.json')).Vpcs.find((v: Json) => v.Ipv6CidrBlockAssociationSet);
  const subnet = (await corpus('describe-subnets-ipv6.1.json')).Subnets.find((s: Json) => s.Ipv6CidrBlockAssociationSet?.length);
  const eni = (await corpus('create-network-interface.2.json')).NetworkInterface;
  const acl = (await corpus('describe-network-acls.1.json')).NetworkAcls.find((a: Json) => a.NetworkAclId === 'acl-0e2a78e4e2EXAMPLE');
  const routes = (await corpus('describe-route-tables-ipv6.1.json')).RouteTables.flatMap((t: Json) => t.Routes).filter(
    (r: Json) => r.DestinationIpv6CidrBlock,
  );
  let files = snapshotFiles(articleCaseC(), { description: 'case C, dual stack' });
  files = editJson(files, 'aws/describe-vpcs.json', (j) => void (j.Vpcs[0].Ipv6CidrBlockAssociationSet = vpc.Ipv6CidrBlockAssociationSet));
  files = editJson(
    files,
    'aws/describe-subnets.json',
    (j) => void (j.Subnets[0].Ipv6CidrBlockAssociationSet = subnet.Ipv6CidrBlockAssociationSet),
  );
  files = editJson(files, 'aws/describe-network-interfaces.json', (j) => void (j.NetworkInterfaces[0].Ipv6Addresses = eni.Ipv6Addresses));
  files = editJson(files, 'aws/describe-network-acls.json', (j) => void (j.NetworkAcls[0].Entries = acl.Entries));
  files = editJson(files, 'aws/describe-route-tables.json', (j) => void j.RouteTables[0].Routes.push(...routes));
  files = editJson(
    files,
    'aws/describe-security-groups.json',
    (j) =>
      void j.SecurityGroups[0].IpPermissions.push({
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        Ipv6Ranges: [{ CidrIpv6: '2001:db8:1234:1a00::/64' }],
      }),
  );
  files.delete('aws/describe-security-group-rules.json');
  return files;
}

/** The describe commands the tests read, run together against the served world. */
const commands = [
  'describe-network-acls',
  'describe-vpcs',
  'describe-subnets',
  'describe-network-interfaces',
  'describe-route-tables',
  'describe-security-groups',
  'describe-security-group-rules',
] as const;

maybe('the AWS CLI on a dual-stack world served by the mock', () => {
  let dir: string;
  let mock: Started;
  let records: CliRecord[];
  const cli = (command: (typeof commands)[number]): Json => {
    const r = records.find((x) => x.command === `aws ec2 ${command} --output json`);
    if (!r) throw new Error(`aws ec2 ${command} did not run`);
    if (r.rc !== 0) throw new Error(`aws ec2 ${command}: exit ${r.rc}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vmc-reach-ipv6-'));
    await writeSnapshotFiles(dir, await dualStackSnapshot());
    mock = await startMockServe(['--world', dir]);
    records = await runCliCommands(
      {
        AWS_ENDPOINT_URL_EC2: mock.url,
        AWS_ACCESS_KEY_ID: 'AKIAVMCREACHMOCK0001',
        AWS_SECRET_ACCESS_KEY: 'vmc-reach-mock-secret-not-a-real-key',
        AWS_DEFAULT_REGION: /AWS_REGION=(\S+)/.exec(mock.output())![1]!,
      },
      commands.map((c) => `aws ec2 ${c} --output json`),
    );
  });

  afterAll(async () => {
    await mock?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('describe-network-acls: IPv6 entries with rule number 32768', () => {
    const entries = cli('describe-network-acls').NetworkAcls.flatMap((a: Json) => a.Entries);
    expect(entries).toContainEqual({ Egress: true, Ipv6CidrBlock: '::/0', Protocol: '-1', RuleAction: 'deny', RuleNumber: 32768 });
  });

  test('describe-vpcs and describe-subnets: Ipv6CidrBlockAssociationSet', () => {
    expect(cli('describe-vpcs').Vpcs[0].Ipv6CidrBlockAssociationSet).toEqual([
      expect.objectContaining({ Ipv6CidrBlock: '2001:db8:1234:8800::/56', Ipv6CidrBlockState: { State: 'associated' } }),
    ]);
    expect(
      cli('describe-subnets').Subnets.flatMap((s: Json) => s.Ipv6CidrBlockAssociationSet.map((a: Json) => a.Ipv6CidrBlock)),
    ).toHaveLength(1);
  });

  test('describe-network-interfaces: Ipv6Addresses', () => {
    expect(cli('describe-network-interfaces').NetworkInterfaces.flatMap((n: Json) => n.Ipv6Addresses).length).toBeGreaterThan(0);
  });

  test('describe-route-tables: DestinationIpv6CidrBlock routes', () => {
    const routes = cli('describe-route-tables').RouteTables.flatMap((t: Json) => t.Routes);
    expect(routes).toContainEqual(expect.objectContaining({ DestinationIpv6CidrBlock: '::/0' }));
  });

  test('describe-security-groups and describe-security-group-rules: Ipv6Ranges and CidrIpv6', () => {
    const perms = cli('describe-security-groups').SecurityGroups.flatMap((g: Json) => g.IpPermissions);
    expect(perms).toContainEqual(
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, Ipv6Ranges: [{ CidrIpv6: '2001:db8:1234:1a00::/64' }] }),
    );
    expect(cli('describe-security-group-rules').SecurityGroupRules).toContainEqual(
      expect.objectContaining({ CidrIpv6: '2001:db8:1234:1a00::/64', FromPort: 22 }),
    );
  });
});
