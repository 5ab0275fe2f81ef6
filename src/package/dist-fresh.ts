// Where the package's own build stands: whether dist/ (`npm run build`) is at least as new as what it
// is built from: src/ and mocks/ (the rule bin/vmc-reach.cjs applies before it runs dist/ instead of
// bundling the sources at every start), and the build's own script and tsconfig. `npm test` builds first
// when it is not (scripts/test.ts), so the many CLI processes of the tests start from dist/; the
// packed-install test builds only when it is not.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of a file, or of the files under a folder; 0 when absent. */
function newest(path: string): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

export function distIsFresh(root: string): boolean {
  const stamp = newest(join(root, 'dist', '.build-stamp'));
  return stamp > 0 && ['src', 'mocks', 'scripts/build.ts', 'tsconfig.build.json'].every((p) => newest(join(root, p)) <= stamp);
}
