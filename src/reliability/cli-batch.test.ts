// CliBatch: jobs run one after another in one CLI process, each with its own working folder and exactly its
// own environment, answering as separate processes would; a job past its timeout is killed and the next one
// gets a fresh process.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliBatch } from './cli-batch';

let batch: CliBatch;
let dir: string;

beforeAll(async () => {
  batch = new CliBatch();
  dir = await mkdtemp(join(tmpdir(), 'vmc-reach-cli-batch-'));
});
afterAll(async () => {
  await batch.close();
  await rm(dir, { recursive: true, force: true });
});

test('each job gets its own exit code and output', async () => {
  const [version, unknown] = await Promise.all([
    batch.run(['--version'], { cwd: dir, env: {} }),
    batch.run(['run', '--frobnicate'], { cwd: dir, env: {} }),
  ]);
  expect(version).toEqual({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: '' });
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('--frobnicate');
});

test("a job sees exactly its own environment and working folder, not the one before's", async () => {
  const withConfig = await batch.run(['run', '--dry-run'], { cwd: dir, env: { VMC_REACH_CONFIG: 'from-the-env.json' } });
  expect(withConfig.code).toBe(2);
  expect(withConfig.stderr).toContain(join(dir, 'from-the-env.json'));
  const without = await batch.run(['run', '--config', 'named.json'], { cwd: join(dir, '..'), env: {} });
  expect(without.stderr).not.toContain('from-the-env.json');
  expect(without.stderr).toContain(join(dir, '..', 'named.json'));
  expect(await readdir(dir)).toEqual([]);
});

test('a job past its timeout answers code null, and the next job runs in a fresh process', async () => {
  const forever = await batch.run(['mock', 'serve', '--port', '0'], { cwd: dir, env: {}, timeoutMs: 3_000 });
  expect(forever.code).toBeNull();
  expect((await batch.run(['--version'], { cwd: dir, env: {} })).code).toBe(0);
}, 30_000);
