// Which scenario files a run takes: every scenarios/**/*.scenario.ts of the project (the preset's
// testMatch; node_modules and .vmc-reach skipped), those whose path matches --scenario (a regular
// expression, as jest's testPathPatterns), and of those the --shard part, split as jest splits (by the
// SHA-1 of the path relative to the project), so a CI matrix's shards are the same as with jest.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '.vmc-reach' ? [] : walk(join(dir, e.name));
    return e.name.endsWith('.scenario.ts') ? [join(dir, e.name)] : [];
  });
}

/** Every scenario file of the project, sorted. */
export const allScenarioFiles = (root: string): string[] => walk(join(root, 'scenarios')).sort();

/** Start of part `index` (0-based) of `count` over `length` files: jest's split (the first parts take the rest). */
function shardPosition(index: number, count: number, length: number): number {
  let at = 0;
  for (let i = 0; i < index; i++) at += i < length % count ? Math.ceil(length / count) : Math.floor(length / count);
  return at;
}

/** The `i/n` part of `files` (as jest's default test sequencer shards). */
export function shardFiles(files: readonly string[], shard: string, root: string): string[] {
  const [i, n] = shard.split('/').map(Number) as [number, number];
  const hashed = files.map((file) => ({ file, hash: createHash('sha1').update(relative(root, file).split(sep).join('/')).digest('hex') }));
  hashed.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return hashed
    .slice(shardPosition(i - 1, n, files.length), shardPosition(i, n, files.length))
    .map((h) => h.file)
    .sort();
}

export function selectScenarioFiles(root: string, o: { pattern?: RegExp; shard?: string }): string[] {
  const matching = allScenarioFiles(root).filter((f) => !o.pattern || o.pattern.test(f));
  return o.shard ? shardFiles(matching, o.shard, root) : matching;
}
