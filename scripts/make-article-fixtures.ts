// Writes the article's worlds (src/world/test-support/article-worlds.ts, test support) as snapshots into fixtures/snapshots/<name>.
// Run: node bin/run-ts.cjs scripts/make-article-fixtures.ts   (a test checks the fixtures match this output)
import { join, resolve } from 'node:path';
import { writeSnapshot } from '../src/snapshot';
import { articleSnapshots } from '../src/world/test-support';

const root = resolve(__dirname, '..', 'fixtures', 'snapshots');

(async () => {
  for (const s of articleSnapshots) {
    const dir = await writeSnapshot(s.build(), join(root, s.name), { description: s.description });
    process.stdout.write(`wrote ${dir}\n`);
  }
})().catch((e: unknown) => {
  process.stderr.write(`make-article-fixtures: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
