// What ping prints, byte for byte in the format of iputils 20221126 (Linux) and ping.exe (Windows),
// for a given outcome: every packet answered (the engine says reachable) or none (blocked). Counts
// are true (sent = requested, received = sent or 0), round-trip times are plausible values drawn
// from a seed, so the same command prints the same output (the model sends no packet: the reports label
// these transcripts as generated). For the lab, windowsPingFromMeasured prints ping.exe's format from
// a real Linux ping's reply lines, with the round-trip times it measured.
import type { PingRequest } from './ping-args';

export interface PingOutcome {
  replies: boolean;
  /** TTL of the replies as they arrive (the destination OS's initial TTL minus the routers crossed). */
  ttl: number;
  seed: string;
}

export interface PingText {
  stdout: string;
  exitCode: number;
  /** How long the real ping would run, in ms. */
  durationMs: number;
}

/** Deterministic round-trip times around 1 ms (the cross-link between the VPC and the SDDC). */
function roundTrips(seed: string, n: number): number[] {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  const next = (): number => {
    h = (Math.imul(h, 1664525) + 1013904223) >>> 0;
    return h / 4294967296;
  };
  const base = 0.8 + next() * 0.6;
  return Array.from({ length: n }, (_, i) => base + next() * 0.4 + (i === 0 ? 0.3 : 0));
}

/** iputils' reply time: 3 significant-ish digits as ping prints them. */
function iputilsTime(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function linuxPing(req: PingRequest, outcome: PingOutcome): PingText {
  const n = req.count;
  const dst = req.destination;
  const lines = [`PING ${dst} (${dst}) ${req.size}(${req.size + 28}) bytes of data.`];
  const rtts = roundTrips(outcome.seed, n);
  const spanMs = (n - 1) * req.intervalS * 1000;
  if (outcome.replies && !req.quiet)
    rtts.forEach((t, i) => lines.push(`${req.size + 8} bytes from ${dst}: icmp_seq=${i + 1} ttl=${outcome.ttl} time=${iputilsTime(t)} ms`));
  lines.push('', `--- ${dst} ping statistics ---`);
  const received = outcome.replies ? n : 0;
  const loss = outcome.replies ? 0 : 100;
  const elapsed = Math.round(spanMs + (outcome.replies ? 2 + ((rtts[0]! * 10) % 3) : 40 + ((rtts[0]! * 100) % 20)));
  lines.push(`${n} packets transmitted, ${received} received, ${loss}% packet loss, time ${elapsed}ms`);
  if (outcome.replies) {
    const avg = rtts.reduce((a, b) => a + b, 0) / n;
    const mdev = Math.sqrt(rtts.reduce((a, t) => a + t * t, 0) / n - avg * avg);
    lines.push(
      `rtt min/avg/max/mdev = ${Math.min(...rtts).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...rtts).toFixed(3)}/${(Number.isNaN(mdev) ? 0 : mdev).toFixed(3)} ms`,
    );
  } else {
    lines.push('');
  }
  const waitMs = req.deadlineS !== undefined ? req.deadlineS * 1000 : spanMs + req.timeoutS * 1000;
  return {
    stdout: `${lines.join('\n')}\n`,
    exitCode: outcome.replies ? 0 : 1,
    durationMs: outcome.replies ? spanMs + rtts[n - 1]! : waitMs,
  };
}

export function windowsPing(req: PingRequest, outcome: PingOutcome): PingText {
  const n = req.count;
  const dst = req.destination;
  const rtts = roundTrips(outcome.seed, n).map((t) => Math.round(t));
  const lines = ['', `Pinging ${dst} with ${req.size} bytes of data:`];
  for (let i = 0; i < n; i++) {
    lines.push(
      outcome.replies
        ? `Reply from ${dst}: bytes=${req.size} time${rtts[i]! < 1 ? '<1' : `=${rtts[i]}`}ms TTL=${outcome.ttl}`
        : 'Request timed out.',
    );
  }
  const received = outcome.replies ? n : 0;
  lines.push(
    '',
    `Ping statistics for ${dst}:`,
    `    Packets: Sent = ${n}, Received = ${received}, Lost = ${n - received} (${outcome.replies ? 0 : 100}% loss),`,
  );
  if (outcome.replies) {
    const avg = Math.round(rtts.reduce((a, b) => a + b, 0) / n);
    lines.push(
      'Approximate round trip times in milli-seconds:',
      `    Minimum = ${Math.min(...rtts)}ms, Maximum = ${Math.max(...rtts)}ms, Average = ${avg}ms`,
    );
  }
  return {
    stdout: `${lines.join('\r\n')}\r\n`,
    exitCode: outcome.replies ? 0 : 1,
    durationMs: outcome.replies ? (n - 1) * 1000 + rtts[n - 1]! : n * req.timeoutS * 1000,
  };
}

/** One echo reply as the Linux ping printed it: iputils (`icmp_seq=1`, from 1) or busybox (`seq=0`, from 0). */
export interface MeasuredReply {
  /** 1-based, as ping.exe numbers nothing but counts in order. */
  seq: number;
  ttl: number;
  timeMs: number;
}

/** The reply lines of a real Linux ping (iputils or busybox): the measured round-trip times and TTLs. */
export function measuredReplies(linuxStdout: string): MeasuredReply[] {
  const out: MeasuredReply[] = [];
  for (const m of linuxStdout.matchAll(/^\d+ bytes from [^:]+: (icmp_seq|seq)=(\d+) ttl=(\d+) time=([\d.]+) ms/gm)) {
    const seq = Number(m[2]) + (m[1] === 'seq' ? 1 : 0);
    if (!out.some((r) => r.seq === seq)) out.push({ seq, ttl: Number(m[3]), timeMs: Number(m[4]) });
  }
  return out;
}

/**
 * ping.exe's output for a ping that really ran on Linux (the lab): the packets that came back, with the
 * round-trip times and TTLs the Linux ping measured, in ping.exe's rounding (`time<1ms`, whole ms).
 */
export function windowsPingFromMeasured(req: PingRequest, replies: readonly MeasuredReply[], durationMs: number): PingText {
  const n = req.count;
  const dst = req.destination;
  const bySeq = new Map(replies.map((r) => [r.seq, r]));
  const lines = ['', `Pinging ${dst} with ${req.size} bytes of data:`];
  const ms: number[] = [];
  for (let i = 1; i <= n; i++) {
    const r = bySeq.get(i);
    if (!r) {
      lines.push('Request timed out.');
      continue;
    }
    const t = Math.round(r.timeMs);
    ms.push(t);
    lines.push(`Reply from ${dst}: bytes=${req.size} time${r.timeMs < 1 ? '<1' : `=${t}`}ms TTL=${r.ttl}`);
  }
  const received = ms.length;
  const lossPct = Math.floor(((n - received) / n) * 100);
  lines.push(
    '',
    `Ping statistics for ${dst}:`,
    `    Packets: Sent = ${n}, Received = ${received}, Lost = ${n - received} (${lossPct}% loss),`,
  );
  if (received > 0) {
    lines.push(
      'Approximate round trip times in milli-seconds:',
      `    Minimum = ${Math.min(...ms)}ms, Maximum = ${Math.max(...ms)}ms, Average = ${Math.round(ms.reduce((a, b) => a + b, 0) / received)}ms`,
    );
  }
  return { stdout: `${lines.join('\r\n')}\r\n`, exitCode: received > 0 ? 0 : 1, durationMs };
}
