// `npm run build`: compiles src/ and mocks/ to dist/ (CommonJS, one .js + source map per .ts, no
// bundling) with esbuild for the public API and the jest preset, bundles the CLI (dist/cli.js) and the
// scenario worker of `vmc-reach run` (dist/scenario-worker.js), copies their JSON data, and emits the public API's declarations (.d.ts) with
// TypeScript 7's tsc -p tsconfig.build.json. esbuild writes the JS because the sources are written for
// `module: preserve` (extensionless imports, JSON imports), from which tsc emits no CommonJS.
// It builds into a fresh folder and swaps it in, so a CLI started meanwhile never sees half a dist/.
import { build, type BuildOptions } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
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
  // Tests and their support (test-support/ folders) are not part of the package.
  const sources = files.filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts') && !f.includes(`${sep}test-support${sep}`),
  );
  await build({
    entryPoints: sources,
    outdir: out,
    outbase: root,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // import() of a sibling module becomes require(): CommonJS has no extension-less ES module resolution.
    supported: { 'dynamic-import': false },
  });
  // The CLI and the scenario worker as one bundle each, so a command loads one file instead of hundreds
  // of modules. The CLI bundles the small libraries every command needs (commander, zod, ipaddr.js) and
  // leaves those of some commands only (the AWS SDK, msw) in node_modules, loaded when used; the scenario
  // worker, which uses them all, bundles them too (tree-shaken: e.g. no graphql, no zod locales).
  // Not minified, so stack traces read well without the source maps, which the bins load only with
  // VMC_REACH_SOURCE_MAPS=1 (parsing them costs more memory and time than loading the code).
  const bundle = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
    supported: { 'dynamic-import': false },
  } satisfies BuildOptions;
  const notBundled = ['esbuild', 'jest', '@jest/*', 'jest-*', 'testcontainers', 'dockerode', 'playwright-core'];
  await build({
    ...bundle,
    entryPoints: { cli: join(root, 'src', 'cli', 'main.ts') },
    outdir: out,
    external: [...notBundled, '@aws-sdk/*', '@smithy/*', 'msw', 'msw/*', 'fast-xml-parser'],
  });
  await build({
    ...bundle,
    entryPoints: { 'scenario-worker': join(root, 'src', 'cli', 'scenario-runner', 'worker.ts') },
    outdir: out,
    external: notBundled,
  });
  for (const f of files.filter((f) => f.endsWith('.json'))) {
    const to = join(out, relative(root, f));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(f, to);
  }
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript7', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out],
    {
      stdio: 'inherit',
    },
  );
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
