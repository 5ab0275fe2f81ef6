// ping's output for an outcome, in iputils and ping.exe formats: counts, statistics and exit codes.
import { linuxPing, measuredReplies, windowsPing, windowsPingFromMeasured } from './ping-output';

const req = { destination: '10.0.0.1', count: 3, intervalS: 1, timeoutS: 1, size: 56, quiet: false };

test('iputils, answered: one line per reply, the statistics and the rtt line; exit 0', () => {
  const out = linuxPing(req, { replies: true, ttl: 62, seed: 's' });
  expect(out.exitCode).toBe(0);
  expect(
    out.stdout.split('\n').map((l) => l.replace(/time=[\d.]+/, 'time=N').replace(/= [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms/, '= N/N/N/N ms')),
  ).toEqual([
    'PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.',
    '64 bytes from 10.0.0.1: icmp_seq=1 ttl=62 time=N ms',
    '64 bytes from 10.0.0.1: icmp_seq=2 ttl=62 time=N ms',
    '64 bytes from 10.0.0.1: icmp_seq=3 ttl=62 time=N ms',
    '',
    '--- 10.0.0.1 ping statistics ---',
    expect.stringMatching(/^3 packets transmitted, 3 received, 0% packet loss, time 20\d\dms$/),
    'rtt min/avg/max/mdev = N/N/N/N ms',
    '',
  ]);
});

test('iputils, lost: no reply lines, 100% loss, an empty line after the statistics; exit 1; runs count-1 intervals plus the timeout', () => {
  const out = linuxPing(req, { replies: false, ttl: 62, seed: 's' });
  expect(out.stdout).toMatch(
    /^PING 10\.0\.0\.1 \(10\.0\.0\.1\) 56\(84\) bytes of data\.\n\n--- 10\.0\.0\.1 ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time 20\d\dms\n\n$/,
  );
  expect([out.exitCode, out.durationMs]).toEqual([1, 3_000]);
});

test('the same seed prints the same times; another seed other times', () => {
  const a = linuxPing(req, { replies: true, ttl: 62, seed: 'x' }).stdout;
  expect(linuxPing(req, { replies: true, ttl: 62, seed: 'x' }).stdout).toBe(a);
  expect(linuxPing(req, { replies: true, ttl: 62, seed: 'y' }).stdout).not.toBe(a);
});

test('ping.exe, lost: Request timed out per packet, the loss line, CRLF; exit 1', () => {
  const out = windowsPing({ ...req, size: 32, count: 2 }, { replies: false, ttl: 126, seed: 's' });
  expect(out.stdout).toBe(
    '\r\nPinging 10.0.0.1 with 32 bytes of data:\r\nRequest timed out.\r\nRequest timed out.\r\n\r\nPing statistics for 10.0.0.1:\r\n    Packets: Sent = 2, Received = 0, Lost = 2 (100% loss),\r\n',
  );
  expect(out.exitCode).toBe(1);
});

describe('ping.exe from a real Linux ping (the lab)', () => {
  const iputils =
    'PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.\n64 bytes from 10.0.0.1: icmp_seq=1 ttl=62 time=0.412 ms\n64 bytes from 10.0.0.1: icmp_seq=3 ttl=62 time=2.61 ms\n\n--- 10.0.0.1 ping statistics ---\n3 packets transmitted, 2 received, 33.3333% packet loss, time 2003ms\n';
  const busybox =
    'PING 10.0.0.1 (10.0.0.1): 56 data bytes\n64 bytes from 10.0.0.1: seq=0 ttl=63 time=14.700 ms\n64 bytes from 10.0.0.1: seq=1 ttl=63 time=3.2 ms\n';

  test('carries the measured times and TTLs, per sequence number, with a timeout for the lost one', () => {
    const out = windowsPingFromMeasured({ ...req, size: 32 }, measuredReplies(iputils), 0);
    expect(out.stdout.split('\r\n').slice(2, 5)).toEqual([
      'Reply from 10.0.0.1: bytes=32 time<1ms TTL=62',
      'Request timed out.',
      'Reply from 10.0.0.1: bytes=32 time=3ms TTL=62',
    ]);
    expect(out.stdout).toContain('Packets: Sent = 3, Received = 2, Lost = 1 (33% loss),');
    expect(out.stdout).toContain('Minimum = 0ms, Maximum = 3ms, Average = 2ms');
    expect(out.exitCode).toBe(0);
  });

  test("busybox's seq=0 is the first packet", () => {
    expect(measuredReplies(busybox)).toEqual([
      { seq: 1, ttl: 63, timeMs: 14.7 },
      { seq: 2, ttl: 63, timeMs: 3.2 },
    ]);
  });

  test('no replies: every packet timed out, exit 1, no round-trip line', () => {
    const out = windowsPingFromMeasured(req, measuredReplies('PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.\n'), 0);
    expect(out.stdout).toContain('Lost = 3 (100% loss)');
    expect(out.stdout).not.toContain('Approximate');
    expect(out.exitCode).toBe(1);
  });
});
