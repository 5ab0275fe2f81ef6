// `collect --scrub`: account ids and public IPv4 addresses replaced by placeholders, consistently across
// every file, so a snapshot can go into a ticket and still reproduce. Account ids (12 digits in owner,
// account and user id fields, and in ARNs) become 000000000001, 000000000002, … in order of first
// appearance, everywhere they occur. Public addresses and public CIDRs (/15 or longer) map into
// 198.18.0.0/15 (RFC 2544, never routed publicly), blocks aligned and containment kept: an address inside
// a scrubbed CIDR lands inside the CIDR's placeholder. Private, shared, link-local and loopback addresses,
// and larger public ranges (0.0.0.0/0, AWS's own), stay: reachability depends on them and they identify
// no one. Version fields are left alone (NSX versions look like addresses).
import { mapFiles, mapJson } from './json-walk';

const accountKey = /(owner|account|user)(_?id|_?number)?$/i;
const arnAccount = /(arn:aws[\w-]*:[\w-]*:[\w-]*:)(\d{12})(?=:)/g;
const ipv4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?(?![\d.])/g;
const dashed = /\b(ec2|ip)-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\b/g;
const placeholderBase = (198 << 24) | (18 << 16);
const placeholderBits = 15;

const toInt = (a: number[]): number => ((a[0]! << 24) | (a[1]! << 16) | (a[2]! << 8) | a[3]!) >>> 0;
const toText = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const maskOf = (len: number): number => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);

export function isPublic(n: number): boolean {
  const inNet = (base: string, len: number): boolean => (n & maskOf(len)) >>> 0 === toInt(base.split('.').map(Number));
  return !(
    inNet('10.0.0.0', 8) ||
    inNet('172.16.0.0', 12) ||
    inNet('192.168.0.0', 16) ||
    inNet('100.64.0.0', 10) ||
    inNet('169.254.0.0', 16) ||
    inNet('127.0.0.0', 8) ||
    inNet('0.0.0.0', 8) ||
    inNet('224.0.0.0', 3) ||
    inNet('198.18.0.0', placeholderBits)
  );
}

/** Consistent block mapping of public addresses into 198.18.0.0/15. */
class AddressMap {
  private readonly blocks: { from: number; len: number; to: number }[] = [];
  private next = 0;

  /** Registers every block before any mapping, largest first, so containment can be kept. */
  plan(found: { addr: number; len: number }[]): void {
    for (const f of [...found].sort((a, b) => a.len - b.len)) {
      const from = (f.addr & maskOf(f.len)) >>> 0;
      if (this.lookup(from, f.len) !== undefined) continue;
      const size = 2 ** (32 - f.len);
      const start = Math.ceil(this.next / size) * size;
      if (start + size > 2 ** (32 - placeholderBits)) throw new Error('too many public addresses to scrub into 198.18.0.0/15');
      this.blocks.push({ from, len: f.len, to: (placeholderBase + start) >>> 0 });
      this.next = start + size;
    }
  }

  lookup(addr: number, len: number): number | undefined {
    const b = this.blocks.find((x) => x.len <= len && (addr & maskOf(x.len)) >>> 0 === x.from);
    return b ? (b.to + (addr - b.from)) >>> 0 : undefined;
  }
}

const scrubbable = (octets: number[], len: number | undefined): boolean =>
  octets.every((o) => o <= 255) && (len === undefined || (len >= placeholderBits && len <= 32)) && isPublic(toInt(octets));
const skipKey = (key: string): boolean => /version|build/i.test(key);

export interface ScrubResult {
  files: Map<string, string>;
  accounts: number;
  addresses: number;
}

export function scrubFiles(files: ReadonlyMap<string, string>): ScrubResult {
  const accounts = new Map<string, string>();
  const found: { addr: number; len: number }[] = [];
  const noteAccount = (id: string): void => {
    if (!accounts.has(id)) accounts.set(id, String(accounts.size + 1).padStart(12, '0'));
  };
  // Pass 1: what to replace.
  for (const text of files.values()) {
    mapJson(JSON.parse(text) as unknown, (v, key) => {
      if (accountKey.test(key) && /^\d{12}$/.test(v)) noteAccount(v);
      for (const m of v.matchAll(arnAccount)) noteAccount(m[2]!);
      if (skipKey(key)) return v;
      for (const m of v.matchAll(ipv4)) {
        const octets = m.slice(1, 5).map(Number);
        const len = m[5] === undefined ? undefined : Number(m[5]);
        if (scrubbable(octets, len)) found.push({ addr: toInt(octets), len: len ?? 32 });
      }
      for (const m of v.matchAll(dashed)) {
        const octets = m.slice(2, 6).map(Number);
        if (scrubbable(octets, undefined)) found.push({ addr: toInt(octets), len: 32 });
      }
      return v;
    });
  }
  const map = new AddressMap();
  map.plan(found);
  const accountRe = accounts.size > 0 ? new RegExp(`(?<!\\d)(${[...accounts.keys()].join('|')})(?!\\d)`, 'g') : undefined;
  // Pass 2: replace.
  const out = mapFiles(files, (json) =>
    mapJson(json, (v, key) => {
      let s = accountRe ? v.replace(accountRe, (id) => accounts.get(id)!) : v;
      if (skipKey(key)) return s;
      s = s.replace(ipv4, (whole, a, b, c, d, len) => {
        const octets = [a, b, c, d].map(Number);
        const l = len === undefined ? undefined : Number(len);
        if (!scrubbable(octets, l)) return whole;
        const to = map.lookup(toInt(octets), l ?? 32);
        return to === undefined ? whole : `${toText(to)}${l === undefined ? '' : `/${l}`}`;
      });
      return s.replace(dashed, (whole, prefix, a, b, c, d) => {
        const octets = [a, b, c, d].map(Number);
        const to = scrubbable(octets, undefined) ? map.lookup(toInt(octets), 32) : undefined;
        return to === undefined ? whole : `${prefix}-${toText(to).replace(/\./g, '-')}`;
      });
    }),
  );
  return { files: out, accounts: accounts.size, addresses: new Set(found.map((f) => `${f.addr}/${f.len}`)).size };
}
