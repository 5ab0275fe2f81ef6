// `vmc-reach mock serve`: the banner (AWS environment, VMware endpoints, managed nodes), faults from
// flags, bad flags (exit 2), and a clean stop on SIGINT as a user runs it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { main } from './main';
import { defaultMockWorld, runServe } from './mock-command';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

test('prints where it listens, the AWS environment with fake credentials, the VMware side and the managed nodes', async () => {
  let out = '';
  let url = '';
  const code = await runServe(
    { port: 0, world: defaultMockWorld, latency: 'instant', timeScale: 1, fault: [], seed: 1 },
    {
      out: (t) => (out += t),
      stopSignal: async () => {
        url = /listening on (\S+)/.exec(out)![1]!;
        const res = await fetch(`${url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'Action=DescribeVpcs&Version=2016-11-15',
        });
        expect(res.status).toBe(200);
        return 'test';
      },
    },
  );
  expect(code).toBe(0);
  expect(out).toContain(`export AWS_ENDPOINT_URL_EC2=${url}`);
  expect(out).toContain(`export AWS_ENDPOINT_URL_SSM=${url}`);
  expect(out).toContain('export AWS_ACCESS_KEY_ID=AKIAVMCREACHMOCK0001');
  expect(out).toContain('export AWS_REGION=ap-northeast-1');
  expect(out).toMatch(/mi-[0-9a-f]{17}\s+Online\s+Linux\s+192\.168\.100\.10\s+CJ-VM01/);
  expect(out).toContain('VMware CSP API token');
  expect(out).toMatch(/vmc-reach mock stopped \(test\) after 1 API calls\n$/);
});

test('a --fault flag reaches the served mock', async () => {
  let out = '';
  await runServe(
    {
      port: 0,
      world: defaultMockWorld,
      latency: 'realistic',
      timeScale: 100,
      fault: [{ service: 'ec2', operation: 'DescribeVpcs', fault: 'throttle' }],
      seed: 1,
    },
    {
      out: (t) => (out += t),
      stopSignal: async () => {
        const url = /listening on (\S+)/.exec(out)![1]!;
        const res = await fetch(`${url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'Action=DescribeVpcs&Version=2016-11-15',
        });
        expect([res.status, /<Code>(.*?)<\/Code>/.exec(await res.text())?.[1]]).toEqual([503, 'RequestLimitExceeded']);
        return 'test';
      },
    },
  );
  expect(out).toContain('latency: realistic (time scale 100)');
});

test.each([
  [['--latency', 'slow'], "argument 'slow' is invalid"],
  [['--port', 'http'], '--port "http" is not a port number'],
  [['--world', '/no/such/dir'], '--world "/no/such/dir" is not a folder'],
  [['--fault', 'ec2:RunInstances'], '--fault "ec2:RunInstances"'],
  [['--time-scale', '0'], '--time-scale "0" must be a positive number'],
])('mock serve %j exits 2 with a clear message', async (flags, message) => {
  const r = await cli('mock', 'serve', ...flags);
  expect(r.code).toBe(2);
  expect(r.err).toContain(message);
});

test('as a user runs it, it stops cleanly on SIGINT with exit code 0', async () => {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'vmc-reach.cjs'), 'mock', 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const closed = once(child, 'close');
  while (!out.includes('Stop with Ctrl-C') && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGINT');
  const [code] = await closed;
  expect([code, out.trim().split('\n').pop()]).toEqual([0, 'vmc-reach mock stopped (SIGINT) after 0 API calls']);
});
