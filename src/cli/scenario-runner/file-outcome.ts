// What running one scenario file came to, as the runner's worker sends it to `vmc-reach run`: each
// scenario's probes (an error message when the expectation did not hold), and what stopped the file or
// its scenarios from running cleanly. The same pass/fail jest's tests gave, without jest.
import type { TopologyModel } from '../../report/evidence-pack/topology-model';

export interface ProbeOutcome {
  label: string;
  error?: string;
}

export interface ScenarioOutcomeSummary {
  title: string;
  /** The scenario could not run at all (configuration, target, preflight). */
  setupError?: string;
  probes: ProbeOutcome[];
  teardownError?: string;
  /**
   * The evidence pack's topology of the scenario's last discovered configuration, drawn in the worker
   * from the world it had read, so the main thread need not read the discovered files again.
   */
  topology?: TopologyModel;
}

export interface ScenarioFileOutcome {
  file: string;
  /** The file could not be loaded (a syntax or import error, a bad scenario definition, no scenario). */
  loadError?: string;
  scenarios: ScenarioOutcomeSummary[];
  /** The mock world could not start, or the run left it changed. */
  worldError?: string;
}

export const fileSucceeded = (o: ScenarioFileOutcome): boolean =>
  !o.loadError && !o.worldError && o.scenarios.every((s) => !s.setupError && !s.teardownError && s.probes.every((p) => !p.error));

/** The vmc-reach errors of a file (not probe results: those are in the matrix), one message each. */
export function fileErrors(o: ScenarioFileOutcome, shown: string): string[] {
  const errors: string[] = [];
  if (o.loadError) errors.push(`${shown} could not be loaded: ${o.loadError}`);
  for (const s of o.scenarios) {
    if (s.setupError) errors.push(`${shown}: scenario "${s.title}" could not run: ${s.setupError}`);
    if (s.teardownError) errors.push(`${shown}: scenario "${s.title}": ${s.teardownError}`);
  }
  if (o.worldError) errors.push(`${shown}: ${o.worldError}`);
  return errors;
}

/** Messages between `vmc-reach run` and a scenario worker. */
export type ToWorker =
  { type: 'compiled'; files: Record<string, string> } | { type: 'file'; file: string } | { type: 'stop'; signal: string } | { type: 'end' };
export type FromWorker = { type: 'ready' } | { type: 'done'; outcome: ScenarioFileOutcome };
