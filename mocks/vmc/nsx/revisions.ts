// `_revision` on PATCH: NSX takes PATCH without it (create-or-merge), but a PATCH that carries a
// `_revision` must carry the current one, as a PUT must (412 otherwise).
import { nsxError } from '../../../src/world';

export function checkPatchRevision(existing: { revision: number; path: string } | undefined, revision: number | undefined): void {
  if (existing === undefined || revision === undefined || revision === existing.revision) return;
  throw nsxError(
    604,
    `The object ${existing.path} was modified by somebody else (revision ${revision}, current ${existing.revision}). Refetch and retry.`,
    412,
  );
}
