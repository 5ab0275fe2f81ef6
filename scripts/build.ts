// `npm run build`: compiles src/ and mocks/ to dist/ (CommonJS, one .js + source map per .ts, no
// bundling) with esbuild, copies their JSON data, and emits the public API's declarations (.d.ts) with
// tsc -p tsconfig.build.json. esbuild writes the JS because the sources are written for
// `module: preserve` (extensionless imports, JSON imports), from which tsc emits no CommonJS.
// It builds into a fresh folder and swaps it in, so a CLI started meanwhile never sees half a dist/.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = join(__dirname, '..');
const dist = join(root, 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

async function main(): Promise<void> {
  const started = Date.now();
  const out = `${dist}.building-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  const files = ['src', 'mocks'].flatMap((d) => walk(join(root, d)));
  const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  await build({ entryPoints: sources, outdir: out, outbase: root, bundle: false, format: 'cjs', platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning',
    // import() of a sibling module becomes require(): CommonJS has no extension-less ES module resolution.
    supported: { 'dynamic-import': false } });
  for (const f of files.filter((f) => f.endsWith('.json'))) {
    const to = join(out, relative(root, f));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(f, to);
  }
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
  writeFileSync(join(out, '.build-stamp'), `${new Date().toISOString()}\n`);
  const old = `${dist}.old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(out, dist);
  rmSync(old, { recursive: true, force: true });
  process.stdout.write(`dist/: ${sources.length} modules in ${Date.now() - started} ms\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`build failed: ${e.message}\n`);
  process.exitCode = 1;
});
