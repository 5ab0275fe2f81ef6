// The probe the lab runs for ICMP flows: iputils `ping -c N -W T` (numeric output), and what its output
// says. Blocked probes take the wait time T (seconds, fractions allowed), allowed ones a few ms.
export interface PingOptions {
  count?: number;
  /** Seconds to wait for each reply (iputils accepts fractions). Default 0.5. */
  waitSeconds?: number;
}

export const pingArgv = (ip: string, o: PingOptions = {}): string[] => [
  'ping',
  '-n',
  '-c',
  String(o.count ?? 1),
  '-W',
  String(o.waitSeconds ?? 0.5),
  ip,
];

/** Packets sent and received, from ping's summary line (`1 packets transmitted, 1 received, …`). */
export function pingSummary(stdout: string): { sent: number; received: number } | undefined {
  const m = /(\d+) packets transmitted, (\d+) (?:packets )?received/.exec(stdout);
  return m ? { sent: Number(m[1]), received: Number(m[2]) } : undefined;
}
