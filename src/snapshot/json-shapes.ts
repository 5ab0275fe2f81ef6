// Small pieces of the services' JSON shared by the writers: file text, AWS and NSX tags, NSX list results.
import type { NsxTag, Tag } from '../world';

/** The text of a written file: 2-space JSON with a trailing newline; keys in the order the objects were built. */
export const fileText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** AWS `Tags`; `undefined` (so the key is left out, as the CLI does) when there are none. */
export const awsTagsJson = (tags: readonly Tag[]): { Key: string; Value: string }[] | undefined =>
  tags.length === 0 ? undefined : tags.map((t) => ({ Key: t.key, Value: t.value }));

/** NSX `tags`; left out when there are none. */
export const nsxTagsJson = (tags: readonly NsxTag[]): { scope: string; tag: string }[] | undefined =>
  tags.length === 0 ? undefined : tags.map((t) => ({ scope: t.scope, tag: t.tag }));

/** An NSX list response. */
export const nsxListJson = <T>(results: T[]): { results: T[]; result_count: number } => ({ results, result_count: results.length });

/** `/a/b/segments/x` → `/a/b`: the `parent_path` NSX prints beside `path`. */
export const parentPath = (path: string): string => path.split('/').slice(0, -2).join('/');
