// Case B as snapshot files to edit, and the error a load of edited files throws (test code only).
import { articleCaseB } from '../../world/test-support';
import { snapshotFiles } from '../write-snapshot';
import { worldFromSnapshotFiles } from '../load-snapshot';
import { SnapshotError } from '../snapshot-error';

/** Case B's snapshot files (path → text). */
export const caseBFiles = (): Map<string, string> => snapshotFiles(articleCaseB(), { description: 'case B' });

/** Parsed service JSON, which tests reach into and edit freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A copy of `files` with one file's JSON changed by `edit` (which may mutate it or return a replacement). */
export function editJson(files: ReadonlyMap<string, string>, file: string, edit: (json: Json) => unknown): Map<string, string> {
  const copy = new Map(files);
  const json = JSON.parse(copy.get(file)!);
  const replaced = edit(json);
  copy.set(file, `${JSON.stringify(replaced === undefined ? json : replaced, null, 2)}\n`);
  return copy;
}

/** The SnapshotError that loading `files` throws (fails the test when none is thrown). */
export function loadError(files: ReadonlyMap<string, string>): SnapshotError {
  try {
    worldFromSnapshotFiles(files);
  } catch (e) {
    if (e instanceof SnapshotError) return e;
    throw e;
  }
  throw new Error('expected the load to throw a SnapshotError, but it succeeded');
}
