// The installed entry point (bin/vmc-reach.cjs) as a user runs it: exit codes, and no stack trace for
// a user error.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'vmc-reach.cjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

test('the main job prints the case-b matrix and exits 0', () => {
  const r = run('reproduce', 'fixtures/snapshots/article-case-b', '--all');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/CJ-AWS02 .* ENI_SG_INGRESS_NO_MATCH \(forward\)/);
});

test('a user error exits 2 with one message and no stack trace', () => {
  const r = run('reproduce', 'fixtures/snapshots/article-case-b', '--from', 'nobody', '--to', 'CJ-VM01');
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^vmc-reach: --from "nobody"/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('an unknown command exits 2', () => {
  const r = run('reproduse');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("unknown command 'reproduse'");
});

test('no command prints the usage and exits 2', () => {
  const r = run();
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('Usage: vmc-reach');
});
