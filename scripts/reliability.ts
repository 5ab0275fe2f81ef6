// `npm run reliability`: the figures of issue 8. The fault matrix (every call index of the article's
// three cases × throttle, 5xx, timeout, NotFound, expired CSP token; in-process against served worlds),
// the signal matrix (every call index × SIGINT, SIGTERM, SIGKILL + reap; child processes; and SIGINT/SIGTERM
// to the real `vmc-reach run` at every step of its progress), foreign
// resources, canary secrets, the bad-input corpus and two concurrent runs. Prints the counts and the wall
// time, exits 1 on any leak, foreign change, secret sighting, unhandled signal or unanswered bad input.
// `--only faults,signals,foreign,secrets,bad-inputs,concurrency` runs a subset.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleSpec } from '../src/reliability/article-spec';
import { loadCases, runBadInput } from '../src/reliability/bad-inputs';
import { CliBatch } from '../src/reliability/cli-batch';
import { concurrencyCheck } from '../src/reliability/concurrency-check';
import { cleanCalls, faultMatrix } from '../src/reliability/fault-matrix';
import { foreignCheck } from '../src/reliability/foreign-check';
import { pool } from '../src/reliability/pool';
import { formatCliSignalFigures, formatFaultFigures, formatSignalFigures } from '../src/reliability/figures';
import { articleProgressLines, cliSignalPoint } from '../src/reliability/cli-signal-point';
import { secretsCheck } from '../src/reliability/secrets-check';
import { signalMatrix } from '../src/reliability/signal-matrix';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const parts = ['faults', 'signals', 'foreign', 'secrets', 'bad-inputs', 'concurrency'] as const;
const onlyArg = process.argv.indexOf('--only');
const only = new Set(onlyArg > 0 ? (process.argv[onlyArg + 1] ?? '').split(',') : parts);
const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const t0 = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'vmc-reach-reliability-'));
  out(`vmc-reach reliability (ledgers under ${root})`);
  let problems = 0;
  const spec = articleSpec();
  const calls = await cleanCalls(spec, root);
  out(`clean run of the article's three cases: ${calls.length} API calls`);
  if (only.has('faults')) {
    const r = await faultMatrix(spec, { root });
    const f = formatFaultFigures(r.points, r.wallMs);
    out(f.text);
    problems += f.problems;
  }
  if (only.has('signals')) {
    const r = await signalMatrix(calls, { root });
    const f = formatSignalFigures(r.points, r.wallMs);
    out(f.text);
    problems += f.problems;
    // The same signals to the real `vmc-reach run` process, at every step of its progress.
    const t = Date.now();
    const steps = await articleProgressLines();
    const cliPoints = await pool(
      (['SIGINT', 'SIGTERM'] as const).flatMap((signal) => steps.map((at) => ({ signal, at }))),
      2,
      ({ signal, at }) => cliSignalPoint(signal, at),
    );
    const c = formatCliSignalFigures(cliPoints, Date.now() - t);
    out(c.text);
    problems += c.problems;
  }
  if (only.has('foreign')) {
    const r = await foreignCheck(root, calls[Math.floor(calls.length / 2)]!);
    const bad = r.situations.filter((s) => s.changed.length || s.leaks.length);
    out(
      `foreign resources: ${r.resources} resources × ${r.situations.length} situations (${r.situations.map((s) => s.name).join(', ')}): ${r.situations.reduce((n, s) => n + s.changed.length, 0)} changed, ${r.situations.reduce((n, s) => n + s.leaks.length, 0)} leaks`,
    );
    for (const s of bad) out(`  ${s.name}: changed ${s.changed.join(', ') || '-'}; leaks ${s.leaks.join('; ') || '-'}`);
    problems += bad.length;
  }
  if (only.has('secrets')) {
    const r = await secretsCheck();
    out(
      `secrets: 3 canaries × ${r.placesChecked.length} places (stdout, stderr, JUnit, results JSON with the discovered snapshot, evidence pack, ledger, collected snapshot): ${r.sightings.length} sightings; run exit ${r.runExit}, collect exit ${r.collectExit}, ${r.leaks.length} leaks`,
    );
    for (const s of r.sightings) out(`  ${s}`);
    problems += r.sightings.length + r.leaks.length + (r.collectExit === 0 ? 0 : 1);
  }
  if (only.has('bad-inputs')) {
    const t = Date.now();
    const cases = await loadCases();
    const batch = new CliBatch();
    const rs = await pool(cases, 1, (c) => runBadInput(c, (args, o) => batch.run(args, o))).finally(() => batch.close());
    const failed = rs.filter((r) => !r.ok);
    out(
      `bad inputs: ${cases.length} cases, ${rs.length - failed.length} answered (exit 2, file and field or flag named, no stack, nothing created), ${failed.length} not (${((Date.now() - t) / 1000).toFixed(1)} s)`,
    );
    for (const r of failed) out(`  ${r.name}: ${r.problems.join('; ')}`);
    problems += failed.length;
  }
  if (only.has('concurrency')) {
    const r = await concurrencyCheck(root);
    const passed = r.concurrentRuns.filter((x) => x.passed).length;
    out(
      `concurrency: ${passed}/2 concurrent runs passed, ${r.leaksAfterRuns.length} leaks; 2 killed runs (${r.killed.map((k) => `${k.owned} resources`).join(', ')}) reaped one at a time: ${r.crossReaped.length} removed by the other's reap, ${r.leaksAfterReaps.length} leaks`,
    );
    problems += 2 - passed + r.leaksAfterRuns.length + r.crossReaped.length + r.leaksAfterReaps.length;
  }
  out(`wall time ${((Date.now() - t0) / 1000).toFixed(1)} s; ${problems === 0 ? 'no problem found' : `${problems} problem(s)`}`);
  return problems === 0 ? 0 : 1;
}

void main().then((code) => process.exit(code));
