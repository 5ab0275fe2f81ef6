// EC2 `Filter.N` semantics for every Describe operation: values of one filter are ORed, filters are
// ANDed, `*` and `?` are wildcards, `tag:<key>`, `tag-key` and `tag-value` work wherever the resource
// has tags. An operation declares the filters it knows; any other name is EC2's InvalidParameterValue
// naming the filter, never a silent match-all.
import { ec2Error, type Tag } from '../../../src/world';
import type { Filter } from '../protocols/query-params';

type Scalar = string | number | boolean | undefined | null;

/** Filter name → the values the resource has for it (a filter matches if any value matches). */
export type FilterTable<T> = Record<string, (item: T) => Scalar | readonly Scalar[]>;

const patternCache = new Map<string, RegExp>();

function matcher(value: string): (s: string) => boolean {
  if (!/[*?]/.test(value)) return (s) => s === value;
  let re = patternCache.get(value);
  if (!re) {
    const src = value.replace(/\\([*?])|([*?])|([.+^${}()|[\]\\])/g, (_m, escaped: string, wild: string, special: string) =>
      escaped ? `\\${escaped}` : wild ? (wild === '*' ? '.*' : '.') : `\\${special}`,
    );
    re = new RegExp(`^${src}$`, 's');
    if (patternCache.size > 1000) patternCache.clear();
    patternCache.set(value, re);
  }
  const r = re;
  return (s) => r.test(s);
}

const asStrings = (v: Scalar | readonly Scalar[]): string[] =>
  (Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar])
    .filter((x): x is string | number | boolean => x !== undefined && x !== null)
    .map(String);

/** Applies `filters` to `items`; `tagsOf` enables the tag filters. */
export function applyFilters<T>(
  items: readonly T[],
  filters: readonly Filter[],
  table: FilterTable<T>,
  tagsOf?: (item: T) => readonly Tag[],
): T[] {
  if (filters.length === 0) return [...items];
  const tests = filters.map((f) => {
    const matchers = f.values.map(matcher);
    const any = (values: string[]): boolean => values.some((v) => matchers.some((m) => m(v)));
    if (tagsOf && f.name.startsWith('tag:')) {
      const key = f.name.slice(4);
      return (item: T) =>
        any(
          tagsOf(item)
            .filter((t) => t.key === key)
            .map((t) => t.value),
        );
    }
    if (tagsOf && f.name === 'tag-key') return (item: T) => any(tagsOf(item).map((t) => t.key));
    if (tagsOf && f.name === 'tag-value') return (item: T) => any(tagsOf(item).map((t) => t.value));
    const get = Object.prototype.hasOwnProperty.call(table, f.name) ? table[f.name] : undefined;
    if (!get) throw ec2Error('InvalidParameterValue', `The filter '${f.name}' is invalid`);
    return (item: T) => any(asStrings(get(item)));
  });
  return items.filter((item) => tests.every((t) => t(item)));
}
