// The project a run works in, and which scenarios it uses.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../package/package-root';
import { projectRoot, scenarioRoot } from './project-root';

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

test("a project with scenarios/ runs its own; one without, in this checkout, the repository's", () => {
  expect(scenarioRoot(dir)).toBe(packageRoot());
  mkdirSync(join(dir, 'scenarios'));
  expect(scenarioRoot(dir)).toBe(dir);
});
