// Builds a child-process entry point (stop-runner.ts, cli-batch-entry.ts) once into one CommonJS file, so each of the many
// short child processes starts in node's time, not esbuild's. The file goes under node_modules/.cache,
// inside the repository, so packages resolve and repoRoot() finds the repository from the bundle.
import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot } from '../package/package-root';

export interface ChildBundle {
  file: string;
  env: Record<string, string>;
}

const built = new Map<string, ChildBundle>();

/** Builds `entry` once per process (later calls return the same bundle). */
export function bundleChild(entry = join(repoRoot(), 'src', 'reliability', 'stop-runner.ts')): ChildBundle {
  const done = built.get(entry);
  if (done) return done;
  const cache = join(repoRoot(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const file = join(mkdtempSync(join(cache, 'vmc-reach-child-')), basename(entry).replace(/\.ts$/, '.cjs'));
  buildSync({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    nodePaths: [join(repoRoot(), 'node_modules')],
  });
  const bundle = { file, env: { NODE_PATH: join(repoRoot(), 'node_modules'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } };
  built.set(entry, bundle);
  return bundle;
}
