// Builds a child-process entry point (stop-runner.ts) once into one CommonJS file, so each of the many
// short child processes of the signal matrix starts in node's time, not esbuild's. Packages stay
// external and resolve from the repository's node_modules (NODE_PATH).
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../cli/repo-root';

export interface ChildBundle {
  file: string;
  env: Record<string, string>;
}

export function bundleChild(entry = join(repoRoot(), 'src', 'reliability', 'stop-runner.ts')): ChildBundle {
  const file = join(mkdtempSync(join(tmpdir(), 'vmc-reach-child-')), 'stop-runner.cjs');
  buildSync({ entryPoints: [entry], outfile: file, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'silent', nodePaths: [join(repoRoot(), 'node_modules')] });
  return { file, env: { NODE_PATH: join(repoRoot(), 'node_modules'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } };
}
