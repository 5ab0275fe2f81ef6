// Where the vmc-reach package's own files are: the folder holding its package.json (this repository in
// development, node_modules/vmc-reach when installed), found by walking up from this module. Robust to
// bundling, which changes `__dirname` to the bundle entry's folder. A leaf: every layer that needs the
// package's scripts, fixtures or bins imports it, and it imports nothing of the project.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repoRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'vmc-reach') return dir;
    if (dirname(dir) === dir) throw new Error(`no vmc-reach package.json above ${start}`);
  }
}

/** The installed vmc-reach package (or this repository in development). */
export const packageRoot = (): string => repoRoot();
