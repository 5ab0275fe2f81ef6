// The one error a snapshot load throws: it names the file (relative to the snapshot folder), the field
// inside it (`SecurityGroups[1].IpPermissions[0].IpRanges[0].CidrIp`, or '' for the whole file) and,
// in its message, what to do about it.

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  constructor(
    /** Path of the file relative to the snapshot folder, e.g. `aws/describe-instances.json`. */
    readonly file: string,
    /** Where in the file's JSON, e.g. `Reservations[0].Instances[1].SubnetId`; '' for the whole file. */
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isSnapshotError = (e: unknown): e is SnapshotError => e instanceof SnapshotError;

/** `['A', 0, 'B']` → `A[0].B`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A value as it appears in a message: JSON, cut short when long. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
