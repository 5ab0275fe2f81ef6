// The signal test of the real `vmc-reach run` process: the CLI (bin/vmc-reach.cjs) runs the article
// scenario on the embedded mock in a fresh working folder, with plain progress lines on stderr; when the
// line naming a step appears, it gets SIGINT or SIGTERM. Then what the run left: the exit code, the
// mock's own world check (<report>/world-checks), the ledger (every created or changed entry must be
// removed), and whether the report says what was torn down (results JSON, JUnit, the stop summary).
// With a served world, the same against `vmc-reach run --target live` (the live code path through the
// served mock's endpoints), the world checked by this process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../package/package-root';
import type { LedgerFile } from '../target/ledger';
import type { ScenarioResult } from '../target/results';
import { harnessWorldDir, type ServedWorld } from './served-world';
import { checkWorld } from './world-check';

export type CliStopSignal = 'SIGINT' | 'SIGTERM';

export interface CliSignalPoint {
  signal: CliStopSignal;
  /** The progress text the signal was sent on. */
  at: string;
  sent: boolean;
  exitCode: number | null;
  exitSignal: string | null;
  /** The mock's world check after the run (undefined: it did not run). */
  leftovers: string[] | undefined;
  /** Ledger entries the run created or changed and did not remove. */
  ledgerLeft: string[];
  /** Removed + reverted, as the results JSON reports them, and the ledger's created/changed count. */
  tornDown: { reported: number; owned: number };
  /** The JUnit names the teardown and stderr has the stop summary. */
  reportSaysTornDown: boolean;
  stderr: string;
}

export interface CliRun {
  code: number | null;
  signal: string | null;
  stderr: string;
  sent: boolean;
}

/**
 * Runs `vmc-reach run --scenario article` in `cwd` and sends `signal` when a stderr line contains `at`
 * (never, if `at` is undefined): on the embedded mock, or with `live` against a served world.
 */
export function runCliArticle(cwd: string, at: string | undefined, signal: CliStopSignal, live?: ServedWorld): Promise<CliRun> {
  writeFileSync(
    join(cwd, 'c.json'),
    JSON.stringify(live ? { live: { instanceProfile: 'AmazonSSMRoleForInstancesQuickSetup' } } : { mock: { world: harnessWorldDir } }),
  );
  return new Promise((resolve, reject) => {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      VMC_REACH_PROGRESS: 'plain',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...(live ? live.env : {}),
    };
    const args = ['run', '--config', 'c.json', '--scenario', 'article', '--report-dir', 'report', ...(live ? ['--target', 'live'] : [])];
    const child = spawn(process.execPath, [join(repoRoot(), 'bin', 'vmc-reach.cjs'), ...args], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!sent && at !== undefined && stderr.split('\n').some((l) => l.includes(at))) {
        sent = true;
        child.kill(signal);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr, sent });
    });
  });
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const jsonFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(dir, f))
    : [];

export async function cliSignalPoint(signal: CliStopSignal, at: string, live?: ServedWorld): Promise<CliSignalPoint> {
  const cwd = mkdtempSync(join(tmpdir(), 'vmc-reach-cli-signal-'));
  try {
    return await signalPointIn(cwd, signal, at, live);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** The run stopped by `signal` at `at`, in `cwd`, read back from its report, ledgers and world. */
async function signalPointIn(cwd: string, signal: CliStopSignal, at: string, live?: ServedWorld): Promise<CliSignalPoint> {
  const r = await runCliArticle(cwd, at, signal, live);
  const checks = live
    ? [{ leftovers: checkWorld(live.world, live.before).leaks }]
    : jsonFiles(join(cwd, 'report', 'world-checks')).map((f) => readJson<{ leftovers: string[] }>(f));
  const ledgers = jsonFiles(join(cwd, '.vmc-reach', 'runs')).map((f) => readJson<LedgerFile>(f));
  const owned = ledgers.flatMap((l) => l.entries.filter((e) => e.action !== 'adopted'));
  const results = jsonFiles(join(cwd, 'report', 'results')).map((f) => readJson<ScenarioResult>(f));
  const junit = existsSync(join(cwd, 'report', 'junit.xml')) ? readFileSync(join(cwd, 'report', 'junit.xml'), 'utf8') : '';
  const reported = results.reduce((n, x) => n + x.teardown.removed + x.teardown.reverted, 0);
  return {
    signal,
    at,
    sent: r.sent,
    exitCode: r.code,
    exitSignal: r.signal,
    leftovers: checks.length ? checks.flatMap((c) => c.leftovers) : undefined,
    ledgerLeft: owned.filter((e) => e.state !== 'removed').map((e) => `${e.type} ${e.id ?? e.name ?? ''} ${e.state}`),
    tornDown: { reported, owned: owned.length },
    reportSaysTornDown:
      results.length > 0 &&
      new RegExp(`name="teardown" value="removed \\d+, reverted \\d+, failed 0"`).test(junit) &&
      r.stderr.includes(`stopped by ${signal}`),
    stderr: r.stderr,
  };
}

/** The step lines of a clean run's progress, after the banner (before any scenario): the signal points of the full matrix. */
export async function articleProgressLines(): Promise<string[]> {
  const cwd = mkdtempSync(join(tmpdir(), 'vmc-reach-cli-clean-'));
  const r = await runCliArticle(cwd, undefined, 'SIGINT').finally(() => rmSync(cwd, { recursive: true, force: true }));
  if (r.code !== 0) throw new Error(`the clean CLI run exited ${r.code}:\n${r.stderr}`);
  // Each line up to its first id (run ids and resource ids differ between runs), once.
  const cut = (l: string): string => l.split(/ \(|\S*vr-\d{6}|\b(?:i|sg|sgr|subnet|eni|vpc|rtb|acl)-[0-9a-f]{8,}/)[0]!.trimEnd();
  return [
    'vmc-reach run ',
    ...new Set(
      r.stderr
        .split('\n')
        .filter((l) => l.startsWith('[vmc-reach] '))
        .map((l) => cut(l.slice('[vmc-reach] '.length))),
    ),
  ];
}

/** A point passed: sent, exit 130/143 by itself, nothing left in the world or the ledger, and the report says what was torn down. */
export const cliPointOk = (p: CliSignalPoint): boolean =>
  p.sent &&
  p.exitSignal === null &&
  p.exitCode === (p.signal === 'SIGINT' ? 130 : 143) &&
  p.leftovers !== undefined &&
  p.leftovers.length === 0 &&
  p.ledgerLeft.length === 0 &&
  p.tornDown.reported === p.tornDown.owned &&
  p.reportSaysTornDown;
