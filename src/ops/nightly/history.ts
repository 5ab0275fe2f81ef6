// The nightly history on disk: one folder per run, `<out>/<YYYY-MM-DD>-<run-id>/`, each with its
// manifest.json; the previous run is the latest earlier manifest of the same shard.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runIdStartedAt } from '../run-id-time';
import type { NightlyManifest } from './manifest';

export const folderName = (runId: string, at: Date = runIdStartedAt(runId) ?? new Date()): string =>
  `${at.toISOString().slice(0, 10)}-${runId}`;

export async function previousManifest(out: string, shard: string | undefined, excluding: string): Promise<NightlyManifest | undefined> {
  const names = (await readdir(out).catch(() => [] as string[])).filter((n) => /^\d{4}-\d{2}-\d{2}-/.test(n) && n !== excluding);
  const manifests: NightlyManifest[] = [];
  for (const n of names) {
    const text = await readFile(join(out, n, 'manifest.json'), 'utf8').catch(() => undefined);
    if (!text) continue;
    try {
      const m = JSON.parse(text) as NightlyManifest;
      if (Array.isArray(m.probes) && m.shard === shard) manifests.push({ ...m, folder: n });
    } catch {
      // a damaged manifest is not history
    }
  }
  return manifests.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.folder.localeCompare(b.folder)).at(-1);
}
