// Every command answers --help (exit 0) and treats a wrong flag as a usage error (exit 2); run --shard
// splits the scenario files: the shards of a pattern are disjoint and together are all of them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from './main';

const commands = [['run'], ['reproduce'], ['reap'], ['doctor'], ['collect'], ['nightly'], ['mock', 'serve']];

async function call(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

test.each(commands)('%s %s --help prints its usage and exits 0', async (...cmd) => {
  const r = await call([...cmd, '--help']);
  expect(r.code).toBe(0);
  expect(r.out).toContain(`Usage: vmc-reach ${cmd.join(' ')}`);
});

test.each(commands)('%s %s with a wrong flag is a usage error (exit 2)', async (...cmd) => {
  const required = cmd[0] === 'collect' || cmd[0] === 'nightly' ? ['--out', 'unused'] : [];
  const r = await call([...cmd, ...required, '--no-such-flag']);
  expect(r.code).toBe(2);
  expect(r.err).toContain("unknown option '--no-such-flag'");
});

test.each([[['run', '--shard', '0/2']], [['run', '--shard', 'a/b']], [['reap', '--older-than', 'soon']], [['collect']], [['nightly']]])(
  '%j is a usage error (exit 2)',
  async (argv) => {
    expect((await call(argv)).code).toBe(2);
  },
);

test('run --shard: the shards of the matching scenario files are disjoint and cover them all', () => {
  const bin = join(__dirname, '..', '..', 'bin', 'vmc-reach.cjs');
  const scenariosOf = (shard?: string): string[] => {
    const r = spawnSync(process.execPath, [bin, 'run', '--dry-run', '--scenario', 'article|cgw', ...(shard ? ['--shard', shard] : [])], {
      encoding: 'utf8',
      env: { ...process.env, VMC_REACH_CONFIG: '' },
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    return [...`${r.stdout}${r.stderr}`.matchAll(/^scenario: (.*)$/gm)].map((m) => m[1]!).sort();
  };
  const all = scenariosOf();
  const one = scenariosOf('1/2');
  const two = scenariosOf('2/2');
  expect(all.length).toBeGreaterThanOrEqual(3);
  expect(one.length).toBeGreaterThan(0);
  expect(two.length).toBeGreaterThan(0);
  expect(one.filter((s) => two.includes(s))).toEqual([]);
  expect([...one, ...two].sort()).toEqual(all);
}, 90_000);
