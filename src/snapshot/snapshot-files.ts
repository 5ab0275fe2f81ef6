// The snapshot folder on disk: read the files we know into a map (path relative to the folder → text),
// and write such a map back. Unknown files are neither read nor touched.
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { optionalFiles, prefixListEntriesDir, requiredFiles } from './layout';
import { SnapshotError } from './snapshot-error';
import { InputFileError, inputLimits, readTextFile } from './read-text-file';

const isNotFound = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'ENOENT';

async function readIfPresent(dir: string, file: string): Promise<string | undefined> {
  try {
    return await readTextFile(join(dir, file), { maxBytes: inputLimits.snapshotFileBytes });
  } catch (e) {
    if (e instanceof InputFileError) throw new SnapshotError(file, '', `${e.message.replace(join(dir, file), file)}.`);
    throw new SnapshotError(file, '', `${file} cannot be read: ${(e as Error).message}. Check that it is a readable file.`);
  }
}

async function prefixListEntryFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, prefixListEntriesDir))).filter((f) => f.endsWith('.json')).map((f) => `${prefixListEntriesDir}/${f}`);
  } catch (e) {
    if (isNotFound(e)) return [];
    throw e;
  }
}

/** Reads every known file of the snapshot folder that exists. */
export async function readSnapshotFiles(dir: string): Promise<Map<string, string>> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new SnapshotError(
      '.',
      '',
      `The snapshot folder ${dir} does not exist or is not a folder. Give the folder that holds manifest.json, aws/ and nsx/.`,
    );
  }
  const out = new Map<string, string>();
  for (const file of [...requiredFiles, ...optionalFiles, ...(await prefixListEntryFiles(dir))]) {
    const text = await readIfPresent(dir, file);
    if (text !== undefined) out.set(file, text);
  }
  return out;
}

/**
 * Writes `files` into `dir`, creating folders. Known snapshot files that `files` lacks (say, an optional
 * file a previous write left) are removed so the folder holds exactly this snapshot; others are left alone.
 */
export async function writeSnapshotFiles(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const stale of [...requiredFiles, ...optionalFiles, ...(await prefixListEntryFiles(dir))]) {
    if (!files.has(stale)) await rm(join(dir, stale), { force: true });
  }
  for (const [file, text] of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text, 'utf8');
  }
}
