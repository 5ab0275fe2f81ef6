// Building blocks of the NSX Policy API's JSON shared by the NSX shapes: tags, list results, IP checks.
// Objects are loose: fields the model does not keep are accepted and ignored, so real exports load.
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import type { NsxTag } from '../../world';

/** NSX `tags`: `[{scope, tag}]` (scope may be absent). */
export const nsxTagsSchema = z.array(z.looseObject({ scope: z.string().default(''), tag: z.string() })).default([]);

/** An NSX list response: `{results: [...], result_count}`. */
export const nsxListSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ results: z.array(item), result_count: z.number().int().optional() });

export const tagsFromJson = (tags: readonly { scope: string; tag: string }[]): NsxTag[] =>
  tags.map((t) => ({ scope: t.scope, tag: t.tag }));

/** NSX `tags`; `undefined` (left out) when there are none. */
export const tagsJson = (tags: readonly NsxTag[]): { scope: string; tag: string }[] | undefined =>
  tags.length === 0 ? undefined : tags.map((t) => ({ scope: t.scope, tag: t.tag }));

/** `{results, result_count}` as NSX answers a list. */
export const listJson = <T>(results: T[]): { results: T[]; result_count: number } => ({ results, result_count: results.length });

/** `/a/b/segments/x` → `/a/b`: the `parent_path` NSX prints beside `path`. */
export const parentPath = (path: string): string => path.split('/').slice(0, -2).join('/');

/** An IPv6 address (any textual form). */
export const isIpv6 = (s: string): boolean => ipaddr.IPv6.isValid(s) && s.includes(':');

/** An IPv6 CIDR such as `2001:db8::1/64`. */
export function isIpv6Cidr(s: string): boolean {
  const [addr, len, ...rest] = s.split('/');
  return rest.length === 0 && isIpv6(addr ?? '') && /^\d{1,3}$/.test(len ?? '') && Number(len) <= 128;
}

/** The network of an IPv6 gateway CIDR (`2001:db8::1/64` → `2001:db8::/64`). */
export function ipv6Network(cidr: string): string {
  const [addr, len] = ipaddr.IPv6.parseCIDR(cidr);
  const bytes = addr.toByteArray();
  for (let bit = len; bit < 128; bit++) bytes[bit >> 3]! &= ~(0x80 >> (bit & 7));
  return `${ipaddr.fromByteArray(bytes).toString()}/${len}`;
}
