// The project a run works in, and which mock world and scenarios it uses.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockWorldDir, packageRoot, projectRoot, scenarioRoot } from './project-root';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vmc-reach-project-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('--project names the folder, relative to the current one', () => {
  mkdirSync(join(dir, 'checks'));
  expect(projectRoot('checks', dir)).toBe(join(dir, 'checks'));
});

test('without --project the project is the current folder', () => {
  expect(projectRoot(undefined, dir)).toBe(dir);
});

test('a --project that is not a folder is a usage error naming it', () => {
  expect(() => projectRoot('nowhere', dir)).toThrow('--project nowhere: no such folder');
});

test("the config's mock world is the project's when the project has it", () => {
  mkdirSync(join(dir, 'fixtures', 'snapshots', 'harness-before-runs'), { recursive: true });
  expect(mockWorldDir('fixtures/snapshots/harness-before-runs', dir)).toBe(join(dir, 'fixtures', 'snapshots', 'harness-before-runs'));
});

test("the default mock world falls back to the package's own copy", () => {
  expect(mockWorldDir('fixtures/snapshots/harness-before-runs', dir)).toBe(join(packageRoot(), 'fixtures', 'snapshots', 'harness-before-runs'));
});

test("a project with scenarios/ runs its own; one without, in this checkout, the repository's", () => {
  expect(scenarioRoot(dir)).toBe(packageRoot());
  mkdirSync(join(dir, 'scenarios'));
  expect(scenarioRoot(dir)).toBe(dir);
});
