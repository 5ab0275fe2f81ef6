// Jest's test order for this repository: jest's own (the slowest first by the durations it cached on
// earlier runs, the largest files first without them), except that on a machine with no cache (a clean
// clone, as in CI) the suites known to take the longest start first. Jest orders uncached files by size,
// which put a 100-second suite such as the packed install near the end, where it ran alone on one of the
// two workers and made the run wait for it.
'use strict';
const Sequencer = require('@jest/test-sequencer').default;

/** The longest suites of `npm test`, longest first (seconds in one worker beside the others, quick counts, 2026-12-04). */
const heavy = [
  'src/report/evidence-pack/browser.test.ts', // ~48
  'src/reliability/checks.test.ts', // ~40
  'src/cli/run-live-path.test.ts', // ~37
  'src/cli/packed-install.test.ts', // ~35 (66 when it starts beside the lint and the type-check)
  'mocks/aws/conformance/aws-cli.test.ts', // ~30
  'src/cli/run-lab.test.ts', // ~29
  'src/cli/run-lab-ports.test.ts', // ~20
  'src/reliability/fault-matrix.test.ts', // ~18
  'src/ops/nightly/nightly.test.ts', // ~16
  'src/ops/collect/collect.test.ts', // ~16
  'src/lab/oracle.test.ts', // ~14
  'src/reliability/cli-signal-point.test.ts', // ~10
];

class HeavyFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const cached = sorted.some((t) => this.time(t) !== undefined);
    if (cached) return sorted;
    const rank = (t) => {
      const i = heavy.findIndex((h) => t.path.endsWith(h));
      return i < 0 ? heavy.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b)); // stable: the rest keep jest's order
  }
}

module.exports = HeavyFirst;
