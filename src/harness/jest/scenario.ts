// `scenario(title, body)` for scenarios/*.scenario.ts: declares the scenario with the DSL. Under jest
// (`npx jest` with the vmc-reach preset) it runs the scenario once (provision → steps → teardown) before
// its tests and turns each probe into one jest test that passes when the probe's expectation held.
// Under `vmc-reach run` it registers the scenario for the run's in-process runner, which does the same
// without jest (src/cli/scenario-runner). Either way the result goes to <report dir>/results/.
import { defineScenario, type ScenarioApi } from '../dsl/builder';
import { executeScenario, probeError, probeSteps, teardownError, type ScenarioOutcome } from './scenario-execution';
import { activeRegistry } from './scenario-registry';

type JestGlobals = typeof import('@jest/globals');

export function scenario(title: string, body: (api: ScenarioApi) => void): void {
  const spec = defineScenario(title, body);
  const registry = activeRegistry();
  if (registry) {
    registry.scenarios.push({ spec, file: registry.file });
    return;
  }
  // Loaded only under jest: @jest/globals throws anywhere else.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { afterAll, beforeAll, describe, expect, test } = require('@jest/globals') as JestGlobals;
  const file = expect.getState().testPath ?? '';
  let outcome: ScenarioOutcome = {};

  describe(title, () => {
    beforeAll(async () => {
      outcome = await executeScenario(spec, file);
    }, 60 * 60_000);

    for (const probe of probeSteps(spec)) {
      test(probe.label, () => {
        const error = probeError(outcome, probe.index);
        if (error) throw error;
      });
    }

    afterAll(() => {
      const error = teardownError(outcome);
      if (error) throw error;
    });
  });
}
