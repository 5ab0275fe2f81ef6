// `vmc-reach nightly`: one `vmc-reach run` (live by default) in its own process, its report (junit.xml,
// evidence.html when the run writes one, the per-scenario results) moved into `<out>/<YYYY-MM-DD>-<run-id>/`
// with a manifest.json, compared with the previous night's manifest. A regression (a probe failing that
// passed or did not exist before), a run without results, or teardown leftovers make the exit non-zero.
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ScenarioResult } from '../../target/results';
import { compare, probesOf, renderComparison, type NightlyManifest } from './manifest';
import { folderName, previousManifest } from './history';

export interface NightlyOptions {
  out: string;
  target: 'mock' | 'live';
  scenario?: string;
  config?: string;
  shard?: string;
  /** The vmc-reach entry point to run (bin/vmc-reach.cjs). */
  bin: string;
}

export interface NightlyIo {
  out(text: string): void;
  err(text: string): void;
}

/** Runs `vmc-reach run`, passing its output through, and returns its exit code and run id. */
function runOnce(o: NightlyOptions, reportDir: string, io: NightlyIo): Promise<{ code: number; runId?: string }> {
  const args = [
    'run',
    '--target',
    o.target,
    '--report-dir',
    reportDir,
    ...(o.scenario ? ['--scenario', o.scenario] : []),
    ...(o.config ? ['--config', o.config] : []),
    ...(o.shard ? ['--shard', o.shard] : []),
  ];
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [o.bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let runId: string | undefined;
    child.stdout.on('data', (d: Buffer) => io.out(d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      runId ??= /vmc-reach run (vr-[\w-]+):/.exec(text)?.[1];
      io.err(text);
    });
    child.on('error', failed);
    child.on('close', (code) => done({ code: code ?? 1, ...(runId ? { runId } : {}) }));
  });
}

async function readResults(dir: string): Promise<ScenarioResult[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as ScenarioResult));
}

export async function runNightly(o: NightlyOptions, io: NightlyIo): Promise<{ manifest: NightlyManifest; dir: string }> {
  const out = resolve(o.out);
  await mkdir(out, { recursive: true });
  const partial = join(out, `.partial-${process.pid}-${Date.now()}`);
  const startedAt = new Date().toISOString();
  const run = await runOnce(o, partial, io);
  const results = await readResults(join(partial, 'results'));
  const runId = run.runId ?? results[0]?.runId ?? `unknown-${startedAt.replace(/[^0-9]/g, '').slice(0, 14)}`;
  const folder = folderName(runId);
  const dir = join(out, folder);
  await rm(dir, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  await rename(partial, dir);
  const probes = probesOf(results);
  const previous = await previousManifest(out, o.shard, folder);
  const comparison = compare(probes, previous);
  const teardownFailures = results.reduce((n, r) => n + r.teardown.failed.length, 0);
  const manifest: NightlyManifest = {
    runId,
    folder,
    target: o.target,
    ...(o.shard ? { shard: o.shard } : {}),
    startedAt,
    finishedAt: new Date().toISOString(),
    runExitCode: run.code,
    teardownFailures,
    probes,
    comparison,
    regression: comparison.newFailures.length > 0 || probes.length === 0 || teardownFailures > 0,
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const files = (await readdir(dir)).filter((f) => /\.(xml|html)$/.test(f));
  io.out(`\nnightly ${runId}: ${dir} (${[...files, 'manifest.json'].join(', ')})\n${renderComparison(comparison)}\n`);
  if (probes.length === 0) io.out('the run produced no probe results: treated as a regression\n');
  if (teardownFailures > 0) io.out(`teardown left ${teardownFailures} resource(s) behind: treated as a regression; see vmc-reach reap\n`);
  io.out(manifest.regression ? 'REGRESSION\n' : 'no regression\n');
  return { manifest, dir };
}
