// What one declared scenario does when it runs, whoever runs it (jest through `scenario()`, or the
// in-process runner of `vmc-reach run`): provision → steps → teardown once, the result written to
// <report dir>/results/, and the pass/fail of each probe and of the teardown, as errors or undefined.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ScenarioSpec } from '../dsl/spec';
import { loadConfig } from '../../target/config/load-config';
import { mockTargetSettings, resolveTarget } from '../../target/target';
import { runScenario, type RunScenarioOptions } from '../run/run-scenario';
import type { ScenarioResult } from '../../target/results';
import { currentRunId } from '../../target/run-id';
import { planScenario } from '../run/plan';
import { preflightLive } from '../run/preflight';
import { createProgress, progressMode, type Progress } from '../../report/progress/progress';
import { scenarioStopSignal } from './stop-signal';

export const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export interface ScenarioOutcome {
  result?: ScenarioResult;
  /** The scenario could not run at all (configuration, target, a preflight problem in a dry run). */
  setupError?: Error;
}

const isDryRun = (): boolean => process.env.VMC_REACH_DRY_RUN === '1';

/**
 * Progress on stderr: plain lines off a TTY, a compact status line on one (src/report/progress). Plain
 * lines name the scenario, since scenarios run in parallel and their lines interleave.
 */
function progressFor(title: string): Progress {
  if (process.env.VMC_REACH_QUIET === '1') return { line: () => undefined, done: () => undefined };
  const mode = progressMode();
  const progress = createProgress(process.stderr, title, mode);
  const plain = mode === 'plain' || (mode === 'auto' && !process.stderr.isTTY);
  return plain ? { line: (l) => progress.line(l.startsWith(`${title}: `) ? l : `${title}: ${l}`), done: () => progress.done() } : progress;
}

/** The result of a scenario the run was stopped before: nothing was created, so nothing to tear down. */
function notStarted(title: string, runId: string, target: ScenarioResult['target'], file: string, signal: string): ScenarioResult {
  return {
    title,
    file,
    runId,
    target,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    probes: [],
    changes: [],
    resources: [],
    teardown: { removed: 0, reverted: 0, failed: [] },
    error: `Interrupted: not started (${signal}); nothing was created`,
  };
}

/**
 * Runs the scenario once (or, in a dry run, prints its plan); never throws: failures are in the outcome.
 * `onDiscovered`: see RunScenarioOptions (the runner's workers use it; jest does not).
 */
export async function executeScenario(
  spec: ScenarioSpec,
  file: string,
  o: Pick<RunScenarioOptions, 'onDiscovered'> = {},
): Promise<ScenarioOutcome> {
  if (isDryRun()) {
    process.stdout.write(`${planScenario(spec).join('\n')}\n`);
    // Live: what the run would fail on, found now (VMs, their SSM nodes, CGW blocks already allowed).
    if (process.env.VMC_REACH_TARGET !== 'live') return {};
    try {
      const checked = await preflightLive(spec, resolveTarget((await loadConfig()).config));
      process.stdout.write(
        `${checked.resolved.map((r) => `  resolved: ${r.what} = ${r.value}\n`).join('')}${checked.problems.map((p) => `  PREFLIGHT: ${p}\n`).join('')}`,
      );
      return checked.problems.length ? { setupError: new Error(`the live run would fail: ${checked.problems.join('; ')}`) } : {};
    } catch (e) {
      return { setupError: e as Error };
    }
  }
  try {
    const { config } = await loadConfig();
    // Mock mode: the mock's own settings only (the environment's endpoints and ids are never read).
    const settings = config.target === 'mock' ? mockTargetSettings(config) : resolveTarget(config);
    const runId = `${currentRunId()}-${slug(basename(file, '.scenario.ts')).slice(0, 20)}`;
    const progress = progressFor(spec.title);
    let result: ScenarioResult;
    try {
      // Ctrl-C or a CI job's SIGTERM: finish the call in flight, start nothing new, tear down. The
      // signal comes from whoever runs the scenario (scenario-environment.ts under jest, the runner's
      // worker under `vmc-reach run`): a sandboxed `process` never sees a real signal. Without either,
      // the process's own signals are the best there is.
      const own = new AbortController();
      const onSignal = (sig: NodeJS.Signals): void => own.abort(sig);
      const signal = scenarioStopSignal() ?? own.signal;
      if (!scenarioStopSignal()) {
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
      }
      try {
        result = signal.aborted
          ? notStarted(spec.title, runId, settings.kind, file, String(signal.reason))
          : await runScenario(spec, { runId, settings, root: process.cwd(), log: (l) => progress.line(l), file, signal, ...o });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    } finally {
      progress.done();
    }
    const dir = join(process.env.VMC_REACH_REPORT_DIR ?? config.reportDir, 'results');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${slug(spec.title)}.json`), `${JSON.stringify(result, null, 2)}\n`);
    return { result };
  } catch (e) {
    return { setupError: e as Error };
  }
}

/** The scenario's probes, in order: each one test (jest) or one checked expectation (the runner). */
export function probeSteps(spec: ScenarioSpec): { label: string; index: number }[] {
  return spec.steps.filter((s) => s.type === 'probe').map((s, index) => ({ label: (s as { label: string }).label, index }));
}

/** Why the probe did not pass, or undefined when its expectation held (or, in a dry run, nothing ran). */
export function probeError(outcome: ScenarioOutcome, probeIndex: number): Error | undefined {
  if (outcome.setupError) return outcome.setupError;
  if (isDryRun()) return undefined; // the plan was printed; nothing ran
  if (outcome.result?.error) return new Error(`the scenario could not run: ${outcome.result.error}`);
  const record = outcome.result?.probes[probeIndex];
  if (!record) return new Error('the probe did not run (an earlier step failed)');
  if (record.outcome !== 'passed') return new Error(`${record.outcome}: ${record.reasons.join('; ')}`);
  return undefined;
}

/** What the teardown left behind, as an error, or undefined. */
export function teardownError(outcome: ScenarioOutcome): Error | undefined {
  const failed = outcome.result?.teardown.failed ?? [];
  return failed.length > 0
    ? new Error(`teardown left ${failed.length} resource(s): ${failed.map((f) => `${f.type} ${f.id ?? ''}: ${f.error}`).join('; ')}`)
    : undefined;
}
