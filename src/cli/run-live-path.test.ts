// The live code path end to end, with `vmc-reach mock serve` standing in for a real account and SDDC:
// `vmc-reach run --target live` in its own process, reaching the served mock over real HTTP through
// endpoint overrides only (same code as live). Afterwards nothing the run created remains.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'vmc-reach.cjs');
let serve: ChildProcess;
let env: Record<string, string>;
let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vmc-reach-live-'));
  serve = spawn(
    process.execPath,
    [bin, 'mock', 'serve', '--port', '0', '--world', join(root, 'fixtures', 'snapshots', 'harness-before-runs')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let banner = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock serve did not start: ${banner}`)), 20_000);
    serve.stdout!.on('data', (d: Buffer) => {
      banner += d.toString();
      if (banner.includes('Stop with')) {
        clearTimeout(timer);
        resolve();
      }
    });
    serve.on('exit', (code) => reject(new Error(`mock serve exited (${code}): ${banner}`)));
  });
  env = {};
  for (const m of banner.matchAll(/\b((?:AWS|VMC)_[A-Z0-9_]+)=(\S+)/g)) env[m[1]!] = m[2]!;
  // Never let a test client fall back to a real AWS endpoint.
  for (const key of ['AWS_ENDPOINT_URL_EC2', 'AWS_ENDPOINT_URL_SSM', 'VMC_CSP_URL', 'VMC_URL']) {
    if (!env[key]?.startsWith('http://127.0.0.1:')) throw new Error(`mock serve's banner gave no loopback ${key}: ${banner}`);
  }
}, 30_000);

afterAll(async () => {
  serve?.kill('SIGTERM');
  await rm(cwd, { recursive: true, force: true });
});

test('vmc-reach run --target live against mock serve passes the article scenario and leaves nothing', () => {
  const r = spawnSync(process.execPath, [bin, 'run', '--target', 'live', '--scenario', 'article', '--report-dir', join(cwd, 'report')], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      VMC_REACH_INSTANCE_PROFILE: 'AmazonSSMRoleForInstancesQuickSetup',
      VMC_REACH_QUIET: '1',
      VMC_REACH_CONFIG: '',
    },
    timeout: 120_000,
  });
  expect(r.stdout).toContain('6 probes: 6 passed');
  expect(r.status).toBe(0);
}, 150_000);

test('the run wrote its ledger in the working folder, every entry removed or adopted', async () => {
  const dir = join(cwd, '.vmc-reach', 'runs');
  const [name] = await readdir(dir);
  const ledger = JSON.parse(await readFile(join(dir, name!), 'utf8')) as { entries: { action: string; state: string }[] };
  expect(ledger.entries.length).toBeGreaterThan(0);
  expect(ledger.entries.filter((e) => e.action !== 'adopted' && e.state !== 'removed')).toEqual([]);
});

test('the served account holds no instance or security group from the run', async () => {
  const ec2 = new EC2Client({
    region: env.AWS_REGION!,
    endpoint: env.AWS_ENDPOINT_URL_EC2!,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    maxAttempts: 1,
  });
  const instances = (await ec2.send(new DescribeInstancesCommand({}))).Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
  expect(instances.filter((i) => i.State?.Name !== 'terminated')).toEqual([]);
  const groups = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
  expect(groups.map((g) => g.GroupName)).toEqual(['default']);
  ec2.destroy();
});

test('the TCP/UDP scenarios run through the live path too (listeners and probes through SSM over HTTP) and leave nothing', async () => {
  const r = spawnSync(
    process.execPath,
    [
      bin,
      'run',
      '--target',
      'live',
      '--scenario',
      'app-port-icmp|nacl-ephemeral|cgw-service-port',
      '--report-dir',
      join(cwd, 'report-ports'),
    ],
    {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        VMC_REACH_INSTANCE_PROFILE: 'AmazonSSMRoleForInstancesQuickSetup',
        VMC_REACH_QUIET: '1',
        VMC_REACH_CONFIG: '',
      },
      timeout: 240_000,
    },
  );
  expect(r.stdout).toContain('11 probes: 11 passed');
  expect(r.stdout).toMatch(/tcp\/8443 \(listener\) +unreachable CGW_DEFAULT_DROP +unreachable \(tcp\/8443 filtered, live\)/);
  expect(r.stdout).toMatch(/udp\/53 +unreachable NACL_INBOUND_DENY +unreachable \(udp\/53 filtered, live\)/);
  expect(r.status).toBe(0);
  const ec2 = new EC2Client({
    region: env.AWS_REGION!,
    endpoint: env.AWS_ENDPOINT_URL_EC2!,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    maxAttempts: 1,
  });
  const instances = (await ec2.send(new DescribeInstancesCommand({}))).Reservations?.flatMap((x) => x.Instances ?? []) ?? [];
  expect(instances.filter((i) => i.State?.Name !== 'terminated')).toEqual([]);
  ec2.destroy();
}, 270_000);
