// The fault matrix for one fault kind over every call index of the article's run (npm test); the
// full matrix, all six kinds, runs in `npm run reliability`. NotFound is the kind that found teardown
// bugs (a NotFound on a delete taken for "gone"), so it is the one kept here.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleSpec } from './article-spec';
import { faultMatrix } from './fault-matrix';

test('eventual-consistency NotFound at every call index: the fault fires, nothing leaks, the default SG is exact', async () => {
  const r = await faultMatrix(articleSpec(), { root: mkdtempSync(join(tmpdir(), 'vmc-reach-fm-')), faults: ['not-found'] });
  expect(r.cleanCalls.length).toBeGreaterThan(50);
  expect(r.points).toHaveLength(r.cleanCalls.length);
  const problems = r.points.filter((p) => !p.fired || p.leaks.length > 0 || !p.defaultSgRestored).map((p) => `#${p.index} ${p.call}: ${p.leaks.join('; ')}`);
  expect(problems).toEqual([]);
  // Not every point ends the same way: the matrix really disturbs the runs.
  expect(new Set(r.points.map((p) => p.outcome)).size).toBeGreaterThan(1);
}, 240_000);
