// Where `scenario()` puts what it declares when no jest runs it: `vmc-reach run`'s in-process runner
// sets a registry (on the real global, so a second copy of this module finds the same one), loads a
// scenario file, and runs what the file registered. Under jest no registry is set, and `scenario()`
// declares jest tests as before.
import type { ScenarioSpec } from '../dsl/spec';

export interface RegisteredScenario {
  spec: ScenarioSpec;
  file: string;
}

export interface ScenarioRegistry {
  /** The scenario file being loaded. */
  file: string;
  scenarios: RegisteredScenario[];
}

const key = Symbol.for('vmc-reach.scenario-registry');

/** The registry the runner set, if any. */
export function activeRegistry(): ScenarioRegistry | undefined {
  return (globalThis as Record<symbol, ScenarioRegistry | undefined>)[key];
}

/** Loads one scenario file with a registry set, and returns what it declared. */
export function collectScenarios(file: string, load: (file: string) => void): RegisteredScenario[] {
  const registry: ScenarioRegistry = { file, scenarios: [] };
  const global = globalThis as Record<symbol, ScenarioRegistry | undefined>;
  global[key] = registry;
  try {
    load(file);
  } finally {
    delete global[key];
  }
  return registry.scenarios;
}
