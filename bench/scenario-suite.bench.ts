// Benchmark: the whole mock scenario suite (`vmc-reach run`) against an empty jest run in the same
// command (jest's own start-up, the floor any jest-based suite pays). Prints both and the ratio.
// Targets (issue 5): the suite ≤ 10 s and ≤ 5× the empty run. Also prints API calls per probe.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const bin = join(root, 'bin', 'vmc-reach.cjs');

function timed(args: string[], env: Record<string, string> = {}): { ms: number; status: number | null; stderr: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, VMC_REACH_QUIET: '1', ...env } });
  return { ms: performance.now() - t, status: r.status, stderr: r.stderr };
}

const report = mkdtempSync(join(tmpdir(), 'vmc-reach-bench-'));
try {
  timed([jest, '--selectProjects', 'scenarios', '--passWithNoTests', '--testPathPatterns', '__none__']); // warm the transform cache
  const empty = timed([jest, '--selectProjects', 'scenarios', '--passWithNoTests', '--testPathPatterns', '__none__']);
  const suite = timed([bin, 'run', '--report-dir', report], { VMC_REACH_DEBUG_CALLS: '1' });
  const calls = [...suite.stderr.matchAll(/(\d+) API calls/g)].reduce((n, m) => n + Number(m[1]), 0);
  const results = readdirSync(join(report, 'results')).map(
    (f) => JSON.parse(readFileSync(join(report, 'results', f), 'utf8')) as { probes: unknown[] },
  );
  const probes = results.reduce((n, r) => n + r.probes.length, 0);
  console.log('mock scenario suite benchmark');
  console.log(`empty jest run (baseline):  ${(empty.ms / 1000).toFixed(2)} s`);
  console.log(`vmc-reach run (${results.length} scenarios, ${probes} probes, exit ${suite.status}): ${(suite.ms / 1000).toFixed(2)} s`);
  console.log(
    `ratio to the baseline: ${(suite.ms / empty.ms).toFixed(1)}× (target ≤ 5×); ratio to the 10 s target: ${(suite.ms / 10_000).toFixed(2)}×`,
  );
  console.log(`API calls: ${calls} in all, ${(calls / probes).toFixed(1)} per probe (provisioning, discovery and teardown included)`);
} finally {
  rmSync(report, { recursive: true, force: true });
}
