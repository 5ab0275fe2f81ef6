// distIsFresh: a build stamp newer than every source counts as fresh; no stamp, or a source edited after
// it (in src/, mocks/ or the build's own files), does not.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distIsFresh } from './dist-fresh';

let root: string;
const touch = (path: string, secondsAgo: number): void => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), '');
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(join(root, path), t, t);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vmc-reach-dist-fresh-'));
  for (const f of ['src/cli/main.ts', 'mocks/serve.ts', 'scripts/build.ts', 'tsconfig.build.json']) touch(f, 100);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('no build stamp: not fresh', () => {
  expect(distIsFresh(root)).toBe(false);
});

test('a stamp newer than every source: fresh', () => {
  touch('dist/.build-stamp', 10);
  expect(distIsFresh(root)).toBe(true);
});

test.each(['src/network/new-module.ts', 'mocks/aws/ec2/x.ts', 'scripts/build.ts', 'tsconfig.build.json'])(
  '%s edited after the build: not fresh',
  (file) => {
    touch('dist/.build-stamp', 10);
    touch(file, 0);
    expect(distIsFresh(root)).toBe(false);
  },
);
