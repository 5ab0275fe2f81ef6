// `scenario(title, body)` for scenarios/*.scenario.ts: declares the scenario with the DSL, runs it once
// (provision → steps → teardown) before its tests, and turns each probe into one jest test that passes
// when the probe's expectation held. The result goes to <report dir>/results/ for `vmc-reach run`.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { defineScenario, type ScenarioApi } from '../dsl/builder';
import { loadConfig } from '../config/load-config';
import { mockTargetSettings, resolveTarget } from '../target';
import { runScenario } from '../run/run-scenario';
import type { ScenarioResult } from '../results';
import { currentRunId } from './run-id';
import { planScenario } from '../run/plan';
import { preflightLive } from '../run/preflight';
import { createProgress, progressMode, type Progress } from '../../report/progress/progress';
import { scenarioStopSignal } from './stop-signal';

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** Progress on stderr: plain lines off a TTY, a compact status line on one (src/report/progress). */
function progressFor(title: string): Progress {
  if (process.env.VMC_REACH_QUIET === '1') return { line: () => undefined, done: () => undefined };
  return createProgress(process.stderr, title, progressMode());
}

/** The result of a scenario the run was stopped before: nothing was created, so nothing to tear down. */
function notStarted(title: string, runId: string, target: ScenarioResult['target'], file: string, signal: string): ScenarioResult {
  return { title, file, runId, target, startedAt: new Date().toISOString(), durationMs: 0, probes: [], changes: [], resources: [], teardown: { removed: 0, reverted: 0, failed: [] }, error: `Interrupted: not started (${signal}); nothing was created` };
}

export function scenario(title: string, body: (api: ScenarioApi) => void): void {
  const spec = defineScenario(title, body);
  const file = expect.getState().testPath ?? '';
  let result: ScenarioResult | undefined;
  let setupError: Error | undefined;

  const dryRun = process.env.VMC_REACH_DRY_RUN === '1';
  describe(title, () => {
    beforeAll(async () => {
      if (dryRun) {
        process.stdout.write(`${planScenario(spec).join('\n')}\n`);
        // Live: what the run would fail on, found now (VMs, their SSM nodes, CGW blocks already allowed).
        if (process.env.VMC_REACH_TARGET === 'live') {
          try {
            const checked = await preflightLive(spec, resolveTarget((await loadConfig()).config));
            process.stdout.write(`${checked.resolved.map((r) => `  resolved: ${r.what} = ${r.value}\n`).join('')}${checked.problems.map((p) => `  PREFLIGHT: ${p}\n`).join('')}`);
            if (checked.problems.length) setupError = new Error(`the live run would fail: ${checked.problems.join('; ')}`);
          } catch (e) {
            setupError = e as Error;
          }
        }
        return;
      }
      try {
        const { config } = await loadConfig();
        // Mock mode: the mock's own settings only (the environment's endpoints and ids are never read).
        const settings = config.target === 'mock' ? mockTargetSettings(config) : resolveTarget(config);
        const runId = `${currentRunId()}-${slug(basename(file, '.scenario.ts')).slice(0, 20)}`;
        const progress = progressFor(title);
        try {
          // Ctrl-C or a CI job's SIGTERM: finish the call in flight, start nothing new, tear down. The
          // signal comes from the test environment (scenario-environment.ts): jest's sandboxed `process`
          // never sees a real signal. Outside that environment, the sandbox's own is the best there is.
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
              : await runScenario(spec, { runId, settings, root: process.cwd(), log: (l) => progress.line(l), file, signal });
          } finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
          }
        } finally {
          progress.done();
        }
        const dir = join(process.env.VMC_REACH_REPORT_DIR ?? config.reportDir, 'results');
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, `${slug(title)}.json`), `${JSON.stringify(result, null, 2)}\n`);
      } catch (e) {
        setupError = e as Error;
      }
    }, 60 * 60_000);

    spec.steps.forEach((step, index) => {
      if (step.type !== 'probe') return;
      const probeIndex = spec.steps.slice(0, index).filter((s) => s.type === 'probe').length;
      test(step.label, () => {
        if (dryRun && !setupError) return; // the plan was printed; nothing ran
        if (setupError) throw setupError;
        if (setupError) throw setupError;
        if (result?.error) throw new Error(`the scenario could not run: ${result.error}`);
        const record = result!.probes[probeIndex];
        if (!record) throw new Error('the probe did not run (an earlier step failed)');
        if (record.outcome !== 'passed') throw new Error(`${record.outcome}: ${record.reasons.join('; ')}`);
      });
    });

    afterAll(() => {
      const failed = result?.teardown.failed ?? [];
      if (failed.length > 0) throw new Error(`teardown left ${failed.length} resource(s): ${failed.map((f) => `${f.type} ${f.id ?? ''}: ${f.error}`).join('; ')}`);
    });
  });
}
