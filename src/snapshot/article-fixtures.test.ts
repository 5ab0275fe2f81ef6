// The article fixtures committed in fixtures/snapshots/ are exactly what scripts/make-article-fixtures.ts
// writes today: the worlds are regenerated into a temporary folder and compared file by file.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { articleSnapshots, dumpWorld } from '../world/test-support';
import { writeSnapshot } from './write-snapshot';
import { loadSnapshot } from './load-snapshot';
import { snapshotView } from './test-support';

const fixturesRoot = resolve(__dirname, '..', '..', 'fixtures', 'snapshots');

async function folderContents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = await readFile(path, 'utf8');
  }
  return out;
}

describe('article fixtures', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'vmc-reach-fixtures-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it.each(articleSnapshots.map((s) => [s.name, s] as const))(
    'fixtures/snapshots/%s matches what the script generates now (run `node bin/run-ts.cjs scripts/make-article-fixtures.ts` if not)',
    async (name, s) => {
      const generated = await writeSnapshot(s.build(), join(tmp, name), { description: s.description });
      expect(await folderContents(join(fixturesRoot, name))).toEqual(await folderContents(generated));
    },
  );

  it.each(articleSnapshots.map((s) => [s.name, s] as const))(
    'fixtures/snapshots/%s loads into the world it was written from',
    async (name, s) => {
      const loaded = await loadSnapshot(join(fixturesRoot, name));
      expect(dumpWorld(loaded, snapshotView)).toEqual(dumpWorld(s.build(), snapshotView));
    },
  );
});
