// Where a run works: the user's project (scenarios/, vmc-reach.config.json, reports, ledgers), which is
// `--project <dir>` or the current folder; in a checkout of this repository run from a folder without
// scenarios/, the package's built-in scenarios (where the package is: src/package).
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../package/package-root';
import { UsageError } from './usage-error';

/** The project folder: `given` (must be a folder), else the current folder. */
export function projectRoot(given?: string, cwd: string = process.cwd()): string {
  if (given === undefined) return resolve(cwd);
  const dir = resolve(cwd, given);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--project ${given}: no such folder`);
  return dir;
}

/** Makes the project the working folder, so config, reports, ledgers and jest workers all resolve there. */
export function enterProject(given?: string): string {
  const root = projectRoot(given);
  if (root !== process.cwd()) process.chdir(root);
  return root;
}

/**
 * Where the scenarios are: the project's scenarios/ folder; in a checkout of vmc-reach run from a folder
 * without one (its tests, scripts), the repository's built-in scenarios, as before there were projects.
 */
export function scenarioRoot(project: string): string {
  if (existsSync(join(project, 'scenarios'))) return project;
  const pkg = packageRoot();
  return existsSync(join(pkg, 'scenarios')) ? pkg : project;
}
