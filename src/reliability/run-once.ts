// One in-process run of a scenario against a served world (fresh unless given): runScenario with its
// ledger in `root`, then the world check. The unit of the fault matrix, the foreign-resource and the
// concurrency checks.
import type { FaultRule } from '../../mocks/faults';
import type { ScenarioSpec } from '../harness/dsl/spec';
import type { ScenarioResult } from '../target/results';
import { runScenario } from '../harness/run/run-scenario';
import { fastClock } from './fast-clock';
import { settingsFor } from './run-settings';
import { serveWorld, type ServedWorld } from './served-world';
import { checkWorld, type WorldCheck } from './world-check';

export interface RunOnceResult extends WorldCheck {
  result: ScenarioResult;
  calls: number;
  /** Calls that got the injected fault. */
  faulted: { index: number; service: string; operation: string; fault: string }[];
}

/** `requestTimeoutMs`: the AWS clients' per-attempt timeout (short in the fault matrix, so a held answer costs little). */
export async function runOnce(
  spec: ScenarioSpec,
  o: { runId: string; root: string; faults?: FaultRule[]; world?: ServedWorld; log?: (line: string) => void; requestTimeoutMs?: number },
): Promise<RunOnceResult> {
  const w = o.world ?? (await serveWorld({ faults: o.faults ?? [] }));
  try {
    const settings = settingsFor(w.env);
    if (o.requestTimeoutMs !== undefined) settings.aws = { ...settings.aws, requestTimeoutMs: o.requestTimeoutMs };
    const result = await runScenario(spec, {
      runId: o.runId,
      settings,
      root: o.root,
      clock: fastClock(),
      ...(o.log ? { log: o.log } : {}),
    });
    const faulted = w.ctx.faults.calls
      .filter((c) => c.fault)
      .map((c) => ({ index: c.index, service: c.service, operation: c.operation, fault: c.fault! }));
    return { result, calls: w.ctx.faults.calls.length, faulted, ...checkWorld(w.world, w.before) };
  } finally {
    if (!o.world) await w.close();
  }
}
