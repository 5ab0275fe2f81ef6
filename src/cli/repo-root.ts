// The repository's root folder (the one holding this package's package.json), found by walking up
// from this module. Robust to bundling, which changes `__dirname` to the bundle entry's folder.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repoRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'vmc-reach') return dir;
    if (dirname(dir) === dir) throw new Error(`no vmc-reach package.json above ${start}`);
  }
}
