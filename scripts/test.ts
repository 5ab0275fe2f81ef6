// `npm test` and `npm run test:full` (the same steps with VMC_REACH_FULL=1: the heavy suites at their full
// counts, src/world/test-support/run-counts.ts): the type-check, the lint, the unit tests and scenarios (jest)
// and the live path against moto (`npm run live:moto`). Each step is its own npm script and can run alone.
// First `npm run build` if dist/ is older than the sources (src/package/dist-fresh.ts): the tests and
// live:moto start the CLI (bin/vmc-reach.cjs) well over a hundred times, each of which would otherwise
// bundle the sources anew. The steps run side by side to use both cores of a small machine, since jest's
// suites spend much of their time waiting on child processes and packets: jest in the foreground with its
// own output; beside it the type-check and the lint, then live:moto, their output held and printed when
// each ends (at once if it failed, and its end again just above the summary). Every step runs to its end; the
// exit code is 1 if any failed. Last, each step's wall time.
//   usage: node bin/run-ts.cjs scripts/test.ts [--only typecheck,lint,unit,live-moto] [jest's options…]
//   (npm test -- --json --outputFile=times.json: the other arguments go to jest)
import { join } from 'node:path';
import { $, type ProcessOutput, type ProcessPromise } from 'zx';
import { distIsFresh } from '../src/package/dist-fresh';

type StepName = 'build' | 'typecheck' | 'lint' | 'unit' | 'live-moto';

interface Outcome {
  name: StepName;
  ok: boolean;
  seconds: number;
  exit: string;
}

const scripts: Record<StepName, string> = {
  build: 'build',
  typecheck: 'typecheck',
  lint: 'lint',
  unit: 'test:unit',
  'live-moto': 'live:moto',
};
const running = new Set<ProcessPromise>();
const held: string[] = [];
/** The end of each failed step's output, printed again just above the summary (CI logs often keep only their end). */
const failedTails: string[] = [];

function exitOf(o: ProcessOutput): string {
  return o.signal ? `killed by ${o.signal}` : `exit ${o.exitCode}`;
}

/** One npm script; `live`: its output goes straight to the terminal (jest's progress), else it is held. */
async function step(name: StepName, live = false, args: readonly string[] = []): Promise<Outcome> {
  const started = Date.now();
  const p = $({
    nothrow: true,
    quiet: !live,
    stdio: live ? 'inherit' : 'pipe',
  })`npm run -s ${scripts[name]} ${args.length > 0 ? ['--', ...args] : []}`;
  running.add(p);
  const o = await p;
  running.delete(p);
  const outcome = { name, ok: o.exitCode === 0, seconds: (Date.now() - started) / 1000, exit: exitOf(o) };
  if (!live) {
    const output = o.stdall.trimEnd();
    const text = `── ${name}: ${outcome.exit} after ${outcome.seconds.toFixed(1)} s ──\n${output ? `${output}\n` : ''}`;
    if (outcome.ok) held.push(text);
    else {
      process.stdout.write(text);
      const lines = output.split('\n');
      failedTails.push(
        `── ${name} failed (${outcome.exit}); its last ${Math.min(lines.length, 60)} of ${lines.length} lines ──\n${lines.slice(-60).join('\n')}\n`,
      );
    }
  }
  return outcome;
}

async function main(): Promise<number> {
  const only = process.argv.indexOf('--only');
  const jestArgs = process.argv.slice(2).filter((_, i) => only < 0 || (i !== only - 2 && i !== only - 1));
  const chosen = new Set<StepName>(
    only > 0 ? ((process.argv[only + 1] ?? '').split(',') as StepName[]) : ['typecheck', 'lint', 'unit', 'live-moto'],
  );
  for (const n of chosen)
    if (!(n in scripts) || n === 'build') throw new Error(`--only: unknown step "${n}" (typecheck, lint, unit, live-moto)`);
  if ((chosen.has('unit') || chosen.has('live-moto')) && !distIsFresh(join(__dirname, '..'))) chosen.add('build');
  const started = Date.now();
  const want = (n: StepName): Promise<Outcome[]> =>
    chosen.has(n) ? step(n, n === 'unit', n === 'unit' ? jestArgs : []).then((o) => [o]) : Promise.resolve([]);
  // The build beside the type-check and the lint; jest once dist/ is built; live:moto once all three are done.
  const first = Promise.all([want('typecheck'), want('lint')]);
  const built = await want('build');
  const beside = first.then(async (done) => [...done.flat(), ...(await want('live-moto'))]);
  const outcomes = [...built, ...(await want('unit')), ...(await beside)];
  for (const text of held) process.stdout.write(text);
  for (const text of failedTails) process.stdout.write(`\n${text}`);
  const mode = process.env.VMC_REACH_FULL === '1' ? 'full counts (VMC_REACH_FULL=1)' : 'quick counts (npm run test:full for the full ones)';
  process.stdout.write(
    `\n${outcomes.map((o) => `${o.ok ? '✓' : '✗'} ${o.name.padEnd(10)} ${o.seconds.toFixed(1).padStart(6)} s  ${o.ok ? '' : o.exit}`.trimEnd()).join('\n')}\n`,
  );
  process.stdout.write(
    `${outcomes.every((o) => o.ok) ? 'all steps passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${mode}\n`,
  );
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

// Ctrl-C or a CI job's SIGTERM: pass it on to the steps, which tear down what they started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const p of running) void p.kill(signal).catch(() => undefined);
    process.exitCode = signal === 'SIGINT' ? 130 : 143;
  });
}

main().then(
  (code) => {
    process.exitCode ??= code;
  },
  (e: unknown) => {
    process.stderr.write(`test: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
