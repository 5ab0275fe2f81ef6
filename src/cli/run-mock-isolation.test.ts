// `vmc-reach run` in mock mode never reaches what the shell's environment names: with every AWS and VMC
// endpoint variable (a profile's endpoint_url, the metadata service, the proxy) pointing at TCP listeners on
// loopback, the real CLI runs a scenario on the embedded mock and the listeners accept no connection. A
// missing or broken mock world stops the run with exit 2, naming it, before any scenario starts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'vmc-reach.cjs');

interface Listener {
  url: string;
  accepted: () => number;
  close: () => Promise<void>;
}

async function listener(): Promise<Listener> {
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function runCli(cwd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'run', ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

let aws: Listener;
let vmc: Listener;
let cwd: string;
let env: Record<string, string>;

beforeAll(async () => {
  aws = await listener();
  vmc = await listener();
  cwd = mkdtempSync(join(tmpdir(), 'vmc-reach-isolation-'));
  writeFileSync(join(cwd, 'aws-config'), `[default]\nregion = us-east-1\nendpoint_url = ${aws.url}\n`);
  env = {
    AWS_ENDPOINT_URL: aws.url,
    AWS_ENDPOINT_URL_EC2: aws.url,
    AWS_ENDPOINT_URL_SSM: aws.url,
    AWS_EC2_METADATA_SERVICE_ENDPOINT: aws.url,
    // Neither the AWS SDK's node handler nor node's fetch reads proxy variables; a proxy gets nothing either.
    HTTPS_PROXY: aws.url,
    HTTP_PROXY: aws.url,
    AWS_CONFIG_FILE: join(cwd, 'aws-config'),
    AWS_PROFILE: 'default',
    AWS_ACCESS_KEY_ID: 'AKIAISOLATIONTEST001',
    AWS_SECRET_ACCESS_KEY: 'isolation-test-secret',
    AWS_REGION: 'us-east-1',
    VMC_CSP_URL: vmc.url,
    VMC_URL: vmc.url,
    VMC_API_TOKEN: 'isolation-test-token',
    VMC_ORG_ID: '11111111-1111-4111-8111-111111111111',
    VMC_SDDC_ID: '22222222-2222-4222-8222-222222222222',
    VMC_REACH_PROGRESS: 'plain',
  };
});

afterAll(async () => {
  await aws.close();
  await vmc.close();
  rmSync(cwd, { recursive: true, force: true });
});

test('a mock run passes on the embedded mock while the environment names other endpoints, which get no connection', async () => {
  writeFileSync(join(cwd, 'ok.json'), JSON.stringify({ mock: { world: join(root, 'fixtures', 'snapshots', 'harness-before-runs') } }));
  const r = await runCli(cwd, ['--config', 'ok.json', '--scenario', 'article', '--report-dir', join(cwd, 'report')], env);
  expect({ code: r.code, aws: aws.accepted(), vmc: vmc.accepted() }).toEqual({ code: 0, aws: 0, vmc: 0 });
}, 60_000);

test('a missing mock world stops the run with exit 2 naming the world and the field, before any scenario', async () => {
  writeFileSync(join(cwd, 'missing.json'), JSON.stringify({ mock: { world: '/nonexistent' } }));
  const r = await runCli(cwd, ['--config', 'missing.json', '--report-dir', join(cwd, 'report-missing')], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/mock world \/nonexistent \(mock\.world in .*missing\.json\) cannot be loaded/);
  expect(r.stderr).not.toContain('Test Suites');
  expect(aws.accepted() + vmc.accepted()).toBe(0);
}, 60_000);

test('a broken mock world (no SDDC) stops the run with exit 2 naming it, and nothing is made', async () => {
  const world = join(cwd, 'broken-world');
  mkdirSync(world);
  writeFileSync(join(world, 'manifest.json'), '{');
  writeFileSync(join(cwd, 'broken.json'), JSON.stringify({ mock: { world } }));
  const r = await runCli(cwd, ['--config', 'broken.json', '--report-dir', join(cwd, 'report-broken')], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`mock world ${world} (mock.world in`);
  expect(existsSync(join(cwd, 'report-broken'))).toBe(false);
}, 60_000);
