// IPv4 address and CIDR arithmetic on 32-bit numbers, built on ipaddr.js for parsing and validation;
// IPv6 is recognised (real exports are dual stack) so that IPv4 lookups can skip it instead of failing.
import ipaddr from 'ipaddr.js';

export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  network: number;
  prefix: number;
}

/** True when `text` is a dotted IPv4 address (no prefix). */
export const isIpv4 = (text: string): boolean => ipaddr.IPv4.isValidFourPartDecimal(text);

/** True when `text` is an IPv4 CIDR such as `10.0.0.0/16` (host bits may be set, as AWS accepts for SG rules). */
export function isIpv4Cidr(text: string): boolean {
  // Memoized: compiling a matrix's rules asks about the same few CIDRs hundreds of thousands of times.
  let known = ipv4CidrMemo.get(text);
  if (known === undefined) {
    try {
      const [addr] = ipaddr.parseCIDR(text);
      known = addr.kind() === 'ipv4' && isIpv4(text.split('/')[0] ?? '');
    } catch {
      known = false;
    }
    if (ipv4CidrMemo.size > 100_000) ipv4CidrMemo.clear();
    ipv4CidrMemo.set(text, known);
  }
  return known;
}
const ipv4CidrMemo = new Map<string, boolean>();

/** True when `text` is an IPv6 address (no prefix). */
export const isIpv6 = (text: string): boolean => ipaddr.IPv6.isValid(text) && !text.includes('/');

/** True when `text` is an IPv6 CIDR such as `2001:db8:1234:1a00::/56` or `::/0`. */
export function isIpv6Cidr(text: string): boolean {
  const [addr, len, ...rest] = text.split('/');
  if (rest.length !== 0 || len === undefined || !/^\d{1,3}$/.test(len) || Number(len) > 128) return false;
  return isIpv6(addr ?? '');
}

/** The address family of a CIDR or address, or undefined when it is neither. */
export function ipFamily(text: string): 'IPv4' | 'IPv6' | undefined {
  if (isIpv4Cidr(text) || isIpv4(text)) return 'IPv4';
  if (isIpv6Cidr(text) || isIpv6(text)) return 'IPv6';
  return undefined;
}

// Parsing is on the engine's hot path and the same few thousand addresses recur, so results are memoized
// (bounded: the memo is dropped when it grows past `memoLimit`).
const memoLimit = 200_000;
const ipMemo = new Map<string, number>();
const cidrMemo = new Map<string, Readonly<Cidr>>();

export function ipToNumber(ip: string): number {
  const hit = ipMemo.get(ip);
  if (hit !== undefined) return hit;
  if (!isIpv4(ip)) throw new RangeError(`not an IPv4 address: ${JSON.stringify(ip)}`);
  const b = ipaddr.IPv4.parse(ip).octets;
  const n = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  if (ipMemo.size >= memoLimit) ipMemo.clear();
  ipMemo.set(ip, n);
  return n;
}

export const numberToIp = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

export const maskOf = (prefix: number): number => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

/** Parses `a.b.c.d/n` (a bare address is a /32); the network is masked. */
export function parseCidr(text: string): Readonly<Cidr> {
  const hit = cidrMemo.get(text);
  if (hit !== undefined) return hit;
  const parts = text.includes('/') ? text.split('/') : [text, '32'];
  const [ip, len] = parts;
  const prefix = Number(len);
  if (parts.length !== 2 || !Number.isInteger(prefix) || prefix < 0 || prefix > 32 || String(prefix) !== len) {
    throw new RangeError(`not an IPv4 CIDR: ${JSON.stringify(text)}`);
  }
  const cidr = Object.freeze({ network: (ipToNumber(ip ?? '') & maskOf(prefix)) >>> 0, prefix });
  if (cidrMemo.size >= memoLimit) cidrMemo.clear();
  cidrMemo.set(text, cidr);
  return cidr;
}

export const formatCidr = (c: Cidr): string => `${numberToIp(c.network)}/${c.prefix}`;

export const cidrContainsIp = (c: Cidr, ip: number): boolean => (ip & maskOf(c.prefix)) >>> 0 === c.network;

export const cidrContains = (outer: Cidr, inner: Cidr): boolean => inner.prefix >= outer.prefix && cidrContainsIp(outer, inner.network);

export const cidrsOverlap = (a: Cidr, b: Cidr): boolean => cidrContains(a, b) || cidrContains(b, a);

/** True when `ip` (dotted) lies in `cidr` (text). */
export const inCidr = (ip: string, cidr: string): boolean => cidrContainsIp(parseCidr(cidr), ipToNumber(ip));

const literalMemo = new Map<string, { first: number; last: number } | null>();

/**
 * An IP literal as NSX groups and rules accept it (address, CIDR or `a-b` range) as inclusive numeric
 * bounds, or undefined when it is none of these. Memoized: group membership asks for the same literals.
 */
export function parseIpLiteral(text: string): { first: number; last: number } | undefined {
  let hit = literalMemo.get(text);
  if (hit === undefined) {
    hit = parseIpRange(text) ?? null;
    if (!hit && isIpv4Cidr(text)) {
      const c = parseCidr(text);
      hit = { first: c.network, last: c.network + 2 ** (32 - c.prefix) - 1 };
    } else if (!hit && isIpv4(text)) {
      const n = ipToNumber(text);
      hit = { first: n, last: n };
    }
    if (literalMemo.size >= memoLimit) literalMemo.clear();
    literalMemo.set(text, hit);
  }
  return hit ?? undefined;
}

/** Parses `a.b.c.d-e.f.g.h` into inclusive numeric bounds, or undefined when it is not a range. */
export function parseIpRange(text: string): { first: number; last: number } | undefined {
  const parts = text.split('-');
  if (parts.length !== 2 || !isIpv4(parts[0]!.trim()) || !isIpv4(parts[1]!.trim())) return undefined;
  return { first: ipToNumber(parts[0]!.trim()), last: ipToNumber(parts[1]!.trim()) };
}

/** First and last usable host of a subnet, AWS style: the first four and the last address are reserved. */
export function awsUsableRange(c: Cidr): { first: number; last: number } {
  const size = 2 ** (32 - c.prefix);
  return { first: c.network + 4, last: c.network + size - 2 };
}
