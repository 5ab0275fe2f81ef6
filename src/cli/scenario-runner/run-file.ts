// One scenario file in a scenario worker: loads it (the scenarios it declares register, see
// src/harness/jest/scenario-registry.ts), starts the embedded mock around it (mock target), runs its
// scenarios one after the other as jest ran a file's, and checks the world for leftovers.
import { relative } from 'node:path';
import { collectScenarios, type RegisteredScenario } from '../../harness/jest/scenario-registry';
import { executeScenario, probeError, probeSteps, teardownError } from '../../harness/jest/scenario-execution';
import { endMockSession, leftoversError, startMockSession, type MockSession } from '../../../mocks/mock-session';
import { loadConfig } from '../../target/config/load-config';
import { mockWorldOptions } from '../../target/config/mock-world';
import { supplyMockSettings } from '../../target/target';
import type { ScenarioFileOutcome } from './file-outcome';
import { topologyOf, type TopologyModel } from '../../report/evidence-pack/topology-model';
import type { World } from '../../world';

interface CompileMessage {
  text: string;
  location?: { file: string; line: number; column: number } | null;
}

/**
 * The message of a load error: a compile error (esbuild's) as `line L:C: what`, else the message with
 * the first frame in the user's file when the stack has one.
 */
function loadErrorText(e: unknown, file: string): string {
  if (!(e instanceof Error)) return String(e);
  const compile = (e as { errors?: CompileMessage[] }).errors;
  if (Array.isArray(compile) && compile.length > 0) {
    return compile.map((m) => `${m.location ? `line ${m.location.line}:${m.location.column + 1}: ` : ''}${m.text}`).join('; ');
  }
  const frame = (e.stack ?? '').split('\n').find((l) => /^\s+at /.test(l) && l.includes(file));
  const where = frame && /([^\s()]+:\d+:\d+)\)?$/.exec(frame)?.[1];
  return where ? `${e.message} (at ${relative(process.cwd(), where)})` : e.message;
}

/** The topology, or none when it cannot be drawn (the report then reads the files and says why). */
function drawn(world: World): TopologyModel | undefined {
  try {
    return topologyOf(world);
  } catch {
    return undefined;
  }
}

export async function runScenarioFile(file: string, load: (file: string) => void): Promise<ScenarioFileOutcome> {
  const outcome: ScenarioFileOutcome = { file, scenarios: [] };
  let declared: RegisteredScenario[];
  try {
    declared = collectScenarios(file, load);
  } catch (e) {
    return { ...outcome, loadError: loadErrorText(e, file) };
  }
  if (declared.length === 0) return { ...outcome, loadError: "it declares no scenario (call scenario(title, body) from 'vmc-reach')" };
  let session: MockSession | undefined;
  try {
    const { config } = await loadConfig();
    if (config.target === 'mock') {
      session = await startMockSession(mockWorldOptions(config));
      supplyMockSettings(session.settings, session.target.transport);
    }
  } catch (e) {
    return { ...outcome, worldError: `the mock world could not start: ${(e as Error).message}` };
  }
  try {
    for (const { spec } of declared) {
      let world: World | undefined;
      const o = await executeScenario(spec, file, { onDiscovered: (w) => (world = w) });
      const topology = world ? drawn(world) : undefined;
      const setupError = o.setupError?.message;
      const teardown = teardownError(o)?.message;
      outcome.scenarios.push({
        title: spec.title,
        ...(setupError ? { setupError } : {}),
        probes: probeSteps(spec).map((p) => {
          const error = probeError(o, p.index)?.message;
          return { label: p.label, ...(error ? { error } : {}) };
        }),
        ...(teardown ? { teardownError: teardown } : {}),
        ...(topology ? { topology } : {}),
      });
    }
  } finally {
    supplyMockSettings(undefined);
    try {
      const error = leftoversError(await endMockSession(session, file))?.message;
      if (error) outcome.worldError = error;
    } catch (e) {
      outcome.worldError = `the mock world could not be checked: ${(e as Error).message}`;
    }
  }
  return outcome;
}
