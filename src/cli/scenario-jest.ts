// How `vmc-reach run` asks jest for the scenarios: in this repository, the `scenarios` project of its
// jest.config.ts; in a user's project, the package's jest preset (jest-preset.js) rooted at the project,
// so a run needs no jest.config of the user's (init writes one for plain `npx jest`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './project-root';

export function scenarioJestOptions(root: string): Record<string, unknown> {
  const pkg = packageRoot();
  if (root === pkg && existsSync(join(root, 'jest.config.ts'))) return { selectProjects: ['scenarios'] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const preset = require(join(pkg, 'jest-preset.js')) as Record<string, unknown>;
  return { config: JSON.stringify({ ...preset, rootDir: root }) };
}
