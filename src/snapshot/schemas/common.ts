// Building blocks shared by the file schemas: addresses, ids, AWS and NSX tags, NSX list results.
// Objects are loose: fields we do not model are accepted and ignored, so real exports load as they are.
import { isIP } from 'node:net';
import { z } from 'zod';
import { isIpv4, isIpv4Cidr, isIpv6, isIpv6Cidr as isIpv6CidrText, parseIpRange } from '../../world';

export const ipv4 = z.string().refine(isIpv4, { error: 'is not an IPv4 address' });
export const ipv4Cidr = z.string().refine(isIpv4Cidr, { error: 'is not an IPv4 CIDR' });
export const ipv6 = z.string().refine(isIpv6, { error: 'is not an IPv6 address' });
export const ipv6Cidr = z.string().refine(isIpv6CidrText, { error: 'is not an IPv6 CIDR' });

/** Any IP address (v4 or v6); the model keeps only IPv4, IPv6 values are dropped by the readers. */
export const anyIp = z.string().refine((s) => isIP(s) !== 0, { error: 'is not an IP address' });

/**
 * isIP(s) === 6, asked only of text with a colon (every IPv6 address has one): node compiles its large
 * IPv6 pattern on first use, which costs more than loading a small snapshot.
 */
const isIpv6Text = (s: string): boolean => s.includes(':') && isIP(s) === 6;

const isIpv6Cidr = (s: string): boolean => {
  const [addr, len, ...rest] = s.split('/');
  return rest.length === 0 && isIpv6Text(addr ?? '') && /^\d{1,3}$/.test(len ?? '') && Number(len) <= 128;
};

/** An IPv4 or IPv6 CIDR (prefix lists of either family). */
export const anyCidr = z.string().refine((s) => isIpv4Cidr(s) || isIpv6Cidr(s), { error: 'is not a CIDR' });

/** An IPv4 address, CIDR or range (`a-b`), or an IPv6 address or CIDR: what NSX accepts as an IP literal. */
export const nsxIpLiteral = z
  .string()
  .refine((s) => isIpv4(s) || isIpv4Cidr(s) || parseIpRange(s) !== undefined || isIpv6Text(s) || isIpv6Cidr(s), {
    error: 'is not an IP address, CIDR or range',
  });

/** An AWS resource id with its prefix, e.g. `vpc-0abc…`. */
export const awsId = (prefix: string) =>
  z.string().refine((s) => s.startsWith(`${prefix}-`) && s.length > prefix.length + 1, { error: `is not an id of the form ${prefix}-…` });

/** AWS `Tags` / `TagSet`: `[{Key, Value}]`. */
export const awsTags = z.array(z.looseObject({ Key: z.string(), Value: z.string().default('') })).default([]);

/** NSX `tags`: `[{scope, tag}]` (scope may be absent). */
export const nsxTags = z.array(z.looseObject({ scope: z.string().default(''), tag: z.string() })).default([]);

/** An NSX list response: `{results: [...], result_count}`. */
export const nsxList = <T extends z.ZodType>(item: T) =>
  z.looseObject({ results: z.array(item), result_count: z.number().int().optional() });

/** An ISO-8601 timestamp as the AWS CLI prints it (`2019-12-23T01:20:00+00:00` or `…000Z`). */
export const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: 'is not a date and time' });
