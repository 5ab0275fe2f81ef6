// Rewrites every string of a JSON document (and drops keys) through callbacks that see the key path:
// the one traversal behind secret removal and scrubbing of snapshot files.
export type Visit = (value: string, key: string, path: readonly string[]) => string;

export function mapJson(value: unknown, visit: Visit, dropKey: (key: string) => boolean = () => false, path: string[] = []): unknown {
  if (typeof value === 'string') return visit(value, path[path.length - 1] ?? '', path);
  if (Array.isArray(value)) return value.map((v, i) => mapJson(v, visit, dropKey, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!dropKey(k)) out[k] = mapJson(v, visit, dropKey, [...path, k]);
    return out;
  }
  return value;
}

/** Each file parsed, rewritten and printed back the way the snapshot writer prints JSON. */
export function mapFiles(files: ReadonlyMap<string, string>, fn: (json: unknown, file: string) => unknown): Map<string, string> {
  return new Map([...files].map(([file, text]) => [file, `${JSON.stringify(fn(JSON.parse(text) as unknown, file), null, 2)}\n`]));
}
