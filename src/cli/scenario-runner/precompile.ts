// The project's scenario TypeScript (every .ts under scenarios/), compiled to CommonJS ahead by
// esbuild's asynchronous API in the run's own thread, all files at once, while the workers load the
// harness: a worker then loads them without starting a compiler of its own. A file that does not compile
// is left out; the worker compiles it on load and reports the error as it would have.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../../package/package-root';

function tsFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory()
      ? e.name === 'node_modules'
        ? []
        : tsFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

export async function precompileScenarios(root: string): Promise<Record<string, string>> {
  const { transform } = await import('esbuild');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { transformOptions } = require(join(packageRoot(), 'bin', 'typescript-hook.cjs')) as { transformOptions: (file: string) => object };
  const out: Record<string, string> = {};
  await Promise.all(
    tsFiles(join(root, 'scenarios')).map(async (file) => {
      try {
        out[file] = (await transform(await readFile(file, 'utf8'), transformOptions(file))).code;
      } catch {
        // compiled (and its error reported) by the worker that loads it
      }
    }),
  );
  return out;
}
