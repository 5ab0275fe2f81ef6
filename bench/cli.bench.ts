// Benchmark of the CLI as a user starts it (`npm run bench:cli`), printed as ratios in one run:
// `reproduce` of one flow on the article's case B vs `node -e 0` (wall, median of 10; target ≤ 3×);
// `reproduce --all` on the 1,000 × 200 benchmark world (target ≤ 2 s); `vmc-reach run` of the built-in
// scenarios on the mock (target ≤ 4 s wall and ≤ 3× an empty jest run); peak RSS of `reproduce`
// (target ≤ 100 MiB). Builds dist/ first (the bin runs it), unless --no-build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSnapshot } from '../src/snapshot';
import { buildLargeWorld, fullSize } from '../src/world/test-support/large-world';

const root = join(__dirname, '..');
const bin = join(root, 'bin', 'vmc-reach.cjs');
const jestBin = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
// VMC_REACH_FROM_DIST: start from dist/ as an installed package does (no comparing it with the sources).
const env = { ...process.env, VMC_REACH_QUIET: '1', VMC_REACH_CONFIG: '', VMC_REACH_FROM_DIST: '1' };

function wallMs(args: string[], cwd = root): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function median(args: string[], n: number, cwd = root): number {
  const xs = Array.from({ length: n }, () => wallMs(args, cwd)).sort((a, b) => a - b);
  return xs[Math.floor(n / 2)]!;
}

/** Peak resident set of a child running `args`, through process.resourceUsage() at its exit. */
function peakRssMiB(args: string[], dir: string): number {
  const probe = join(dir, 'max-rss.cjs');
  writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(3, String(process.resourceUsage().maxRSS)));\n");
  const r = spawnSync(process.execPath, ['-r', probe, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  return Number(r.output[3]) / 1024;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'vmc-reach-bench-'));
  try {
    const caseB = join(root, 'fixtures', 'snapshots', 'article-case-b');
    const oneFlow = [bin, 'reproduce', caseB, '--from', 'CJ-AWS02', '--to', 'CJ-VM01'];
    wallMs(oneFlow); // warm the file cache and V8's code cache (bin/code-cache.cjs)
    const node0 = median(['-e', '0'], 10);
    const reproduce = median(oneFlow, 10);

    const large = join(tmp, 'large-world');
    await writeSnapshot(buildLargeWorld(fullSize), large, { description: 'bench: 1,000 instances × 200 VMs' });
    const all = median([bin, 'reproduce', large, '--all'], 3);

    const emptyProject = join(tmp, 'empty-jest');
    mkdirSync(emptyProject);
    writeFileSync(join(emptyProject, 'empty.test.js'), "test('empty', () => {});\n");
    writeFileSync(join(emptyProject, 'jest.config.js'), "module.exports = { testEnvironment: 'node' };\n");
    const emptyJest = median([jestBin, '--ci', '--silent'], 3, emptyProject);
    const run = median([bin, 'run', '--report-dir', join(tmp, 'report')], 3);

    const rss = peakRssMiB(oneFlow, tmp);
    const rssAll = peakRssMiB([bin, 'reproduce', large, '--all'], tmp);

    const line = (what: string, value: string, ratio: string, ok: boolean): void =>
      console.log(`${what.padEnd(58)} ${value.padStart(10)}  ${ratio.padEnd(34)} ${ok ? 'met' : 'NOT met'}`);
    console.log(`vmc-reach CLI benchmark (${new Date().toISOString()}, ${process.version})`);
    line(
      'reproduce one flow (case B) vs node -e 0, median of 10',
      `${reproduce.toFixed(0)} ms`,
      `${(reproduce / node0).toFixed(2)}× (node -e 0: ${node0.toFixed(0)} ms; ≤ 3×)`,
      reproduce / node0 <= 3,
    );
    line(
      'reproduce --all, 1,000 × 200 world, median of 3',
      `${all.toFixed(0)} ms`,
      `${(all / 2000).toFixed(2)}× the 2 s target`,
      all <= 2000,
    );
    line(
      'vmc-reach run, built-in scenarios on the mock, median of 3',
      `${run.toFixed(0)} ms`,
      `${(run / 4000).toFixed(2)}× the 4 s target`,
      run <= 4000,
    );
    line(
      '  … vs an empty jest run (one empty test file)',
      `${emptyJest.toFixed(0)} ms`,
      `${(run / emptyJest).toFixed(2)}× (≤ 3×)`,
      run / emptyJest <= 3,
    );
    line('peak RSS of reproduce one flow', `${rss.toFixed(0)} MiB`, `${(rss / 100).toFixed(2)}× the 100 MiB target`, rss <= 100);
    line('  (peak RSS of reproduce --all on the large world)', `${rssAll.toFixed(0)} MiB`, '(for information)', true);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 1;
});
