// Where a run works: the user's project (scenarios/, vmc-reach.config.json, reports, ledgers), which is
// `--project <dir>` or the nearest folder above the current one holding a package.json; and where the
// package itself is installed (its default mock world), which is never searched for the user's files.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { repoRoot } from './repo-root';
import { UsageError } from './usage-error';

/** The installed vmc-reach package (or this repository in development). */
export const packageRoot = (): string => repoRoot();

/** The project folder: `given` (must be a folder), else the nearest ancestor of `cwd` with a package.json, else `cwd`. */
export function projectRoot(given?: string, cwd: string = process.cwd()): string {
  if (given !== undefined) {
    const dir = resolve(cwd, given);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--project ${given}: no such folder`);
    return dir;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** Makes the project the working folder, so config, reports, ledgers and jest workers all resolve there. */
export function enterProject(given?: string): string {
  const root = projectRoot(given);
  if (root !== process.cwd()) process.chdir(root);
  return root;
}

/** The mock world folder: as the config names it (relative to `cwd`), else the package's own copy. */
export function mockWorldDir(world: string, cwd: string = process.cwd()): string {
  const own = resolve(cwd, world);
  if (isAbsolute(world) || existsSync(own)) return own;
  const packaged = join(packageRoot(), world);
  return existsSync(packaged) ? packaged : own;
}
