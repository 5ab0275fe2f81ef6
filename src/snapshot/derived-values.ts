// Values the writer must print but the world does not hold (association ids, DNS names, timestamps),
// derived deterministically from what it does hold, so the same world always gives the same files.
// Also the seed a loaded world gets: a hash of the snapshot's contents.

/** FNV-1a over a string, as an unsigned 32-bit number. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  // Kept a signed 32-bit integer inside the loop (the same bits; V8 keeps it unboxed): a snapshot's
  // seed hashes every file, megabytes for a large one.
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `n` hex digits derived from `text`. */
export function hashHex(text: string, n: number): string {
  let out = '';
  for (let round = 0; out.length < n; round++) out += fnv1a(`${round}:${text}`).toString(16).padStart(8, '0');
  return out.slice(0, n);
}

/** An AWS-looking id (`<prefix>-` + 17 hex digits) derived from other values. */
export const derivedId = (prefix: string, ...from: (string | number)[]): string => `${prefix}-${hashHex(from.join('/'), 17)}`;

/** A UUID-looking string derived from other values. */
export function derivedUuid(...from: (string | number)[]): string {
  const h = hashHex(from.join('/'), 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The seed of a world loaded from these files: stable for the same contents, different for others. */
export function contentSeed(files: ReadonlyMap<string, string>): number {
  let h = 0x811c9dc5;
  for (const name of [...files.keys()].sort()) h = fnv1a(`${name}\n${files.get(name)}\n`, h);
  return h;
}

/** A time as the AWS CLI v2 prints it: `2019-12-23T01:20:00+00:00` (milliseconds only when not zero). */
export function awsTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.replace('.000Z', '+00:00') : iso.replace('Z', '+00:00');
}

/** EC2's private DNS name for an address (`ip-172-31-16-20.ap-northeast-1.compute.internal`). */
export function privateDnsName(ip: string, region: string): string {
  const domain = region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
  return `ip-${ip.replaceAll('.', '-')}.${domain}`;
}

/** VMC spells regions `AP_NORTHEAST_1`; AWS `ap-northeast-1`. */
export const vmcRegion = (awsRegion: string): string => awsRegion.toUpperCase().replaceAll('-', '_');
export const awsRegion = (region: string): string => region.toLowerCase().replaceAll('_', '-');
