// The run's console matrix: an indeterminate configuration verdict is shown as such, with what the data
// could not decide and the counts of the three verdict states.
import type { ScenarioResult } from '../target/results';
import { renderRunMatrix } from './console-matrix';
import { indeterminateProbe } from './test-support/probes';

const result: ScenarioResult = {
  title: 'l7',
  runId: 'r1',
  target: 'mock',
  startedAt: '2026-11-25T00:00:00.000Z',
  durationMs: 1000,
  probes: [indeterminateProbe()],
  changes: [],
  resources: [],
  teardown: { removed: 0, reverted: 0, failed: [] },
};

test('the verdict column says indeterminate and names the kind of missing data', () => {
  const row = renderRunMatrix([result])
    .split('\n')
    .find((l) => l.includes('l7 probe'));
  expect(row).toMatch(/reachable \(3\/3, model\)\s+indeterminate \(CONTEXT_PROFILE\)\s+PASS/);
});

test('each assumption is listed under the probe with what would settle it', () => {
  expect(renderRunMatrix([result])).toMatch(
    /cannot judge: the rule matches only traffic .* \(cgw at \S+web-l7, missing \/infra\/context-profiles\/HTTP\); to settle it: remove the profile/,
  );
});

test('the totals count the three verdict states', () => {
  expect(renderRunMatrix([result])).toContain('config verdicts: 0 reachable, 0 unreachable, 1 indeterminate');
});
