// The fault matrix for one fault kind over the article's run: at every call index under `npm run
// test:full`, at the first call of each operation (every kind of call once) in `npm test`; the full
// matrix, all six kinds, runs in `npm run reliability`. NotFound is the kind that found teardown bugs
// (a NotFound on a delete taken for "gone"), so it is the one kept here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullRuns } from '../world/test-support/run-counts';
import { articleSpec } from './article-spec';
import { faultMatrix, firstOfEachOperation } from './fault-matrix';

const full = fullRuns();
const root = mkdtempSync(join(tmpdir(), 'vmc-reach-fm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test(
  `eventual-consistency NotFound at ${full ? 'every call index' : 'the first call of each operation'}: the fault fires, nothing leaks, the default SG is exact`,
  async () => {
    const r = await faultMatrix(articleSpec(), {
      root,
      faults: ['not-found'],
      ...(full ? {} : { at: firstOfEachOperation }),
    });
    expect(r.cleanCalls.length).toBeGreaterThan(50);
    const operations = new Set(r.cleanCalls.map((c) => `${c.service} ${c.operation}`));
    expect(r.points).toHaveLength(full ? r.cleanCalls.length : operations.size);
    expect(new Set(r.points.map((p) => p.call))).toEqual(operations);
    const problems = r.points
      .filter((p) => !p.fired || p.leaks.length > 0 || !p.defaultSgRestored)
      .map((p) => `#${p.index} ${p.call}: ${p.leaks.join('; ')}`);
    expect(problems).toEqual([]);
    // Not every point ends the same way: the matrix really disturbs the runs.
    expect(new Set(r.points.map((p) => p.outcome)).size).toBeGreaterThan(1);
  },
  full ? 600_000 : 240_000,
);
