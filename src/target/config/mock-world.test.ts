// Which mock world a run serves and how: the project's copy of the world when it has one, else the
// package's; `vmc-reach run`'s variables over the config's `mock` section.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../package/package-root';
import { configSchema } from './schema';
import { mockWorldDir, mockWorldOptions } from './mock-world';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vmc-reach-mock-world-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("the config's mock world is the project's when the project has it", () => {
  mkdirSync(join(dir, 'fixtures', 'snapshots', 'harness-before-runs'), { recursive: true });
  expect(mockWorldDir('fixtures/snapshots/harness-before-runs', dir)).toBe(join(dir, 'fixtures', 'snapshots', 'harness-before-runs'));
});

test("the default mock world falls back to the package's own copy", () => {
  expect(mockWorldDir('fixtures/snapshots/harness-before-runs', dir)).toBe(
    join(packageRoot(), 'fixtures', 'snapshots', 'harness-before-runs'),
  );
});

test('the world named by VMC_REACH_MOCK_WORLD wins over the config, and the lab runs the commands when asked', () => {
  const o = mockWorldOptions(configSchema.parse({}), {
    VMC_REACH_MOCK_WORLD: join(dir, 'w'),
    VMC_REACH_DATAPLANE: 'lab',
    VMC_REACH_LAB_BACKEND: 'container',
  });
  expect(o).toMatchObject({ worldDir: join(dir, 'w'), dataplane: 'lab', labBackend: 'container' });
});

test('the realistic latency is divided by VMC_REACH_LATENCY_SCALE; without variables the model answers', () => {
  const o = mockWorldOptions(configSchema.parse({ mock: { latency: 'realistic' } }), { VMC_REACH_LATENCY_SCALE: '1000' });
  expect(o).toMatchObject({ dataplane: 'model', labBackend: 'netns', latency: { timeScale: 1000, instanceBootMs: 15 } });
});
