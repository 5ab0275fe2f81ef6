// Reads a ping command line the way iputils (Linux) or ping.exe (Windows) would, into what the mock
// needs: the destination, the packet count, the interval, the reply timeout. Anything the mock does
// not model (hostnames, floods, endless pings, unknown options) is refused with the reason.

export interface PingRequest {
  destination: string;
  count: number;
  /** Seconds between packets (Linux -i; Windows sends one per second). */
  intervalS: number;
  /** Seconds to wait for a reply (Linux -W, default 10; Windows -w in ms / 1000, default 4). */
  timeoutS: number;
  /** Linux -w: stop after this many seconds whatever the count. */
  deadlineS?: number;
  /** ICMP payload bytes (Linux -s, default 56; Windows -l, default 32). */
  size: number;
  /** Linux -q: only the summary. */
  quiet: boolean;
}

export type PingParse = { ok: true; request: PingRequest } | { ok: false; reason: string };

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Splits a command line on blanks, honouring single and double quotes. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

const number = (v: string | undefined): number | undefined => (v !== undefined && /^\d+(\.\d+)?$/.test(v) ? Number(v) : undefined);

function destination(rest: string[]): string | { reason: string } {
  if (rest.length !== 1) return { reason: `ping needs exactly one destination, got ${rest.length === 0 ? 'none' : rest.join(' ')}` };
  const d = rest[0]!;
  if (!ipv4.test(d)) return { reason: `ping ${d}: only IPv4 addresses are supported by the mock (no name resolution)` };
  return d;
}

/** `ping [-c N] [-W S] [-w S] [-i S] [-s B] [-q] [-n] [-4] <ipv4>` (iputils). */
export function parseLinuxPing(words: readonly string[]): PingParse {
  const args = words.slice(1);
  let count: number | undefined;
  let timeoutS = 10;
  let deadlineS: number | undefined;
  let intervalS = 1;
  let size = 56;
  let quiet = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    const flag = a.slice(0, 2);
    if (['-q', '-n', '-4'].includes(a)) {
      if (a === '-q') quiet = true;
      continue;
    }
    if (!['-c', '-W', '-w', '-i', '-s'].includes(flag))
      return { ok: false, reason: `ping option ${a} is not supported by the mock (it knows -c -W -w -i -s -q -n -4)` };
    const value = a.length > 2 ? a.slice(2) : args[++i];
    const n = number(value);
    if (n === undefined) return { ok: false, reason: `ping ${flag} needs a number, got ${value ?? 'nothing'}` };
    if (flag === '-c') count = Math.floor(n);
    if (flag === '-W') timeoutS = n;
    if (flag === '-w') deadlineS = n;
    if (flag === '-i') intervalS = n;
    if (flag === '-s') size = Math.floor(n);
  }
  const dst = destination(rest);
  if (typeof dst !== 'string') return { ok: false, ...dst };
  if (count === undefined && deadlineS === undefined) {
    return { ok: false, reason: 'ping without -c or -w never ends (SSM would time it out); give -c N' };
  }
  if (intervalS < 0.2) return { ok: false, reason: 'ping -i below 0.2 s needs root (flood pings are not supported by the mock)' };
  const byDeadline = deadlineS !== undefined ? Math.max(1, Math.floor(deadlineS / intervalS)) : Infinity;
  return {
    ok: true,
    request: {
      destination: dst,
      count: Math.min(count ?? Infinity, byDeadline),
      intervalS,
      timeoutS,
      ...(deadlineS !== undefined ? { deadlineS } : {}),
      size,
      quiet,
    },
  };
}

/** `ping [-n N] [-w MS] [-l B] [-4] <ipv4>` (Windows ping.exe; options may start with / too). */
export function parseWindowsPing(words: readonly string[]): PingParse {
  const args = words.slice(1);
  let count = 4;
  let timeoutS = 4;
  let size = 32;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!/^[-/]/.test(a)) {
      rest.push(a);
      continue;
    }
    const flag = a.slice(1).toLowerCase();
    if (flag === '4') continue;
    if (!['n', 'w', 'l'].includes(flag))
      return { ok: false, reason: `ping option ${a} is not supported by the mock (it knows -n -w -l -4)` };
    const n = number(args[++i]);
    if (n === undefined) return { ok: false, reason: `ping ${a} needs a number` };
    if (flag === 'n') count = Math.floor(n);
    if (flag === 'w') timeoutS = n / 1000;
    if (flag === 'l') size = Math.floor(n);
  }
  const dst = destination(rest);
  if (typeof dst !== 'string') return { ok: false, ...dst };
  return { ok: true, request: { destination: dst, count, intervalS: 1, timeoutS, size, quiet: false } };
}
