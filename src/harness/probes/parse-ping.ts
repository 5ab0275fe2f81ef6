// Parses the output of ping as the three implementations print it (iputils on Linux, busybox, Windows)
// into packet counts and round-trip times. A reply is an echo reply: Windows prints "Reply from X:
// Destination host unreachable." and counts it as received, which is not a reply from the target.

export interface PingResult {
  format: 'iputils' | 'busybox' | 'windows';
  target: string;
  sent: number;
  /** Echo replies from the target (not ICMP errors from a router). */
  received: number;
  rttMs: { min: number; avg: number; max: number } | null;
  /** Per-reply round-trip times, in order. */
  replies: number[];
}

export class PingParseError extends Error {
  override readonly name = 'PingParseError';
}

const num = (s: string | undefined): number => Number(s);

function parseIputils(text: string): PingResult | undefined {
  const head = /^PING (\S+) \(([\d.]+)\) \d+\(\d+\) bytes of data\./m.exec(text);
  const stats = /^(\d+) packets transmitted, (\d+) received(?:, \+\d+ errors)?(?:, \+\d+ duplicates)?, [\d.]+% packet loss/m.exec(text);
  if (!head || !stats) return undefined;
  const replies = [...text.matchAll(/^\d+ bytes from [\d.]+(?: \([\d.]+\))?: icmp_seq=\d+ ttl=\d+ time=([\d.]+) ms$/gm)].map((m) =>
    num(m[1]),
  );
  const rtt = /^rtt min\/avg\/max\/mdev = ([\d.]+)\/([\d.]+)\/([\d.]+)\/[\d.]+ ms$/m.exec(text);
  return {
    format: 'iputils',
    target: head[2]!,
    sent: num(stats[1]),
    received: num(stats[2]),
    rttMs: rtt ? { min: num(rtt[1]), avg: num(rtt[2]), max: num(rtt[3]) } : null,
    replies,
  };
}

function parseBusybox(text: string): PingResult | undefined {
  const head = /^PING (\S+) \(([\d.]+)\): \d+ data bytes$/m.exec(text);
  const stats = /^(\d+) packets transmitted, (\d+) packets received, (?:\d+ duplicates, )?\d+% packet loss$/m.exec(text);
  if (!head || !stats) return undefined;
  const replies = [...text.matchAll(/^\d+ bytes from [\d.]+: seq=\d+ ttl=\d+ time=([\d.]+) ms$/gm)].map((m) => num(m[1]));
  const rtt = /^round-trip min\/avg\/max = ([\d.]+)\/([\d.]+)\/([\d.]+) ms$/m.exec(text);
  return {
    format: 'busybox',
    target: head[2]!,
    sent: num(stats[1]),
    received: num(stats[2]),
    rttMs: rtt ? { min: num(rtt[1]), avg: num(rtt[2]), max: num(rtt[3]) } : null,
    replies,
  };
}

function parseWindows(text: string): PingResult | undefined {
  const head = /^Pinging (\S+?)(?: \[([\d.]+)\])? with \d+ bytes of data:\r?$/m.exec(text);
  const stats = /Packets: Sent = (\d+), Received = (\d+), Lost = (\d+)/.exec(text);
  if (!head || !stats) return undefined;
  const target = head[2] ?? head[1]!;
  // Only "Reply from <target>: bytes=… time…" lines are echo replies.
  const replies = [...text.matchAll(/^Reply from ([\d.]+): bytes=\d+ time([<=])(\d+)ms TTL=\d+\r?$/gm)]
    .filter((m) => m[1] === target)
    .map((m) => (m[2] === '<' ? 0 : num(m[3])));
  const rtt = /Minimum = (\d+)ms, Maximum = (\d+)ms, Average = (\d+)ms/.exec(text);
  return {
    format: 'windows',
    target,
    sent: num(stats[1]),
    received: replies.length,
    rttMs: rtt && replies.length > 0 ? { min: num(rtt[1]), avg: num(rtt[3]), max: num(rtt[2]) } : null,
    replies,
  };
}

/** Parses ping's standard output; throws PingParseError when it is none of the known formats. */
export function parsePing(stdout: string): PingResult {
  const result = parseIputils(stdout) ?? parseBusybox(stdout) ?? parseWindows(stdout);
  if (!result) {
    const excerpt = stdout.trim().split('\n').slice(0, 3).join(' | ').slice(0, 200);
    throw new PingParseError(`not ping output from iputils, busybox or Windows: ${excerpt ? JSON.stringify(excerpt) : '(empty output)'}`);
  }
  return result;
}
