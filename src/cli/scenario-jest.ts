// How `vmc-reach run` asks jest for the scenarios: the package's jest preset (jest-preset.js) rooted at
// the project, so a run needs no jest.config of the user's (init writes one for plain `npx jest`). For
// this repository's built-in scenarios: the same preset with `vmc-reach` mapped to dist/ when the CLI
// runs compiled (no per-worker TypeScript transform of the harness), else the `scenarios` project of
// its jest.config.ts (the sources, through @swc/jest).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './project-root';

export function scenarioJestOptions(root: string): Record<string, unknown> {
  const pkg = packageRoot();
  const checkout = root === pkg && existsSync(join(root, 'jest.config.ts'));
  if (checkout && process.env.VMC_REACH_BUILT !== '1') return { selectProjects: ['scenarios'] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const preset = require(join(pkg, 'jest-preset.js')) as Record<string, unknown>;
  return { config: JSON.stringify({ ...preset, rootDir: root, ...(checkout ? { moduleNameMapper: { '^vmc-reach$': join(pkg, 'dist', 'src', 'index.js') } } : {}) }) };
}
