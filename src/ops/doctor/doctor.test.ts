// `vmc-reach doctor` against `vmc-reach mock serve` (the live code path through endpoint overrides):
// every check passes on a ready world; a rejected CSP token and a missing instance profile are ✗ lines
// with their fix and exit 1, and the token (a canary) appears nowhere in the output. DryRun answers map
// to permissions: DryRunOperation allowed, UnauthorizedOperation not.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, repo, startServe, type Served } from '../test-support/serve';
import { dryRunCheck } from './check';

let served: Served;
let cwd: string;
const profile = { VMC_REACH_INSTANCE_PROFILE: 'AmazonSSMRoleForInstancesQuickSetup' };

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vmc-reach-doctor-'));
  served = await startServe(join(repo, 'fixtures', 'snapshots', 'harness-before-runs'));
}, 40_000);

afterAll(async () => {
  served?.stop();
  await rm(cwd, { recursive: true, force: true });
});

test('every prerequisite passes against the served mock: one ✓ line per check, exit 0, no token printed', () => {
  const r = cli(['doctor'], { cwd, env: { ...served.env, ...profile } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const lines = r.stdout.split('\n').filter((l) => /^[✓✗–] /.test(l));
  expect(lines.every((l) => l.startsWith('✓ '))).toBe(true);
  for (const check of [
    'AWS credentials and region',
    'CSP API token',
    'SDDC',
    'connected VPC (discovery)',
    'connected VPC in this AWS account',
    'SDDC VM registered with SSM',
    'AMI for the test instances',
    'instance profile',
    'permission ec2:RunInstances',
    'permission ec2:CreateSecurityGroup',
  ]) {
    expect(lines.some((l) => l.startsWith(`✓ ${check}`))).toBe(true);
  }
  expect(r.stdout).toContain('CJ-VM01 (192.168.100.10) is mi-');
  expect(r.stdout).toContain('allowed (DryRun answered DryRunOperation)');
  expect(r.stdout).not.toContain(served.env.VMC_API_TOKEN);
}, 60_000);

test('a rejected CSP token and a missing instance profile: ✗ with the fix, the rest skipped or checked, exit 1, the canary never printed', () => {
  const canary = 'CANARY0vmcreach0token0must0never0appear0000';
  const r = cli(['doctor'], { cwd, env: { ...served.env, VMC_API_TOKEN: canary, VMC_REACH_INSTANCE_PROFILE: '' } });
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/^✗ CSP API token: the exchange failed .* — fix: generate a new API token/m);
  expect(r.stdout).toMatch(/^✗ instance profile for the test instances: not set — fix: .*VMC_REACH_INSTANCE_PROFILE/m);
  expect(r.stdout).toMatch(/^– SDDC: skipped: needs a working CSP token/m);
  expect(r.stdout).toMatch(/^✓ AWS credentials and region/m);
  expect(`${r.stdout}${r.stderr}`).not.toContain(canary);
}, 60_000);

test('missing settings are one ✗ line each, and the AWS checks are skipped without a region', () => {
  const r = cli(['doctor'], { cwd, env: { ...served.env, AWS_REGION: '', AWS_DEFAULT_REGION: '', VMC_ORG_ID: '', ...profile } });
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/^✗ setting: AWS region: missing — fix: set "region"/m);
  expect(r.stdout).toMatch(/^✗ setting: VMC org id: missing — fix: set "live.orgId"/m);
  expect(r.stdout).toMatch(/^– AWS credentials and region: skipped/m);
}, 60_000);

test('DryRun answers as permissions', async () => {
  const answer = (name: string) => () => Promise.reject(Object.assign(new Error('x'), { name }));
  expect(await dryRunCheck('p', answer('DryRunOperation'), 'fix')).toMatchObject({ status: 'pass' });
  expect(await dryRunCheck('p', answer('UnauthorizedOperation'), 'add ec2:RunInstances')).toMatchObject({
    status: 'fail',
    fix: 'add ec2:RunInstances',
  });
  expect(await dryRunCheck('p', answer('InvalidSubnetID.NotFound'), 'fix')).toMatchObject({
    status: 'fail',
    detail: 'InvalidSubnetID.NotFound: x',
  });
});
